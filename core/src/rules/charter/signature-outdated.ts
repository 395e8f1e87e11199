import { defineRule } from "../rule";

export default defineRule({
  meta: {
    id: "signature-outdated",
    category: "Charter",
    defaultSeverity: "error",
    summary: "A signature's `digest` does not match the charter any more: its terms changed after it was signed.",
    rationale:
      "A signature means agreement to a specific text. `partner-charter sign` records a digest of the charter's terms next to each signature: its content without comments, layout, `status`, `updated`, the signatures themselves and the progress records (phase outcomes and their dates, the ROI validation, the launch checklist), so recording a go/no-go or ticking a launch item never voids a signature. When someone later edits a commitment, a date or a threshold, the digest no longer matches and the signature no longer covers what the charter says. Review the change with the other side and sign again; re-signing is a deliberate act, so there is no automatic fix.\n\nThis finding cannot be silenced by a suppression comment: a comment that tries is itself reported (`config`, error). A signature that no longer covers the text must be renewed, not hidden.",
    options: {},
    reads: ["signatures.*.digest"],
    subjects: ["signatures.*"],
    suppressible: false,
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
        message: `The terms changed after ${who} signed for ${side}: review the change together and sign again (Sign Charter… in VS Code, or partner-charter sign). Digest now: ${facts.digest}`,
        at: ["signatures", signature.index, "digest"],
      });
    }
  },
});
