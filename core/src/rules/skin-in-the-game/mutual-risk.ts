import { listPhrase, quote } from "../../text/words";
import { defineRule } from "../rule";
import { fillFix } from "../support/fixes";
import { isBlank, NOTHING_LOST_PHRASES, saysNothingIsLost } from "../support/text";

const SIDES = [
  { side: "us", who: "we lose" },
  { side: "partner", who: "the partner loses" },
] as const;

export default defineRule({
  meta: {
    id: "mutual-risk",
    category: "Skin in the game",
    defaultSeverity: "error",
    summary: "A side does not say what it loses if the partnership fails, or says it loses nothing.",
    rationale: `The quickest test of a partnership: if it fails, what does each side lose? If the honest answer for either side is "nothing", that side can walk away at no cost, and it is a handshake rather than a partnership. Write down, for each side, the real loss — the engineer-months, the committed spend, the channel, the certification gap.\n\nThe rule reports each side whose \`commitments.ifItFails\` answer is missing, empty, or says nothing is lost: ${listPhrase(
      NOTHING_LOST_PHRASES.map((phrase) => `\`${phrase}\``),
      "or",
    )}. Answers are compared after normalising: case, surrounding spaces and quotes, trailing punctuation and the filler words "at all", "really", "for them", "for us" and "for the partner" do not matter, so "Nothing at all." and "No real loss for them" are recognised.`,
    options: {},
    reads: ["commitments.ifItFails.us", "commitments.ifItFails.partner"],
    subjects: ["commitments.ifItFails.us", "commitments.ifItFails.partner"],
    examples: {
      failing:
        "commitments:\n  ifItFails:\n    us: 12 engineer-months and the MSP channel\n    partner: Nothing at all.",
      passing:
        "commitments:\n  ifItFails:\n    us: 12 engineer-months and the MSP channel\n    partner: the enablement fund and a gap in its certified stack",
    },
  },
  check({ charter, today, report }) {
    const commitments = charter.commitments;
    if (!commitments) return;
    for (const { side, who } of SIDES) {
      const answer = commitments.ifItFails?.[side];
      let message: string;
      if (isBlank(answer)) {
        message = `Say what ${who} if the partnership fails (ifItFails.${side} is ${answer === undefined ? "missing" : "empty"}): engineer time, spend, a channel.`;
      } else if (saysNothingIsLost(answer)) {
        message = `${quote(answer!)} is not a stake: say what ${who} if it fails (engineer time, spend, a channel), or it's a handshake.`;
      } else continue;
      // A missing or empty answer gets a TODO; a stock phrase is for the authors to replace.
      const fixes = isBlank(answer)
        ? [fillFix(["commitments", "ifItFails", side], today, `Add what ${who} as TODO`)]
        : undefined;
      report({ message, at: ["commitments", "ifItFails", side], anchor: "value", fixes });
    }
  },
});
