import type { LaunchFact } from "../../facts";
import { plural } from "../../text/words";

/** The launch rules' shared words: an item's checklist state, and when the launch is. */

/** The state written for a checklist item, or undefined when the item is not on the checklist. */
export function checklistState(launch: LaunchFact, item: string): string | undefined {
  return launch.checklist.find((entry) => entry.item === item)?.state;
}

/** "The launch on 2026-11-27 is 3 days away", "The launch is today (2026-11-24)", "The launch date … passed 2 days ago". */
export function launchWhen(date: string, daysUntil: number): string {
  if (daysUntil < 0) return `The launch date ${date} passed ${plural(-daysUntil, "day")} ago`;
  if (daysUntil === 0) return `The launch is today (${date})`;
  return `The launch on ${date} is ${plural(daysUntil, "day")} away`;
}
