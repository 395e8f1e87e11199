import type { PhaseBase } from "../../model/charter";
import { defineRule } from "../rule";
import { describeMonthSpan, isIsoDate, monthsBetween, plural, roundForMessage, weeksBetween } from "../support/dates";

type Range = [number, number];

interface Options {
  crawlWeeks: Range;
  walkWeeks: Range;
  runMonths: Range;
}

const rangeSchema = { type: "array", items: { type: "number", minimum: 0 }, minItems: 2, maxItems: 2 };

const PURPOSE: Record<"crawl" | "walk" | "run", string> = {
  crawl: "long enough for pilot customers to show a measurable result, short enough to learn fast and cheaply",
  walk: "enough time to build the formal integration and see whether invited customers adopt it",
  run: "long enough to prove the partnership at scale before the next review of the whole charter",
};

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
    reads: [
      "phases.crawl.start",
      "phases.crawl.end",
      "phases.walk.start",
      "phases.walk.end",
      "phases.run.start",
      "phases.run.end",
    ],
    examples: {
      failing: "phases:\n  crawl: { start: 2026-01-05, end: 2026-01-19 } # 2 weeks",
      passing: "phases:\n  crawl: { start: 2026-01-05, end: 2026-02-27 } # about 7.6 weeks",
    },
  },
  check({ charter, options, report }) {
    const phases = charter.phases;
    if (!phases || typeof phases !== "object") return;
    const windows = [
      { name: "crawl", range: options.crawlWeeks, unit: "week", measure: weeksBetween },
      { name: "walk", range: options.walkWeeks, unit: "week", measure: weeksBetween },
      { name: "run", range: options.runMonths, unit: "month", measure: monthsBetween },
    ] as const;
    for (const { name, range, unit, measure } of windows) {
      const phase = phases[name] as PhaseBase | undefined;
      if (!phase || typeof phase !== "object" || !isIsoDate(phase.start) || !isIsoDate(phase.end)) continue;
      // An end before the start is phase-order's finding, not a duration.
      if (phase.end < phase.start) continue;
      const length = measure(phase.start, phase.end)!;
      const [min, max] = range;
      if (length >= min && length <= max) continue;
      const actual =
        unit === "month" ? describeMonthSpan(phase.start, phase.end)! : plural(roundForMessage(length), unit);
      const direction = length < min ? "too short" : "too long";
      report({
        message: `The ${name} phase lasts ${actual} (${phase.start} to ${phase.end}), ${direction} for the expected ${min}–${max} ${unit}s: ${PURPOSE[name]}. Move its dates into that window.`,
        at: ["phases", name],
        anchor: "key",
      });
    }
  },
});
