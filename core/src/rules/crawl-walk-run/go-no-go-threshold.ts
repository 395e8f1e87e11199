import { percentValue, type GatedPhase } from "../../model/charter";
import { defineRule } from "../rule";

interface Options {
  crawlImprovement: number;
  walkAdoption: number;
}

const percentSchema = { type: "number", minimum: 0, maximum: 100 };

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
    reads: ["phases.crawl.goNoGo", "phases.walk.goNoGo"],
    examples: {
      failing: "phases:\n  crawl:\n    goNoGo:\n      - { metric: onboarding time, improvement: 10% }",
      passing: "phases:\n  crawl:\n    goNoGo:\n      - { metric: onboarding time, improvement: 25% }",
    },
  },
  check({ charter, options, report }) {
    const phases = charter.phases;
    if (!phases || typeof phases !== "object") return;
    const bars = [
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
    ] as const;
    for (const { phase: name, key, threshold, noun, why } of bars) {
      const phase = phases[name] as GatedPhase | undefined;
      if (!phase || typeof phase !== "object" || !Array.isArray(phase.goNoGo) || phase.goNoGo.length === 0) continue;
      let best: { index: number; value: number } | undefined;
      phase.goNoGo.forEach((criterion, index) => {
        const value = criterion && typeof criterion === "object" ? percentValue(criterion[key]) : undefined;
        if (value !== undefined && (!best || value > best.value)) best = { index, value };
      });
      if (best && best.value >= threshold) continue;
      const bar = `${threshold}%`;
      if (best) {
        report({
          message: `The ${name} go/no-go bar is a ${best.value}% ${noun}; set it to at least ${bar} so that ${why}.`,
          at: ["phases", name, "goNoGo", best.index, key],
          fixes: [
            {
              title: `Set the bar to ${bar}`,
              safe: false,
              edits: [{ kind: "replace", at: ["phases", name, "goNoGo", best.index, key], text: bar }],
            },
          ],
        });
      } else {
        report({
          message: `None of the ${name} go/no-go criteria states an ${noun} bar; add \`${key}: ${bar}\` (or more) to a criterion so that ${why}.`,
          at: ["phases", name, "goNoGo"],
          anchor: "key",
        });
      }
    }
  },
});
