import { defineRule } from "../rule";
import { fillFix } from "../support/fixes";
import { isBlank } from "../support/text";

export default defineRule({
  meta: {
    id: "qualification-answer",
    category: "Leverage",
    defaultSeverity: "warning",
    summary: "The partner's answer to \"if we don't do this partnership, what happens to you?\" is missing.",
    rationale:
      "One question qualifies a partner better than any deck: \"If we don't do this partnership, what happens to you?\" Ask it, and write the partner's own answer in `leverage.ifWeWalkAway`. An answer about a lost certification or lost revenue means strong leverage; a possible loss of a few customers means moderate leverage, to be tested carefully; an answer that nothing changes means there is none (`no-leverage`). Without the answer, the partnership is pitched on our benefit instead of theirs.",
    options: {},
    reads: ["leverage.ifWeWalkAway"],
    examples: {
      failing: "leverage:\n  type: requirement",
      passing: "leverage:\n  type: requirement\n  ifWeWalkAway: Their MSPs lose certification.",
    },
  },
  check({ charter, report, today }) {
    const leverage = charter.leverage;
    if (!leverage || !isBlank(leverage.ifWeWalkAway)) return;
    report({
      message: `Ask the partner "If we don't do this partnership, what happens to you?" and write its answer in leverage.ifWeWalkAway.`,
      at: ["leverage", "ifWeWalkAway"],
      fixes: [fillFix(["leverage", "ifWeWalkAway"], today, "Add the partner's answer as TODO")],
      anchor: "value",
    });
  },
});
