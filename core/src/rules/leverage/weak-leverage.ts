import { defineRule } from "../rule";

export default defineRule({
  meta: {
    id: "weak-leverage",
    category: "Leverage",
    defaultSeverity: "warning",
    summary: "The only leverage is co-marketing; an error when the tier is partnership or strategic.",
    rationale:
      "Leverage is why the partner needs us. Joint content, events and logo swaps are the weakest kind: pleasant, but they seldom move a deal and cannot carry a partnership on their own — the hours go in and little comes back. Look for stronger leverage first: a certification or program requirement we fill, money we make or save the partner, an edge over its competitors, or its own customers asking for the integration. For a `partnership` or `strategic` tier, which cost real engineering and executive time, co-marketing leverage alone is an error.",
    options: {},
    reads: ["leverage.type", "tier"],
    examples: {
      failing: "tier: partnership\nleverage:\n  type: co-marketing",
      passing:
        "tier: partnership\nleverage:\n  type: economic\n  evidence: cuts the partner's support tickets by a third",
    },
  },
  check({ charter, report }) {
    if (charter.leverage?.type !== "co-marketing") return;
    const tier = charter.tier;
    const invested = tier === "partnership" || tier === "strategic";
    report({
      message: `${invested ? `Co-marketing alone can't carry a ${tier} tier` : "Co-marketing is the weakest leverage"}: find stronger leverage (requirement, economic, competitive, customer) or drop the partnership.`,
      at: ["leverage", "type"],
      anchor: "value",
      severity: invested ? "error" : undefined,
    });
  },
});
