import { listPhrase } from "../../text/words";
import { defineRule } from "../rule";
import { ECONOMIC_COMMITMENT } from "../support/text";

function gives(types: string[]): string {
  return types.length ? listPhrase(types) : "nothing";
}

export default defineRule({
  meta: {
    id: "no-skin-in-the-game",
    category: "Skin in the game",
    defaultSeverity: "error",
    summary: "Neither side makes an economic commitment (engineering, spend, revenue share, co-investment or roadmap).",
    rationale:
      "A partnership is real when walking away would cost both sides something. Logo swaps, joint webinars and press releases are pleasant, but if nobody puts engineers, money, a revenue share, a co-investment or a roadmap item on the table, nothing forces either side to make it work: it is a handshake, not a partnership. Before going further, agree what each side invests — uncomfortable commitments are the point. Only the commitment types `engineering`, `spend`, `revenue-share`, `co-investment` and `roadmap` count as economic; `executive-time`, `co-marketing`, `support` and `distribution` help a partnership run but cost little to abandon.",
    options: {},
    reads: ["commitments.us.*.type", "commitments.partner.*.type"],
    examples: {
      failing:
        "commitments:\n  us:\n    - { type: co-marketing, detail: joint webinar }\n  partner:\n    - { type: co-marketing, detail: logo on the partner page }",
      passing:
        "commitments:\n  us:\n    - { type: engineering, detail: two engineers on the integration }\n  partner:\n    - { type: spend, detail: enablement fund, amount: { value: 300000, unit: USD } }",
    },
  },
  check({ facts, report }) {
    const { stated, verdict, us, partner } = facts.exchange;
    if (!stated || verdict !== "no skin in the game") return;
    report({
      message: `No skin in the game: add ${ECONOMIC_COMMITMENT} on each side. Today we give ${gives(us.types)}, the partner ${gives(partner.types)}.`,
      at: ["commitments"],
      anchor: "key",
    });
  },
});
