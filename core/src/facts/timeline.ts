import { addDays, daysBetween, isoDate } from "./dates";
import { GATED_PHASES, type PhaseFacts, type PhaseName } from "./phases";
import { record, text } from "./read";
import type { FactSettings } from "./settings";

/**
 * Facts about where a partnership stands in time: its current stage, the review it owes
 * (`updated` plus the `stale-charter` days), its launch, and its milestones, with the next
 * one. A portfolio of partnerships reads exactly these.
 */

export type Stage = "planned" | "crawl" | "walk" | "run" | "ended";

export interface ReviewFact {
  /** The last review (`updated`), when it is a real date. */
  updated?: string;
  /** How many days a charter may go without review (`stale-charter` `days`). */
  days: number;
  /** The next review is due on this date. */
  due?: string;
  /** Days since the last review. */
  age?: number;
  /** An active charter past its review date (what `stale-charter` reports). */
  overdue: boolean;
  /** An active charter that records no review at all (no `updated` date; `stale-charter` reports it too). */
  unrecorded: boolean;
}

export interface LaunchFact {
  /** The launch date, when it is a real date. */
  date?: string;
  /** Days from today to the launch (negative once it has passed). */
  daysUntil?: number;
  /** Each checklist item with its state as written. */
  checklist: { item: string; state?: string }[];
  /** Items not `done` and not `n/a`. */
  open: string[];
}

export type MilestoneKind = "decision" | "launch" | "run-start" | "review";

export interface Milestone {
  /** Stable within a charter (e.g. `decision-crawl`), for calendars that update events. */
  id: string;
  kind: MilestoneKind;
  phase?: PhaseName;
  date: string;
  /** Days from today (negative: past). */
  daysUntil: number;
  /** In words: "crawl go/no-go decision", "launch", "run starts", "charter review". */
  label: string;
}

/** The stage from status, phase dates, outcomes and today: the latest phase reached. */
export function currentStage(status: string | undefined, phases: PhaseFacts): Stage {
  if (status === "ended") return "ended";
  const run = phases.run;
  if (run.started) return run.ended ? "ended" : "run";
  // A phase is reached once it has started, or once its go/no-go was decided.
  const reached = (name: "crawl" | "walk"): boolean =>
    phases[name].started || phases[name].outcome === "passed" || phases[name].outcome === "failed";
  if (reached("walk")) return "walk";
  if (reached("crawl")) return "crawl";
  return "planned";
}

export function reviewFact(
  status: string | undefined,
  updated: unknown,
  today: string,
  settings: FactSettings,
): ReviewFact {
  const date = isoDate(updated);
  const fact: ReviewFact = { days: settings.reviewDays, overdue: false, unrecorded: false };
  if (date === undefined) return { ...fact, unrecorded: status === "active" && updated === undefined };
  const age = daysBetween(date, today)!;
  return {
    ...fact,
    updated: date,
    due: addDays(date, settings.reviewDays),
    age,
    overdue: status === "active" && age > settings.reviewDays,
  };
}

export function launchFact(launch: unknown, today: string): LaunchFact {
  const data = record(launch);
  const date = isoDate(data.date);
  const checklist = Object.entries(record(data.checklist)).map(([item, state]) => ({ item, state: text(state) }));
  return {
    date,
    daysUntil: date === undefined ? undefined : daysBetween(today, date),
    checklist,
    open: checklist.filter(({ state }) => state !== "done" && state !== "n/a").map(({ item }) => item),
  };
}

function milestone(kind: MilestoneKind, date: string, today: string, label: string, phase?: PhaseName): Milestone {
  const id = phase ? `${kind}-${phase}` : kind;
  return { id, kind, ...(phase ? { phase } : {}), date, daysUntil: daysBetween(today, date)!, label };
}

/**
 * The milestones, by date: each go/no-go decision still pending at a crawl or walk end, the
 * launch, the run start, and the review an active charter owes.
 */
export function milestones(
  status: string | undefined,
  phases: PhaseFacts,
  launch: LaunchFact,
  review: ReviewFact,
  today: string,
): Milestone[] {
  const found: Milestone[] = [];
  for (const name of GATED_PHASES) {
    const decision = phases[name].decision;
    if (decision && phases[name].pending) {
      found.push(milestone("decision", decision.due, today, `${name} go/no-go decision`, name));
    }
  }
  if (launch.date) found.push(milestone("launch", launch.date, today, "launch"));
  if (phases.run.start) found.push(milestone("run-start", phases.run.start, today, "run starts"));
  if (status === "active" && review.due) found.push(milestone("review", review.due, today, "charter review"));
  return found.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The first milestone on or after today. */
export function nextMilestone(all: readonly Milestone[]): Milestone | undefined {
  return all.find((item) => item.daysUntil >= 0);
}
