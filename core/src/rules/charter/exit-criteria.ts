import { defineRule } from "../rule";
import { fillFix } from "../support/fixes";
import { isBlank } from "../support/text";

export default defineRule({
  meta: {
    id: "exit-criteria",
    category: "Charter",
    defaultSeverity: "error",
    summary: "The charter has no exit criteria (`governance.exitCriteria`).",
    rationale:
      "Every partnership should say, before it starts, what result would end it: a customer count not reached by a date, a revenue floor, a missed review. Written while both sides are optimistic, exit criteria let either side step back without a fight; left unwritten, a partnership that is not working is renewed by default because nobody wants to be the one who calls it. List at least one concrete, checkable condition under `governance.exitCriteria`.",
    options: {},
    reads: ["governance?", "governance.exitCriteria"],
    examples: {
      failing: "governance:\n  owners: { us: Priya Shah, partner: Tom Lee }",
      passing:
        "governance:\n  owners: { us: Priya Shah, partner: Tom Lee }\n  exitCriteria:\n    - fewer than 40 MSPs live by the end of Q3",
    },
  },
  check({ charter, today, report }) {
    const governance = charter.governance;
    if (!governance) return;
    const criteria = governance.exitCriteria;
    if (criteria?.some((item) => !isBlank(item))) return;
    report({
      message:
        'No exit criteria: write down now what would end the partnership (e.g. "fewer than 40 customers live by Q3") in governance.exitCriteria.',
      // Missing: reported on `governance` (its parent's key); empty: on the empty list.
      at: ["governance", "exitCriteria"],
      fixes: [fillFix(["governance", "exitCriteria"], today, "Add exit criteria with a TODO to decide")],
    });
  },
});
