import { quote } from "../../text/words";
import { defineRule } from "../rule";
import { saysNothingChanges } from "../support/text";

export default defineRule({
  meta: {
    id: "no-leverage",
    category: "Leverage",
    defaultSeverity: "error",
    summary: "The partner says nothing changes for it if we walk away: there is no leverage.",
    rationale:
      "When the partner's honest answer to \"if we don't do this partnership, what happens to you?\" is that nothing changes, it does not need us, and no amount of co-marketing will make it invest. Walk away, or come back when you have found real leverage. The rule recognises the answers `nothing`, `none`, `nothing changes`, `nothing really changes` and `no change`, ignoring case, surrounding spaces and trailing punctuation; anything longer is taken as a real answer.",
    options: {},
    reads: ["leverage.ifWeWalkAway"],
    examples: {
      failing: "leverage:\n  type: customer\n  ifWeWalkAway: Nothing really changes.",
      passing:
        "leverage:\n  type: customer\n  ifWeWalkAway: Two of our largest MSP customers would move to a competitor.",
    },
  },
  check({ charter, report }) {
    const answer = charter.leverage?.ifWeWalkAway;
    if (!saysNothingChanges(answer)) return;
    report({
      message: `If we walk away, the partner says ${quote(answer!)}: there is no leverage here, so walk away. A partnership needs the partner to lose something without us — a certification, revenue, customers; find that leverage or don't pursue it.`,
      at: ["leverage", "ifWeWalkAway"],
      anchor: "value",
    });
  },
});
