import { defineRule } from "../rule";

export default defineRule({
  meta: {
    id: "vanity-partnership",
    category: "Three-sided value",
    defaultSeverity: "warning",
    summary: "Every benefit we expect is `credibility`: a partnership for the logo.",
    rationale:
      "A famous name on the partner page or a well-connected investor is not customer value, and it rarely survives the first quarterly review. When all we expect from a partnership is credibility, ask what it does for distribution, revenue or the product — and if the answer is nothing, spend the time elsewhere. The rule looks at `valueProposition.us` only when it lists at least one benefit (an empty list is `three-sided-value`'s finding).",
    options: {},
    reads: ["valueProposition.us.*.benefit"],
    examples: {
      failing: "valueProposition:\n  us:\n    - { benefit: credibility, detail: their logo on our homepage }",
      passing:
        "valueProposition:\n  us:\n    - { benefit: credibility, detail: their logo on our homepage }\n    - { benefit: distribution, detail: 400 certified MSPs }",
    },
  },
  check({ charter, report }) {
    const items = charter.valueProposition?.us;
    if (!items?.length || !items.every((item) => item.benefit === "credibility")) return;
    report({
      message: `We expect only credibility from this partnership: add what it brings in distribution, revenue or product leverage, or drop it.`,
      at: ["valueProposition", "us"],
      anchor: "key",
    });
  },
});
