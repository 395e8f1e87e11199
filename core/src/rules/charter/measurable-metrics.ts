import { quote } from "../../text/words";
import { defineRule } from "../rule";
import { fillFix } from "../support/fixes";
import { isBlank } from "../support/text";

export default defineRule({
  meta: {
    id: "measurable-metrics",
    category: "Charter",
    defaultSeverity: "error",
    summary:
      "`measurement.metrics` is missing or empty (error), or a metric has no `target` (warning, on that metric).",
    rationale:
      "If the two companies have not agreed on what they will measure, each will judge the partnership by its own impression, and the quarterly review becomes an argument. List the specific metrics that define success (partner-sourced revenue, customers live, retention) with a target for each and, ideally, where it is tracked. A metric without a target can be reported on but never met or missed: the format lets you list a metric before its target is agreed, and this rule reminds you, on that metric's entry, to agree one.",
    options: {},
    reads: ["measurement?", "measurement.metrics?", "measurement.metrics.*.name", "measurement.metrics.*.target"],
    subjects: ["measurement.metrics.*"],
    examples: {
      failing: "measurement:\n  reviewCadence: monthly",
      passing:
        "measurement:\n  metrics:\n    - { name: partner-sourced ARR, target: $1.2M, source: CRM partner pipeline report }\n  reviewCadence: monthly",
    },
  },
  check({ charter, today, report }) {
    const measurement = charter.measurement;
    if (!measurement) return;
    const metrics = measurement.metrics;
    if (!metrics?.length) {
      report({
        message:
          "No success metrics: add measurement.metrics with the numbers both sides judge the partnership by (e.g. partner-sourced ARR, $1.2M).",
        // Missing: on `measurement`; empty: on the empty list.
        at: ["measurement", "metrics"],
        fixes: [fillFix(["measurement", "metrics"], today, "Add a metric with a TODO target")],
      });
      return;
    }
    metrics.forEach((metric, index) => {
      if (!isBlank(metric.target)) return;
      const which = isBlank(metric.name) ? "This metric" : `The metric ${quote(metric.name)}`;
      report({
        message: `${which} has no target: give it a number to reach and a date (e.g. 120 by Q4), or it can never be met or missed.`,
        at: ["measurement", "metrics", index],
        severity: "warning",
        fixes: [fillFix(["measurement", "metrics", index, "target"], today, "Add a TODO target", "TODO")],
      });
    });
  },
});
