import { defineRule } from "../rule";
import { checklistState, launchWhen } from "../support/launch";

interface Options {
  days: number;
}

const PRE_LAUNCH = [
  "jointValueProp",
  "caseStudy",
  "integrationValidated",
  "salesEnablement",
  "supportTrained",
  "marketplaceListing",
] as const;

const LAUNCH_WEEK = [
  "pressRelease",
  "blogPosts",
  "jointWebinar",
  "socialCampaign",
  "salesBriefed",
  "customerComms",
] as const;

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
    reads: ["launch"],
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
    const passed = daysUntil < 0;
    const open = (items: readonly string[]): string[] =>
      items.filter((item) => !["done", "n/a"].includes(checklistState(launch, item) ?? ""));
    const openPre = open(PRE_LAUNCH);
    const openWeek = passed ? open(LAUNCH_WEEK) : [];
    if (openPre.length === 0 && openWeek.length === 0) return;
    const describe = (items: string[]): string =>
      items.map((item) => `${item} (${checklistState(launch, item) ?? "missing"})`).join(", ");
    const parts: string[] = [];
    if (openPre.length) parts.push(`pre-launch ${openPre.length === 1 ? "item" : "items"} ${describe(openPre)}`);
    if (openWeek.length) parts.push(`launch-week ${openWeek.length === 1 ? "item" : "items"} ${describe(openWeek)}`);
    report({
      message: `${launchWhen(date, daysUntil)}, but ${parts.join(" and ")} ${openPre.length + openWeek.length === 1 ? "is" : "are"} not done. Pre-launch work belongs in the ${options.days} days before the launch${passed ? ", and launch-week work in its first week" : ""}: finish each item, or mark it \`n/a\` in \`launch.checklist\` when it does not apply.`,
      at: ["launch", "date"],
    });
  },
});
