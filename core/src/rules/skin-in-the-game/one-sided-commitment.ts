import { listPhrase } from "../../text/words";
import { defineRule } from "../rule";
import { ECONOMIC_TYPES_PHRASE } from "../support/text";

export default defineRule({
  meta: {
    id: "one-sided-commitment",
    category: "Skin in the game",
    defaultSeverity: "error",
    summary: "Only one side makes an economic commitment; the other risks nothing.",
    rationale:
      "Ask what each side invests. When only one side puts engineers, money, a revenue share, a co-investment or a roadmap item on the line, the other side can walk away at no cost the first time things get hard — and they will get hard. Both sides need skin in the game: ask the side that gives nothing economic what it will invest, and write it down. The finding sits on the side that commits nothing economic (or on `commitments` when that side is not listed at all).",
    options: {},
    reads: ["commitments.us", "commitments.partner"],
    examples: {
      failing:
        "commitments:\n  us:\n    - { type: co-marketing, detail: joint webinar }\n  partner:\n    - { type: spend, detail: enablement fund, amount: { value: 300000, unit: USD } }",
      passing:
        "commitments:\n  us:\n    - { type: engineering, detail: two engineers on the integration }\n  partner:\n    - { type: spend, detail: enablement fund, amount: { value: 300000, unit: USD } }",
    },
  },
  check({ facts, report }) {
    const exchange = facts.exchange;
    if (!exchange.stated || exchange.verdict !== "one-sided") return;
    const ours = exchange.us.economicTypes;
    const side = ours.length ? "partner" : "us";
    const committing = ours.length
      ? `we commit ${listPhrase(ours)}`
      : `the partner commits ${listPhrase(exchange.partner.economicTypes)}`;
    const otherTypes = exchange[side].types;
    const other = side === "us" ? "we" : "the partner";
    const otherGives = otherTypes.length
      ? `${other} ${side === "us" ? "commit" : "commits"} only ${listPhrase(otherTypes)}, nothing economic`
      : `${other} ${side === "us" ? "commit" : "commits"} nothing at all`;
    const whose = side === "us" ? "our" : "the partner's";
    report({
      message: `Only one side has skin in the game: ${committing}, while ${otherGives}. Add an ${ECONOMIC_TYPES_PHRASE} commitment on ${whose} side: a partnership where one side risks nothing is a handshake.`,
      at: ["commitments", side],
      anchor: "key",
    });
  },
});
