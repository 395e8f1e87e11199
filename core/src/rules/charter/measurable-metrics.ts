import { defineRule } from "../rule";
import { isBlank } from "../support/text";

export default defineRule({
  meta: {
    id: "measurable-metrics",
    category: "Charter",
    defaultSeverity: "error",
    summary: "`measurement.metrics` is missing or empty (error), or a metric has no target (warning).",
    rationale:
      "If the two companies have not agreed on what they will measure, each will judge the partnership by its own impression, and the quarterly review becomes an argument. List the specific metrics that define success (partner-sourced revenue, customers live, retention) with a target for each and, ideally, where it is tracked. A metric without a target can be reported on but never met or missed.",
    options: {},
    reads: ["measurement"],
    examples: {
      failing: "measurement:\n  reviewCadence: monthly",
      passing:
        "measurement:\n  metrics:\n    - { name: partner-sourced ARR, target: $1.2M, source: CRM partner pipeline report }\n  reviewCadence: monthly",
    },
  },
  check({ charter, report }) {
    const measurement = charter.measurement;
    if (!measurement) return;
    const metrics = measurement.metrics;
    if (!metrics?.length) {
      report({
        message: `The charter ${metrics === undefined ? "has no" : "lists no"} success metrics. Add \`measurement.metrics\` with the specific numbers both sides will judge the partnership by (e.g. \`{ name: partner-sourced ARR, target: $1.2M }\`).`,
        // Missing: on `measurement`; empty: on the empty list.
        at: ["measurement", "metrics"],
      });
      return;
    }
    metrics.forEach((metric, index) => {
      if (!isBlank(metric.target)) return;
      const which = isBlank(metric.name) ? "This metric" : `The metric "${metric.name}"`;
      report({
        message: `${which} has no target, so it can be tracked but never met or missed. Give it a number to reach and a horizon (e.g. \`target: 120 by Q4\`).`,
        at: ["measurement", "metrics", index],
        severity: "warning",
      });
    });
  },
});
