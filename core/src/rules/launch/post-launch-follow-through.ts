import { formatNumber, roundForMessage } from "../../text/numbers";
import { defineRule } from "../rule";
import { describeItems, openItems, POST_LAUNCH } from "../support/launch";

interface Options {
  weeks: number;
}

export default defineRule<Options>({
  meta: {
    id: "post-launch-follow-through",
    category: "Launch",
    defaultSeverity: "warning",
    summary:
      "More than 8 weeks after the launch, post-launch checklist items are still open: adoption tracking, support triage, the published case study, pipeline, the QBR.",
    rationale:
      "Launch is not the finish line. The weeks after it decide whether the partnership turns into customers: tracking adoption, triaging the first support issues together, publishing the case study, measuring the pipeline it creates, and putting the first quarterly business review in the calendar. When those are still open two months after the launch, the partnership is being treated as done the day it was announced, and it quietly fades. Finish each post-launch item in `launch.checklist`, or mark it `n/a` when it does not apply.",
    options: {
      weeks: {
        description: "a number of weeks: how long after the launch date the post-launch items must be done",
        default: 8,
        schema: { type: "number", minimum: 0 },
      },
    },
    reads: ["status", "launch.date", "launch.checklist"],
    judgesProgress: true,
    examples: {
      failing:
        "# today: 2026-11-24\nlaunch:\n  date: 2026-08-03\n  checklist: { adoptionTracking: done, qbrScheduled: todo }",
      passing:
        "# today: 2026-11-24\nlaunch:\n  date: 2026-08-03\n  checklist:\n    adoptionTracking: done\n    supportTriage: done\n    caseStudyPublished: done\n    pipelineMeasured: done\n    qbrScheduled: done",
    },
  },
  check({ facts, options, report }) {
    const launch = facts.launch;
    const { date, daysUntil } = launch;
    if (date === undefined || daysUntil === undefined || -daysUntil <= options.weeks * 7) return;
    const open = openItems(launch, POST_LAUNCH);
    if (open.length === 0) return;
    report({
      message: `Post-launch follow-up still open ${roundForMessage(-daysUntil / 7)} weeks after the launch on ${date} (due within ${formatNumber(options.weeks)}): finish or mark n/a ${describeItems(launch, open)}.`,
      at: ["launch", "date"],
    });
  },
});
