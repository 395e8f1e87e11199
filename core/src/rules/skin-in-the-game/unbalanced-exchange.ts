import type { UnitComparison } from "../../facts";
import { formatNumber } from "../../text/numbers";
import { capitalize, listPhrase } from "../../text/words";
import { defineRule } from "../rule";

interface Options {
  ratio: number;
}

/** "the partner commits 300,000 USD against our 50,000 (6×)". */
function gap(comparison: UnitComparison): string {
  const weGiveMore = comparison.larger === "us";
  const larger = Math.max(comparison.us, comparison.partner);
  const smaller = Math.min(comparison.us, comparison.partner);
  const who = weGiveMore ? "we commit" : "the partner commits";
  const against = weGiveMore ? "the partner's" : "our";
  const factor = comparison.times === undefined ? "" : ` (${formatNumber(Math.round(comparison.times * 10) / 10)}×)`;
  return `${who} ${formatNumber(larger)} ${comparison.unit.label} against ${against} ${formatNumber(smaller)}${factor}`;
}

export default defineRule<Options>({
  meta: {
    id: "unbalanced-exchange",
    category: "Skin in the game",
    defaultSeverity: "warning",
    summary:
      "One side commits far more than the other in the same unit, or the charter itself says the exchange is not balanced.",
    rationale:
      "Test the value exchange with one question: would both sides still do this if the other walked? When one side carries most of the cost, the other has little reason to push through the hard months, and the lopsided side starts asking why it bothers. Amounts are compared only where both sides state them in the same `unit` (compared without regard to case, so `usd` and `USD` add up, and with the currency symbols read as their codes: `$` and `US$` are `USD`, `€` `EUR`, `£` `GBP`, `¥` `JPY`; `USD` and `EUR` are never compared, nor are percentages, which are shares of different bases): when one side's total is more than *ratio* times the other's (4 by default), rebalance the commitments or write down why the difference is fair. An explicit `balanced: false` is reported on that value: the authors already answered \"no\", so fix the exchange before signing.",
    options: {
      ratio: {
        description: "a number greater than 1: how many times more one side may commit than the other",
        default: 4,
        schema: { type: "number", exclusiveMinimum: 1 },
      },
    },
    reads: ["commitments.us.*.amount", "commitments.partner.*.amount", "commitments.balanced"],
    // `balanced: false` is judged apart from the amounts.
    subjects: ["commitments.us", "commitments.partner", "commitments.balanced"],
    examples: {
      failing:
        "commitments:\n  us:\n    - { type: spend, detail: launch budget, amount: { value: 50000, unit: USD } }\n  partner:\n    - { type: spend, detail: enablement fund, amount: { value: 300000, unit: USD } }",
      passing:
        "commitments:\n  us:\n    - { type: spend, detail: launch budget, amount: { value: 100000, unit: USD } }\n  partner:\n    - { type: spend, detail: enablement fund, amount: { value: 300000, unit: USD } }",
    },
  },
  check({ facts, options, report }) {
    const exchange = facts.exchange;
    if (!exchange.stated) return;
    const gaps = exchange.comparisons.filter((comparison) => comparison.lopsided).map(gap);
    if (gaps.length) {
      const claim = exchange.balanced === true ? ", though marked balanced" : "";
      report({
        message: `Lopsided exchange${claim}: rebalance, or write down why it's fair. ${capitalize(listPhrase(gaps))}, over ${formatNumber(options.ratio)}×.`,
        at: ["commitments"],
        anchor: "key",
      });
    }
    if (exchange.balanced === false) {
      report({
        message:
          "The authors marked the exchange not balanced: rebalance the commitments until both sides would still do this if the other walked, then set it to true.",
        at: ["commitments", "balanced"],
        anchor: "value",
      });
    }
  },
});
