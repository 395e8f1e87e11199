import { plural } from "../../text/words";
import { defineRule } from "../rule";
import { isBlank, mentionsRevenue } from "../support/text";

export default defineRule({
  meta: {
    id: "tier-provisions",
    category: "Tiers",
    defaultSeverity: "warning",
    summary:
      "A strategic charter lacks a partner manager or a revenue metric, or a partnership charter lacks a sync cadence.",
    rationale:
      "Each tier comes with promises, and a charter that names the tier but not what it takes will disappoint the partner. A `strategic` (Tier 3) partnership gets a dedicated partner manager (`governance.partnerManager`) and revenue objectives: at least one `measurement.metrics` entry whose name or target speaks of revenue, ARR, bookings, pipeline or a `$` amount. A `partnership` (Tier 2) gets regular syncs (`governance.syncCadence`). Each missing provision is its own finding.",
    options: {},
    reads: ["tier", "governance.partnerManager", "governance.syncCadence", "measurement.metrics"],
    examples: {
      failing:
        'tier: strategic\nmeasurement:\n  metrics:\n    - { name: MSPs live, target: "120" }\ngovernance:\n  syncCadence: biweekly',
      passing:
        "tier: strategic\nmeasurement:\n  metrics:\n    - { name: partner-sourced ARR, target: $1.2M }\ngovernance:\n  partnerManager: Dana Ortiz\n  syncCadence: biweekly",
    },
  },
  check({ charter, report }) {
    const { tier, governance, measurement } = charter;
    if (tier === "strategic") {
      if (governance && isBlank(governance.partnerManager)) {
        report({
          message:
            'A strategic partnership has no dedicated partner manager ("governance.partnerManager" is ' +
            `${governance.partnerManager === undefined ? "missing" : "empty"}). Tier 3 promises a named person who runs the relationship day to day; name them.`,
          at: ["governance", "partnerManager"],
          anchor: "value",
        });
      }
      if (measurement) {
        const metrics = measurement.metrics ?? [];
        const hasRevenue = metrics.some((metric) => mentionsRevenue(metric.name) || mentionsRevenue(metric.target));
        if (!hasRevenue) {
          report({
            message: `A strategic partnership has no revenue objective: none of the ${plural(metrics.length, "metric")} in "measurement.metrics" mentions revenue, ARR, bookings, pipeline or a $ amount. Tier 3 carries revenue goals; add a metric such as partner-sourced ARR with a target.`,
            at: ["measurement", "metrics"],
            anchor: "key",
          });
        }
      }
    }
    if (tier === "partnership" && governance && governance.syncCadence === undefined) {
      report({
        message:
          'A partnership (Tier 2) has no regular sync ("governance.syncCadence" is missing). Joint development needs a standing sync: set it to weekly, biweekly or monthly.',
        at: ["governance", "syncCadence"],
        anchor: "key",
        fixes: [
          {
            title: "Add a biweekly sync cadence",
            edits: [{ kind: "insert", into: ["governance"], key: "syncCadence", yaml: "biweekly" }],
            safe: false,
          },
        ],
      });
    }
  },
});
