import { quote } from "../../text/words";
import { defineRule } from "../rule";
import { isBlank, saysNothingIsLost } from "../support/text";

const SIDES = [
  { side: "us", who: "we", whose: "our" },
  { side: "partner", who: "the partner", whose: "the partner's" },
] as const;

export default defineRule({
  meta: {
    id: "mutual-risk",
    category: "Skin in the game",
    defaultSeverity: "error",
    summary: "A side does not say what it loses if the partnership fails, or says it loses nothing.",
    rationale:
      'The quickest test of a partnership: if it fails, what does each side lose? If the honest answer for either side is "nothing", that side can walk away at no cost, and it is a handshake rather than a partnership. Write down, for each side, the real loss — the engineer-months, the committed spend, the channel, the certification gap. The rule reports each side whose answer is missing, empty, or one of `nothing`, `none`, `n/a`, `no loss` or `-` (ignoring case, surrounding spaces and trailing punctuation such as "Nothing.").',
    options: {},
    reads: ["commitments.ifItFails"],
    examples: {
      failing: "commitments:\n  ifItFails:\n    us: 12 engineer-months and the MSP channel\n    partner: nothing",
      passing:
        "commitments:\n  ifItFails:\n    us: 12 engineer-months and the MSP channel\n    partner: the enablement fund and a gap in its certified stack",
    },
  },
  check({ charter, report }) {
    const commitments = charter.commitments;
    if (!commitments) return;
    const ifItFails = commitments.ifItFails;
    for (const { side, who, whose } of SIDES) {
      const answer = ifItFails?.[side];
      let problem: string;
      if (isBlank(answer)) {
        problem = `The charter does not say what ${who} ${side === "us" ? "lose" : "loses"} if the partnership fails ("commitments.ifItFails.${side}" is ${answer === undefined ? "missing" : "empty"}).`;
      } else if (saysNothingIsLost(answer)) {
        problem = `The charter says ${who} ${side === "us" ? "lose" : "loses"} ${quote(answer!)} if the partnership fails.`;
      } else continue;
      report({
        message: `${problem} Name what ${whose} side really loses — engineering time, committed spend, a channel, a certification: if a side can walk away at no cost, it's a handshake, not a partnership.`,
        at: ["commitments", "ifItFails", side],
        anchor: "value",
      });
    }
  },
});
