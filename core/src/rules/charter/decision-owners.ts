import { defineRule } from "../rule";
import { fillFix } from "../support/fixes";
import { isBlank, sideName } from "../support/text";

export default defineRule({
  meta: {
    id: "decision-owners",
    category: "Charter",
    defaultSeverity: "error",
    summary: "`governance.owners` does not name a decision owner for each side.",
    rationale:
      "When a partnership hits a hard call (a slipped integration, a pricing conflict, a customer escalation) each company needs one named person who can decide for it. Without that, decisions wait for whoever has time, and the partner learns that nobody on your side is accountable. Name one owner per side in `governance.owners`, a person rather than a team.",
    options: {},
    reads: ["governance?", "governance.owners.us", "governance.owners.partner"],
    subjects: ["governance.owners.us", "governance.owners.partner"],
    examples: {
      failing: "governance:\n  owners: { us: Priya Shah }",
      passing: "governance:\n  owners: { us: Priya Shah, partner: Tom Lee }",
    },
  },
  check({ charter, today, report }) {
    const governance = charter.governance;
    if (!governance) return;
    for (const side of ["us", "partner"] as const) {
      if (!isBlank(governance.owners?.[side])) continue;
      report({
        message: `No decision owner for ${sideName(side)}: name in governance.owners.${side} the one person who decides for ${side === "us" ? "us" : "the partner"}.`,
        // Resolves to the (blank) value, else `owners`, else `governance`.
        at: ["governance", "owners", side],
        fixes: [
          governance.owners === undefined
            ? fillFix(["governance", "owners"], today, "Add decision owners for both sides as TODO")
            : fillFix(["governance", "owners", side], today, `Add the decision owner for ${sideName(side)} as TODO`),
        ],
      });
    }
  },
});
