import { PHASE_NAMES, type PhaseFact } from "../../facts";
import { capitalize } from "../../text/words";
import { defineRule, type Report } from "../rule";
import { PHASE_DATE_READS } from "../support/phases";

/** Without an end date, the previous phase is at least running from its start. */
function startsTooEarly(phase: PhaseFact, previous: PhaseFact): boolean {
  const boundary = previous.end ?? previous.start;
  return phase.start !== undefined && boundary !== undefined && phase.start < boundary;
}

function overlap(phase: PhaseFact, previous: PhaseFact): Report {
  const until = previous.end ? `ends on ${previous.end}` : `starts on ${previous.start}`;
  const expected = previous.end
    ? `start ${phase.name} on or after ${previous.end}, after the ${previous.name} go/no-go`
    : `give ${previous.name} an end date and start ${phase.name} after it`;
  return {
    message: `The ${phase.name} phase starts on ${phase.start}, before ${previous.name} ends: the phases would run in parallel. ${capitalize(expected)}.`,
    at: ["phases", phase.name, "start"],
    related: [
      {
        at: ["phases", previous.name, previous.end ? "end" : "start"],
        message: `The ${previous.name} phase ${until}.`,
      },
    ],
  };
}

export default defineRule({
  meta: {
    id: "phase-order",
    category: "Crawl, walk, run",
    defaultSeverity: "error",
    summary: "A phase ends before it starts, or starts before the previous phase has ended.",
    rationale:
      "Each phase exists to answer one question: did the pilot work, did the wider rollout work. When walk starts while crawl is still running, walk begins before crawl's go/no-go decision, and when both run at once nobody can tell which change produced which result. Schedule each phase to start on or after the day the previous one ends, and check that every phase ends after it starts.",
    options: {},
    reads: PHASE_DATE_READS,
    examples: {
      failing:
        "phases:\n  crawl: { start: 2026-01-05, end: 2026-02-27 }\n  walk: { start: 2026-02-16, end: 2026-05-29 }",
      passing:
        "phases:\n  crawl: { start: 2026-01-05, end: 2026-02-27 }\n  walk: { start: 2026-03-09, end: 2026-05-29 }",
    },
  },
  check({ facts, report }) {
    const phases = PHASE_NAMES.map((name) => facts.phases[name]).filter((phase) => phase.present);
    for (const phase of phases) {
      if (!phase.endsBeforeStart) continue;
      report({
        message: `The ${phase.name} phase ends on ${phase.end}, before it starts on ${phase.start}: correct one of the two dates.`,
        at: ["phases", phase.name, "start"],
        related: [
          { at: ["phases", phase.name, "end"], message: `The ${phase.name} phase ends here, on ${phase.end}.` },
        ],
      });
    }
    // A phase that starts before the previous one (the nearest earlier phase that exists) ends.
    phases.forEach((phase, i) => {
      const previous = phases[i - 1];
      if (previous && startsTooEarly(phase, previous)) report(overlap(phase, previous));
    });
  },
});
