import type { PhaseBase } from "../../model/charter";
import { defineRule } from "../rule";
import { isIsoDate } from "../support/dates";

type PhaseName = "crawl" | "walk" | "run";
const ORDER: readonly PhaseName[] = ["crawl", "walk", "run"];

export default defineRule({
  meta: {
    id: "phase-order",
    category: "Crawl, walk, run",
    defaultSeverity: "error",
    summary: "A phase ends before it starts, or starts before the previous phase has ended.",
    rationale:
      "Each phase exists to answer one question: did the pilot work, did the wider rollout work. When walk starts while crawl is still running, walk begins before crawl's go/no-go decision, and when both run at once nobody can tell which change produced which result. Schedule each phase to start on or after the day the previous one ends, and check that every phase ends after it starts.",
    options: {},
    reads: [
      "phases.crawl.start",
      "phases.crawl.end",
      "phases.walk.start",
      "phases.walk.end",
      "phases.run.start",
      "phases.run.end",
    ],
    examples: {
      failing:
        "phases:\n  crawl: { start: 2026-01-05, end: 2026-02-27 }\n  walk: { start: 2026-02-16, end: 2026-05-29 }",
      passing:
        "phases:\n  crawl: { start: 2026-01-05, end: 2026-02-27 }\n  walk: { start: 2026-03-09, end: 2026-05-29 }",
    },
  },
  check({ charter, report }) {
    const phases = charter.phases;
    if (!phases || typeof phases !== "object") return;
    const dates = (name: PhaseName): { start?: string; end?: string } | undefined => {
      const phase = phases[name] as PhaseBase | undefined;
      if (!phase || typeof phase !== "object") return undefined;
      return {
        start: isIsoDate(phase.start) ? phase.start : undefined,
        end: isIsoDate(phase.end) ? phase.end : undefined,
      };
    };

    // A phase that ends before it starts.
    for (const name of ORDER) {
      const phase = dates(name);
      if (!phase?.start || !phase.end || phase.end >= phase.start) continue;
      report({
        message: `The ${name} phase ends on ${phase.end}, before it starts on ${phase.start}. A phase must end after it starts: correct one of the two dates.`,
        at: ["phases", name, "start"],
        related: [{ at: ["phases", name, "end"], message: `The ${name} phase ends here, on ${phase.end}.` }],
      });
    }

    // A phase that starts before the previous one (the nearest earlier phase that exists) ends.
    let previous: { name: PhaseName; start?: string; end?: string } | undefined;
    for (const name of ORDER) {
      const phase = dates(name);
      if (!phase) continue;
      if (previous && phase.start) {
        // Without an end date, a phase is at least running from its start.
        const boundary = previous.end ?? previous.start;
        if (boundary && phase.start < boundary) {
          const until = previous.end ? `ends on ${previous.end}` : `starts on ${previous.start}`;
          const expected = previous.end
            ? `Start ${name} on or after ${previous.end}, once the ${previous.name} go/no-go decision is taken.`
            : `Start ${name} only after the ${previous.name} phase has ended, and give ${previous.name} an end date.`;
          report({
            message: `The ${name} phase starts on ${phase.start}, but the ${previous.name} phase ${until}: the phases would run in parallel and neither result could be read on its own. ${expected}`,
            at: ["phases", name, "start"],
            related: [
              {
                at: ["phases", previous.name, previous.end ? "end" : "start"],
                message: `The ${previous.name} phase ${until}.`,
              },
            ],
          });
        }
      }
      previous = { name, ...phase };
    }
  },
});
