import { defineRule } from "../rule";
import { PHASE_DATE_READS } from "../support/phases";

type Range = [number, number];

interface Options {
  crawlWeeks: Range;
  walkWeeks: Range;
  runMonths: Range;
}

const rangeSchema = { type: "array", items: { type: "number", minimum: 0 }, minItems: 2, maxItems: 2 };

export default defineRule<Options>({
  meta: {
    id: "phase-duration",
    category: "Crawl, walk, run",
    defaultSeverity: "warning",
    summary:
      "A phase is shorter or longer than the framework's window: crawl 4–8 weeks, walk 8–12 weeks, run 6–12 months.",
    rationale:
      "The phase windows keep the experiment honest. A two-week crawl ends before pilot customers have changed how they work, so its go/no-go decision is a guess; a six-month crawl spends a walk's budget on a pilot and hides a failing idea for too long. The same holds for walk. A run with an end date should cover at least two quarterly reviews and not outlive the charter's next renewal. Adjust the dates, or tune the windows for your program in `.partner-charter.yaml`. A phase without both dates, and a run without an end, are not measured.",
    options: {
      crawlWeeks: {
        description: "two numbers [min, max]: the allowed length of the crawl phase in weeks",
        default: [4, 8],
        schema: rangeSchema,
      },
      walkWeeks: {
        description: "two numbers [min, max]: the allowed length of the walk phase in weeks",
        default: [8, 12],
        schema: rangeSchema,
      },
      runMonths: {
        description:
          "two numbers [min, max]: the allowed length of the run phase in calendar months (when it has an end date)",
        default: [6, 12],
        schema: rangeSchema,
      },
    },
    reads: PHASE_DATE_READS,
    subjects: ["phases.crawl", "phases.walk", "phases.run"],
    examples: {
      failing: "phases:\n  crawl: { start: 2026-01-05, end: 2026-01-19 } # 2 weeks",
      passing: "phases:\n  crawl: { start: 2026-01-05, end: 2026-02-27 } # about 7.6 weeks",
    },
  },
  check({ facts, report }) {
    // The lengths and windows are facts (the code lens and the preview say the same words).
    for (const phase of Object.values(facts.phases)) {
      const duration = phase.duration;
      if (!duration || duration.window.verdict === "within") continue;
      const { min, max, verdict } = duration.window;
      report({
        message: `The ${phase.name} phase lasts ${duration.description}, ${verdict} for ${min}–${max} ${duration.unit}s: move its dates into that window.`,
        at: ["phases", phase.name],
        anchor: "key",
      });
    }
  },
});
