import type { LaunchFact } from "../../facts";
import { plural } from "../../text/words";

/** The launch rules' shared words: the checklist items of each stage, an item's state, and when the launch is. */

/** The pre-launch items (4–6 weeks before the launch). */
export const PRE_LAUNCH = [
  "jointValueProp",
  "caseStudy",
  "integrationValidated",
  "salesEnablement",
  "supportTrained",
  "marketplaceListing",
] as const;

/** The launch-week items. */
export const LAUNCH_WEEK = [
  "pressRelease",
  "blogPosts",
  "jointWebinar",
  "socialCampaign",
  "salesBriefed",
  "customerComms",
] as const;

/** The post-launch items (weeks 2–8 after the launch). */
export const POST_LAUNCH = [
  "adoptionTracking",
  "supportTriage",
  "caseStudyPublished",
  "pipelineMeasured",
  "qbrScheduled",
] as const;

/** The state written for a checklist item, or undefined when the item is not on the checklist. */
export function checklistState(launch: LaunchFact, item: string): string | undefined {
  return launch.checklist.find((entry) => entry.item === item)?.state;
}

/** The items neither `done` nor `n/a` (todo, another state, or not on the checklist). */
export function openItems(launch: LaunchFact, items: readonly string[]): string[] {
  return items.filter((item) => !["done", "n/a"].includes(checklistState(launch, item) ?? ""));
}

/** "caseStudy (todo), supportTrained (missing)". */
export function describeItems(launch: LaunchFact, items: readonly string[]): string {
  return items.map((item) => `${item} (${checklistState(launch, item) ?? "missing"})`).join(", ");
}

/** "The launch on 2026-11-27 is 3 days away", "The launch is today (2026-11-24)", "The launch date … passed 2 days ago". */
export function launchWhen(date: string, daysUntil: number): string {
  if (daysUntil < 0) return `The launch date ${date} passed ${plural(-daysUntil, "day")} ago`;
  if (daysUntil === 0) return `The launch is today (${date})`;
  return `The launch on ${date} is ${plural(daysUntil, "day")} away`;
}

/** The days before the launch from which it counts as imminent (`integration-before-launch`, `launch-before-signature`). */
export const IMMINENT_DAYS = 7;
