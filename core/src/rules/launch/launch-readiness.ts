import { plural } from "../../text/words";
import { defineRule } from "../rule";
import { describeItems, launchWhen, LAUNCH_WEEK, openItems, PRE_LAUNCH } from "../support/launch";

interface Options {
  days: number;
}

export default defineRule<Options>({
  meta: {
    id: "launch-readiness",
    category: "Launch",
    defaultSeverity: "warning",
    summary:
      "The launch is less than 42 days away (or past) and pre-launch checklist items are still open; after the launch date, launch-week items too.",
    rationale:
      "The work that makes a joint launch land happens four to six weeks before it: a value proposition both marketing teams signed off, a customer story, a validated integration, enabled sales teams, trained support, the marketplace listing. Items still open inside that window are how launches slip or go out half-ready. Once the date has passed, the launch-week items (press release, blog posts, webinar, social campaign, sales briefing, customer emails) should be done too. Mark each item `done`, or `n/a` when it does not apply, in `launch.checklist`.",
    options: {
      days: {
        description: "a whole number of days: how long before the launch date the pre-launch items must be done",
        default: 42,
        schema: { type: "integer", minimum: 0 },
      },
    },
    reads: ["status", "launch.date", "launch.checklist"],
    judgesProgress: true,
    examples: {
      failing:
        "# today: 2026-11-24\nlaunch:\n  date: 2026-12-15\n  checklist: { jointValueProp: done, caseStudy: todo }",
      passing:
        "# today: 2026-11-24\nlaunch:\n  date: 2026-12-15\n  checklist:\n    jointValueProp: done\n    caseStudy: done\n    integrationValidated: done\n    salesEnablement: done\n    supportTrained: done\n    marketplaceListing: n/a",
    },
  },
  check({ facts, options, report }) {
    const launch = facts.launch;
    const { date, daysUntil } = launch;
    if (date === undefined || daysUntil === undefined || daysUntil > options.days) return;
    const open = [...openItems(launch, PRE_LAUNCH), ...(daysUntil < 0 ? openItems(launch, LAUNCH_WEEK) : [])];
    if (open.length === 0) return;
    report({
      message: `${launchWhen(date, daysUntil)}, with ${plural(open.length, "item")} not done: finish or mark n/a ${describeItems(launch, open)}.`,
      at: ["launch", "date"],
    });
  },
});
