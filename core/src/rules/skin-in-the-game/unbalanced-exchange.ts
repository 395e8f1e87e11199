import { defineRule } from "../rule";
import { commitmentList, formatNumber, listPhrase } from "../support/text";

interface Options {
  ratio: number;
}

interface UnitTotal {
  /** The unit as first written in the charter. */
  label: string;
  total: number;
}

/** Totals of one side's stated amounts, per unit compared case-insensitively. */
function totalsByUnit(value: unknown): Map<string, UnitTotal> {
  const totals = new Map<string, UnitTotal>();
  for (const item of commitmentList(value)) {
    const amount = item.amount;
    if (!amount || typeof amount.value !== "number" || typeof amount.unit !== "string") continue;
    const unit = amount.unit.trim();
    if (!unit || !Number.isFinite(amount.value)) continue;
    const key = unit.toLowerCase();
    const entry = totals.get(key) ?? { label: unit, total: 0 };
    entry.total += amount.value;
    totals.set(key, entry);
  }
  return totals;
}

export default defineRule<Options>({
  meta: {
    id: "unbalanced-exchange",
    category: "Skin in the game",
    defaultSeverity: "warning",
    summary:
      "One side commits far more than the other in the same unit, or the charter itself says the exchange is not balanced.",
    rationale:
      "Test the value exchange with one question: would both sides still do this if the other walked? When one side carries most of the cost, the other has little reason to push through the hard months, and the lopsided side starts asking why it bothers. Amounts are compared only where both sides state them in the same `unit` (compared without regard to case, so `usd` and `USD` add up; `USD` and `EUR` are never compared): when one side's total is more than *ratio* times the other's (4 by default), rebalance the commitments or write down why the difference is fair. An explicit `balanced: false` is reported on that value: the authors already answered \"no\", so fix the exchange before signing.",
    options: {
      ratio: {
        description: "a number greater than 1: how many times more one side may commit than the other",
        default: 4,
        schema: { type: "number", exclusiveMinimum: 1 },
      },
    },
    reads: ["commitments.us", "commitments.partner", "commitments.balanced"],
    examples: {
      failing:
        "commitments:\n  us:\n    - { type: spend, detail: launch budget, amount: { value: 50000, unit: USD } }\n  partner:\n    - { type: spend, detail: enablement fund, amount: { value: 300000, unit: USD } }",
      passing:
        "commitments:\n  us:\n    - { type: spend, detail: launch budget, amount: { value: 100000, unit: USD } }\n  partner:\n    - { type: spend, detail: enablement fund, amount: { value: 300000, unit: USD } }",
    },
  },
  check({ charter, options, report }) {
    const commitments = charter.commitments;
    if (!commitments) return;
    const ratio = options.ratio;
    const ours = totalsByUnit(commitments.us);
    const theirs = totalsByUnit(commitments.partner);
    const gaps: string[] = [];
    for (const [key, us] of ours) {
      const partner = theirs.get(key);
      if (!partner) continue;
      const larger = Math.max(us.total, partner.total);
      const smaller = Math.min(us.total, partner.total);
      if (larger <= ratio * smaller) continue;
      const weGiveMore = us.total > partner.total;
      const who = weGiveMore ? "we commit" : "the partner commits";
      const against = weGiveMore ? "the partner's" : "our";
      const factor = smaller > 0 ? ` (${formatNumber(larger / smaller)}×)` : "";
      gaps.push(
        `${who} ${formatNumber(larger)} ${weGiveMore ? us.label : partner.label} against ${against} ${formatNumber(smaller)}${factor}`,
      );
    }
    if (gaps.length) {
      const claim = commitments.balanced === true ? ' although the charter says "balanced: true"' : "";
      report({
        message: `The value exchange is lopsided${claim}: ${listPhrase(gaps)}. The framework expects neither side to commit more than ${formatNumber(ratio)}× the other in the same unit; rebalance the commitments so both sides would still do this if the other walked.`,
        at: ["commitments"],
        anchor: "key",
      });
    }
    if (commitments.balanced === false) {
      report({
        message:
          'The charter answers "balanced: false": by its own authors\' account, one side would not do this if the other walked away. Rebalance the commitments until both sides carry a fair share, then set "balanced: true".',
        at: ["commitments", "balanced"],
        anchor: "value",
      });
    }
  },
});
