import { defineRule } from "../rule";
import { fillFix } from "../support/fixes";

export default defineRule({
  meta: {
    id: "moderate-leverage-untested",
    category: "Leverage",
    defaultSeverity: "warning",
    summary: "Competitive or customer leverage without a crawl phase: moderate leverage has to be tested first.",
    rationale:
      "Competitive leverage (we differentiate the partner) and customer leverage (its customers ask for us) are real but moderate: they justify a light partnership that proves itself, not a full commitment on day one. Plan a `phases.crawl` pilot — a few weeks, one or two customers, a go/no-go bar — before investing more. The finding sits on `phases`, where the crawl phase belongs. Once the charter leaves `draft`, `crawl-scope` reports a missing crawl phase, and this rule stays quiet on it.",
    options: {},
    reads: ["leverage.type", "phases.crawl"],
    examples: {
      failing:
        "leverage:\n  type: customer\n  evidence: 50+ partner support tickets ask for the integration\nphases:\n  walk: { start: 2026-03-09, end: 2026-05-29 }",
      passing:
        "leverage:\n  type: customer\n  evidence: 50+ partner support tickets ask for the integration\nphases:\n  crawl: { start: 2026-01-05, end: 2026-02-27, customers: 2 }",
    },
  },
  check({ charter, today, report }) {
    const type = charter.leverage?.type;
    if (type !== "competitive" && type !== "customer") return;
    if (!charter.phases || charter.phases.crawl !== undefined) return;
    report({
      message: `${type === "competitive" ? "Competitive" : "Customer"} leverage is moderate and needs testing first: add a crawl phase (a short pilot, one or two customers, a go/no-go bar).`,
      at: ["phases", "crawl"],
      anchor: "key",
      related: [{ at: ["leverage", "type"], message: `The leverage type: ${type} (moderate).` }],
      fixes: [fillFix(["phases", "crawl"], today, "Add a crawl phase with TODO dates")],
    });
  },
});
