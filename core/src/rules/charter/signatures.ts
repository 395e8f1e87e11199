import { daysBetween, isIsoDate } from "../../facts/dates";
import { plural } from "../../text/words";
import { defineRule } from "../rule";

const PARTIES = ["us", "partner"] as const;
const PARTY_LABEL: Record<"us" | "partner", string> = { us: "our side", partner: "the partner" };

export default defineRule({
  meta: {
    id: "signatures",
    category: "Charter",
    defaultSeverity: "error",
    summary:
      "The charter is `signed` or `active` but a party has not signed it (error), or a signature is dated in the future (warning).",
    rationale:
      "The signature test is simple: if either side will not put its name under the commitments, there is no real partnership yet, only intentions. Signing also gives both teams the written alignment they will need when things get hard. A charter may be drafted and proposed without signatures, but it is `signed` or `active` only once someone on each side has signed it (`partner-charter sign`). A signature dated after today is usually a typo and is flagged as a warning.\n\nWhere the finding appears: on the `signatures` key when the list exists, otherwise on the `status` value, since that is what claims the charter was signed.",
    options: {},
    reads: ["status", "signatures?", "signatures.*.party", "signatures.*.name", "signatures.*.date"],
    subjects: ["signatures.*"],
    examples: {
      failing: "status: active\nsignatures:\n  - { party: us, name: Priya Shah, date: 2025-12-15 }",
      passing:
        "status: active\nsignatures:\n  - { party: us, name: Priya Shah, date: 2025-12-15 }\n  - { party: partner, name: Tom Lee, date: 2025-12-18 }",
    },
  },
  check({ charter, facts, today, report }) {
    if (charter.status === "signed" || charter.status === "active") {
      const missing = PARTIES.filter(
        (party) => !facts.signatures.some((signature) => signature.party === party && signature.name !== undefined),
      );
      if (missing.length > 0) {
        const who = missing.length === 2 ? "neither side has signed" : `${PARTY_LABEL[missing[0]!]} has not signed`;
        const how = missing.map((party) => `--party ${party}`).join(", then ");
        report({
          message: `The status is ${charter.status}, but ${who}: sign (Sign Charter… in VS Code, or partner-charter sign ${how}) or set the status back to proposed.`,
          ...(charter.signatures !== undefined
            ? { at: ["signatures"], anchor: "key" as const }
            : { at: ["status"], anchor: "value" as const }),
        });
      }
    }

    for (const signature of facts.signatures) {
      if (!isIsoDate(signature.date) || signature.date <= today) continue;
      report({
        message: `${signature.name ? `${signature.name}'s` : "This"} signature is dated ${signature.date}, ${plural(daysBetween(today, signature.date)!, "day")} from now: use the date it was really signed.`,
        at: ["signatures", signature.index, "date"],
        severity: "warning",
      });
    }
  },
});
