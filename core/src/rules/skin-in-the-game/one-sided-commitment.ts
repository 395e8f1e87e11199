import { listPhrase } from "../../text/words";
import { defineRule } from "../rule";
import { appendFix } from "../support/fixes";
import { ECONOMIC_COMMITMENT } from "../support/text";

export default defineRule({
  meta: {
    id: "one-sided-commitment",
    category: "Skin in the game",
    defaultSeverity: "error",
    summary:
      "Only one side makes an economic commitment; the other risks nothing (at Tier 1, a warning when only we invest).",
    rationale:
      "Ask what each side invests. When only one side puts engineers, money, a revenue share, a co-investment or a roadmap item on the line, the other side can walk away at no cost the first time things get hard — and they will get hard. Both sides need skin in the game: ask the side that gives nothing economic what it will invest, and write it down.\n\nA self-serve integration (`tier: integration`) works differently: the partner builds on our public API with its own engineers, and we give documentation, a community channel and office hours. A Tier 1 charter where only the partner commits economically is that model, and is not reported. When only *we* invest in a Tier 1 partner, the model is upside down: it is a warning, to ask the partner for its build or to move the tier up.\n\nThe finding sits on the side that commits nothing economic (or on `commitments` when that side is not listed at all).",
    options: {},
    reads: ["tier", "commitments.us.*.type", "commitments.partner.*.type"],
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
    const weCommit = exchange.us.economicTypes.length > 0;
    const idle = weCommit ? "partner" : "us";
    const committed = listPhrase(exchange[weCommit ? "us" : "partner"].economicTypes);
    if (exchange.selfServe) {
      // Tier 1 with only us investing: the self-serve model upside down.
      report({
        message: `Only we invest (${committed}) in a self-serve partner: at Tier 1 the partner builds. Ask for its build, or move the tier up.`,
        at: ["commitments", idle],
        anchor: "key",
        severity: "warning",
      });
      return;
    }
    const whose = weCommit ? "the partner's" : "our";
    report({
      message: `Only ${weCommit ? "we put" : "the partner puts"} skin in the game (${committed}): add ${ECONOMIC_COMMITMENT} on ${whose} side.`,
      at: ["commitments", idle],
      anchor: "key",
      fixes: [
        appendFix(
          ["commitments", idle],
          { type: "TODO", detail: `TODO — what ${weCommit ? "the partner puts" : "we put"} in` },
          `Add an economic commitment on ${whose} side to fill in`,
        ),
      ],
    });
  },
});
