import { speaksOfRevenue, REVENUE_TERMS } from "../../facts/money";
import { plural } from "../../text/words";
import { defineRule } from "../rule";
import { appendFix, fillFix } from "../support/fixes";
import { isBlank } from "../support/text";

interface Options {
  revenueTerms: string[];
}

export default defineRule<Options>({
  meta: {
    id: "tier-provisions",
    category: "Tiers",
    defaultSeverity: "warning",
    summary:
      "A strategic charter lacks a partner manager or a revenue objective, or a partnership charter lacks a sync cadence.",
    rationale: `Each tier comes with promises, and a charter that names the tier but not what it takes will disappoint the partner. A \`strategic\` (Tier 3) partnership gets a dedicated partner manager (\`governance.partnerManager\`) and revenue objectives: at least one \`measurement.metrics\` entry whose name or target speaks of revenue or states an amount of money. A \`partnership\` (Tier 2) gets regular syncs (\`governance.syncCadence\`). Each missing provision is its own finding.\n\nA metric speaks of revenue when its name or target holds one of the words ${REVENUE_TERMS.map((term) => `"${term}"`).join(", ")} or of the *revenueTerms* option (whole words, any case), or an amount of money: a currency symbol (\`$ € £ ¥ ₹\`) or an upper-case ISO 4217 code next to a number (\`$1.2M\`, \`£2.5M\`, \`EUR 400k\`). A bare "pipeline" is not revenue: "CI pipelines migrated" is an engineering metric.`,
    options: {
      revenueTerms: {
        description: "a list of words or phrases that also make a metric a revenue objective (e.g. net new logos)",
        default: [],
        schema: { type: "array", items: { type: "string", minLength: 1 } },
      },
    },
    reads: [
      "tier",
      "governance.partnerManager",
      "governance.syncCadence",
      "measurement.metrics.*.name",
      "measurement.metrics.*.target",
    ],
    subjects: ["governance.partnerManager", "governance.syncCadence", "measurement.metrics"],
    examples: {
      failing:
        'tier: strategic\nmeasurement:\n  metrics:\n    - { name: CI pipelines migrated, target: "40" }\ngovernance:\n  syncCadence: biweekly',
      passing:
        "tier: strategic\nmeasurement:\n  metrics:\n    - { name: partner-sourced bookings, target: EUR 400k }\ngovernance:\n  partnerManager: Dana Ortiz\n  syncCadence: biweekly",
    },
  },
  check({ charter, options, today, report }) {
    const { tier, governance, measurement } = charter;
    if (tier === "strategic") {
      if (governance && isBlank(governance.partnerManager)) {
        report({
          message:
            "No partner manager for a strategic partnership: name the person who runs it day to day in governance.partnerManager.",
          at: ["governance", "partnerManager"],
          anchor: "value",
          fixes: [fillFix(["governance", "partnerManager"], today, "Add the partner manager as TODO")],
        });
      }
      if (measurement) {
        const metrics = measurement.metrics ?? [];
        const revenue = (value: unknown): boolean => speaksOfRevenue(value, options.revenueTerms);
        if (!metrics.some((metric) => revenue(metric.name) || revenue(metric.target))) {
          report({
            message: `No revenue objective${metrics.length ? ` among the ${plural(metrics.length, "metric")}` : ""} of a strategic partnership: add one, e.g. partner-sourced ARR with a money target.`,
            at: ["measurement", "metrics"],
            anchor: "key",
            fixes: [
              appendFix(
                ["measurement", "metrics"],
                { name: "partner-sourced ARR", target: "TODO" },
                "Add a partner-sourced revenue metric with a TODO target",
              ),
            ],
          });
        }
      }
    }
    if (tier === "partnership" && governance && governance.syncCadence === undefined) {
      report({
        message:
          "No regular sync for a partnership (Tier 2): set governance.syncCadence to weekly, biweekly or monthly.",
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
