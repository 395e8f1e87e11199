import { defineRule } from "../rule";

export default defineRule({
  meta: {
    id: "signature-outdated",
    category: "Charter",
    defaultSeverity: "error",
    summary: "A signature's `digest` does not match the charter any more: the charter changed after it was signed.",
    rationale:
      "A signature means agreement to a specific text. `partner-charter sign` records a digest of the charter's content (ignoring comments, layout, `status`, `updated` and the signatures themselves) next to each signature. When someone later edits a commitment, a date or a threshold, the digest no longer matches and the signature no longer covers what the charter says. Review the change with the other side and sign again; re-signing is a deliberate act, so there is no automatic fix.",
    options: {},
    reads: ["signatures"],
    examples: {
      failing:
        "signatures:\n  - { party: us, name: Priya Shah, date: 2025-12-15, digest: sha256:<digest of an earlier version> }",
      passing:
        "signatures:\n  - { party: us, name: Priya Shah, date: 2025-12-15, digest: sha256:<digest of the current content> }",
    },
  },
  check({ facts, report }) {
    for (const signature of facts.signatures) {
      if (signature.state !== "outdated") continue;
      const who = signature.name ?? "the signer";
      const side = signature.party === "partner" ? "the partner" : "us";
      report({
        message: `The charter changed after ${who} signed it for ${side}: its digest is now ${facts.digest}. Review the changes with ${who} and sign again (\`partner-charter sign FILE --party ${signature.party} …\`).`,
        at: ["signatures", signature.index, "digest"],
      });
    }
  },
});
