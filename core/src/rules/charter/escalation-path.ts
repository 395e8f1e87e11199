import { defineRule } from "../rule";
import { fillFix } from "../support/fixes";
import { isBlank } from "../support/text";

export default defineRule({
  meta: {
    id: "escalation-path",
    category: "Charter",
    defaultSeverity: "warning",
    summary: "The charter has no escalation path (`governance.escalation`).",
    rationale:
      "Disagreements are certain in a partnership that matters; what is optional is whether they get resolved quickly. An agreed escalation path (for example partner managers, then the VPs of partnerships, then the executive sponsors) means a blocked decision moves up one step at a time instead of festering or jumping straight to the CEOs. List the steps, first step first, under `governance.escalation`.",
    options: {},
    reads: ["governance?", "governance.escalation"],
    examples: {
      failing: "governance:\n  owners: { us: Priya Shah, partner: Tom Lee }",
      passing:
        "governance:\n  owners: { us: Priya Shah, partner: Tom Lee }\n  escalation: [partner managers, VPs of partnerships, executive sponsors]",
    },
  },
  check({ charter, today, report }) {
    const governance = charter.governance;
    if (!governance) return;
    const steps = governance.escalation;
    if (steps?.some((step) => !isBlank(step))) return;
    report({
      message:
        "No escalation path: list in governance.escalation how a dispute moves up (e.g. partner managers, VPs, executive sponsors).",
      at: ["governance", "escalation"],
      fixes: [fillFix(["governance", "escalation"], today, "Add an escalation path with TODO steps")],
    });
  },
});
