import type { CriterionFact, GatedPhaseName } from "../../facts";
import { defineRule } from "../rule";
import { appendFix } from "../support/fixes";

interface Options {
  crawlImprovement: number;
  walkAdoption: number;
}

const percentSchema = { type: "number", minimum: 0, maximum: 100 };

interface Bar {
  phase: GatedPhaseName;
  key: "improvement" | "adoption";
  threshold: number;
  noun: string;
  why: string;
}

function bars(options: Options): Bar[] {
  return [
    {
      phase: "crawl",
      key: "improvement",
      threshold: options.crawlImprovement,
      noun: "improvement",
      why: "only a clear win for pilot customers moves the partnership to walk",
    },
    {
      phase: "walk",
      key: "adoption",
      threshold: options.walkAdoption,
      noun: "adoption rate",
      why: "the partnership scales only once most invited customers actually use the integration",
    },
  ];
}

export default defineRule<Options>({
  meta: {
    id: "go-no-go-threshold",
    category: "Crawl, walk, run",
    defaultSeverity: "warning",
    summary: "The crawl criteria ask for less than a 20% improvement, or the walk criteria for less than 70% adoption.",
    rationale:
      'A go/no-go bar only protects you if it is high enough to be missed. Pilot customers should see a clear improvement on the metric they care about (at least 20%) before the partnership widens; invited customers should mostly adopt the integration (at least 70%) before it scales. Lower bars turn a lukewarm pilot into a "pass" and commit both companies to a run phase that was never earned. Raise the bar in `goNoGo`, or tune the thresholds for your program in `.partner-charter.yaml`.',
    options: {
      crawlImprovement: {
        description: "a percentage (0–100): the least improvement a crawl criterion must require",
        default: 20,
        schema: percentSchema,
      },
      walkAdoption: {
        description: "a percentage (0–100): the least adoption rate a walk criterion must require",
        default: 70,
        schema: percentSchema,
      },
    },
    reads: ["phases.crawl.goNoGo.*.improvement", "phases.walk.goNoGo.*.adoption"],
    subjects: ["phases.crawl", "phases.walk"],
    examples: {
      failing: "phases:\n  crawl:\n    goNoGo:\n      - { metric: onboarding time, improvement: 10% }",
      passing: "phases:\n  crawl:\n    goNoGo:\n      - { metric: onboarding time, improvement: 25% }",
    },
  },
  check({ facts, options, report }) {
    for (const { phase: name, key, threshold, noun, why } of bars(options)) {
      const criteria = facts.phases[name].criteria;
      if (criteria.length === 0) continue;
      // The highest bar stated decides: one demanding criterion is enough.
      const best = criteria.reduce<CriterionFact | undefined>(
        (top, criterion) =>
          criterion[key] !== undefined && (top === undefined || criterion[key]! > top[key]!) ? criterion : top,
        undefined,
      );
      const value = best?.[key];
      if (best && value !== undefined && value >= threshold) continue;
      const bar = `${threshold}%`;
      if (best) {
        const at = ["phases", name, "goNoGo", best.index, key];
        report({
          message: `The ${name} go/no-go bar of ${value}% ${noun} is too low: raise it to at least ${bar}, as ${why}.`,
          at,
          fixes: [{ title: `Set the bar to ${bar}`, safe: false, edits: [{ kind: "replace", at, text: bar }] }],
        });
      } else {
        report({
          message: `No ${name} go/no-go criterion sets ${noun === "improvement" ? "an improvement" : "an adoption rate"}: add \`${key}: ${bar}\` or more, as ${why}.`,
          at: ["phases", name, "goNoGo"],
          anchor: "key",
          fixes: [
            appendFix(
              ["phases", name, "goNoGo"],
              { metric: "TODO", [key]: bar },
              `Add a criterion with ${key}: ${bar}`,
            ),
          ],
        });
      }
    }
  },
});
