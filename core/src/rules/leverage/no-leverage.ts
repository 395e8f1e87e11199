import { listPhrase, quote } from "../../text/words";
import { defineRule } from "../rule";
import { NOTHING_CHANGES_PHRASES, saysNothingChanges } from "../support/text";

export default defineRule({
  meta: {
    id: "no-leverage",
    category: "Leverage",
    defaultSeverity: "error",
    summary: "The partner says nothing changes for it if we walk away: there is no leverage.",
    rationale: `When the partner's honest answer to "if we don't do this partnership, what happens to you?" is that nothing changes, it does not need us, and no amount of co-marketing will make it invest. Walk away, or come back when you have found real leverage.\n\nThe rule recognises the answers ${listPhrase(
      NOTHING_CHANGES_PHRASES.map((phrase) => `\`${phrase}\``),
      "and",
    )}, after normalising: case, surrounding spaces and quotes, trailing punctuation and the filler words "at all", "really", "for them", "for us" and "for the partner" do not matter ("Nothing really changes." and "No impact for them" are recognised). Anything longer is taken as a real answer.`,
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
      message: `No leverage: the partner says ${quote(answer!)} if we walk away. Walk away, or find what it would lose without us.`,
      at: ["leverage", "ifWeWalkAway"],
      anchor: "value",
    });
  },
});
