import { dateOfDay, dayNumber, isRecord, record, strings, text, type CharterFacts, type Data } from "../facts";
import { PHASE_KEYS, PHASE_LABELS } from "./format";
import { NOT_STATED, type PhaseView, type TimelineView } from "./view-types";

/**
 * The crawl/walk/run section of the page: each phase as the facts know it (dates, length,
 * outcome, criteria with their bars) plus what is only displayed (customers, integration,
 * deliverables), and the timeline's geometry with today's marker.
 */

function phaseView(key: (typeof PHASE_KEYS)[number], raw: unknown, facts: CharterFacts): PhaseView {
  const fact = facts.phases[key];
  const entry = record(raw);
  const view: PhaseView = {
    key,
    label: PHASE_LABELS[key],
    present: fact.present,
    // A date that is not a real date is shown as written.
    start: fact.start ?? text(entry.start),
    end: fact.end ?? text(entry.end),
    length: fact.duration?.description,
    customers: text(entry.customers),
    integration: text(entry.integration),
    deliverables: strings(entry.deliverables),
    criteria: fact.criteria.map((criterion) => ({ metric: criterion.metric ?? NOT_STATED, bar: criterion.bar })),
  };
  if (key === "run") {
    view.reviewCadence = text(entry.reviewCadence);
    view.roiValidated = fact.roiValidated;
  } else if (fact.present) {
    view.outcome = fact.outcome ?? "pending";
    view.decidedOn = text(entry.decidedOn);
  }
  return view;
}

/** The span the timeline shows: every phase date and today, with a little room at both ends. */
function span(views: readonly PhaseView[], today: string): { from: number; to: number } | undefined {
  const days = views.flatMap((view) => [dayNumber(view.start), dayNumber(view.end)]).filter((d) => d !== undefined);
  if (days.length === 0) return undefined;
  const todayDay = dayNumber(today);
  const all = todayDay === undefined ? days : [...days, todayDay];
  let from = Math.min(...all);
  let to = Math.max(...all);
  if (to - from < 28) {
    from -= 14;
    to += 14;
  }
  // A little room at both ends, so the today marker never sits on the border.
  const pad = Math.max(3, Math.round((to - from) * 0.03));
  return { from: from - pad, to: to + pad };
}

export function timelineView(data: Data, facts: CharterFacts, today: string): TimelineView {
  const phases = record(data.phases);
  const views = PHASE_KEYS.map((key) => phaseView(key, isRecord(phases[key]) ? phases[key] : undefined, facts));
  const result: TimelineView = { phases: views, today, stage: facts.stage };
  const bounds = span(views, today);
  if (!bounds) return result;
  const { from, to } = bounds;
  const at = (day: number): number => Math.round(((day - from) / (to - from)) * 10000) / 100;
  for (const view of views) {
    const start = dayNumber(view.start);
    if (start === undefined) continue;
    const end = dayNumber(view.end);
    const open = end === undefined;
    const stop = open ? (view.key === "run" ? to : start) : Math.max(end, start);
    view.bar = { left: at(start), width: Math.max(0.5, at(stop) - at(start)), open };
  }
  result.from = dateOfDay(from);
  result.to = dateOfDay(to);
  const todayDay = dayNumber(today);
  if (todayDay !== undefined) result.todayAt = at(todayDay);
  return result;
}
