import { defineRule } from "../rule";

export default defineRule({
  meta: {
    id: "leverage-tier-fit",
    category: "Leverage",
    defaultSeverity: "warning",
    summary: "A strategic (Tier 3) charter rests on moderate leverage (competitive or customer).",
    rationale:
      "The strength of the leverage sets how much to invest. A certification or program requirement, or money the partner makes or saves through us, justifies the full investment of a strategic co-development: a dedicated partner manager, executive steering, revenue objectives. Competitive leverage (we help the partner stand out) and customer leverage (its customers ask for us) are real but moderate: they call for a lighter partnership that proves itself first, at the `partnership` tier with a crawl phase, before Tier 3 money and executive time go in. Lower the tier, or find the stronger leverage that justifies it and write it in `leverage`.",
    options: {},
    reads: ["tier", "leverage.type"],
    examples: {
      failing:
        "tier: strategic\nleverage:\n  type: customer\n  evidence: 50+ partner support tickets ask for the integration",
      passing:
        "tier: partnership\nleverage:\n  type: customer\n  evidence: 50+ partner support tickets ask for the integration",
    },
  },
  check({ charter, report }) {
    const type = charter.leverage?.type;
    if (charter.tier !== "strategic" || (type !== "competitive" && type !== "customer")) return;
    report({
      message: `${type === "competitive" ? "Competitive" : "Customer"} leverage is moderate: start at the partnership tier and test it, or find stronger leverage for strategic.`,
      at: ["tier"],
      anchor: "value",
      related: [{ at: ["leverage", "type"], message: `The leverage type: ${type} (moderate).` }],
      fixes: [
        {
          title: "Change the tier to partnership",
          edits: [{ kind: "replace", at: ["tier"], anchor: "value", text: "partnership" }],
          safe: false,
        },
      ],
    });
  },
});
