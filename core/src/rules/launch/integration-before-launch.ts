import { defineRule } from "../rule";
import { checklistState, IMMINENT_DAYS, launchWhen } from "../support/launch";

export default defineRule({
  meta: {
    id: "integration-before-launch",
    category: "Launch",
    defaultSeverity: "error",
    summary: "The launch is a week away or past, and `launch.checklist.integrationValidated` is not `done`.",
    rationale:
      "Customers meet the partnership through the integration. If it has not been tested end to end by both teams before the announcement, the first thing the launch produces is bug reports, support tickets and a story about a partnership that does not work. Validate the integration with the partner before the final week, then mark `integrationValidated: done`; if that cannot happen, move the launch date.",
    options: {},
    reads: ["status", "launch.date", "launch.checklist.integrationValidated"],
    judgesProgress: true,
    examples: {
      failing: "# today: 2026-11-24\nlaunch:\n  date: 2026-11-27\n  checklist: { integrationValidated: todo }",
      passing: "# today: 2026-11-24\nlaunch:\n  date: 2026-11-27\n  checklist: { integrationValidated: done }",
    },
  },
  check({ facts, report }) {
    const { date, daysUntil } = facts.launch;
    if (date === undefined || daysUntil === undefined || daysUntil > IMMINENT_DAYS) return;
    const state = checklistState(facts.launch, "integrationValidated");
    if (state === "done") return;
    const status = state === undefined ? "not on the checklist" : `marked ${state}`;
    report({
      message: `${launchWhen(date, daysUntil)}, but the integration's validation is ${status}: test it end to end with the partner, or move the launch.`,
      // The state, else the checklist key, else the launch key.
      at: ["launch", "checklist", "integrationValidated"],
    });
  },
});
