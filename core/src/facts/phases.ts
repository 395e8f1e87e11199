import { percentValue, type Percent } from "../model/charter";
import { formatNumber, roundForMessage } from "../text/numbers";
import { plural } from "../text/words";
import { daysBetween, isoDate, monthsAndDays, monthsBetween, weeksBetween } from "./dates";
import { finite, isRecord, list, record, text, type Data } from "./read";
import type { FactSettings } from "./settings";

/**
 * Facts about the three phases: their dates, their length in the framework's units (weeks
 * for crawl and walk, calendar months for run) with the words every message and page uses
 * ("7.6 weeks", "5 months and 29 days"), whether that length fits the `phase-duration`
 * window, the go/no-go criteria with their bars, the outcome and the decision due at a gated
 * phase's end.
 */

export type PhaseName = "crawl" | "walk" | "run";
export type GatedPhaseName = "crawl" | "walk";
export const PHASE_NAMES: readonly PhaseName[] = ["crawl", "walk", "run"];
export const GATED_PHASES: readonly GatedPhaseName[] = ["crawl", "walk"];

export type DurationVerdict = "too short" | "within" | "too long";

export interface Duration {
  days: number;
  /** The length in `unit`: fractional weeks, or calendar months with the rest as a fraction. */
  length: number;
  unit: "week" | "month";
  /** "7.6 weeks", "5 months and 29 days": the words of every message, lens and page. */
  description: string;
  /** The `phase-duration` window the length is measured against, and where it falls. */
  window: { min: number; max: number; verdict: DurationVerdict };
}

export interface CriterionFact {
  index: number;
  metric?: string;
  /** The improvement bar as a percentage, when it is one (25 or "25%"). */
  improvement?: number;
  /** The adoption bar as a percentage, when it is one. */
  adoption?: number;
  target?: string;
  /** The bar in words, e.g. `improvement 25%, target “fewer than 2 a month”`, or "no bar". */
  bar: string;
}

export interface DecisionFact {
  /** The go/no-go decision is due at the phase's end. */
  due: string;
  /** Days from today to `due` (negative once it has passed). */
  daysUntil: number;
  /** Due date passed while the outcome is still pending. */
  overdue: boolean;
}

export interface PhaseFact {
  name: PhaseName;
  /** The phase is written as a section. */
  present: boolean;
  /** Real `YYYY-MM-DD` dates only. */
  start?: string;
  end?: string;
  /** Both dates given and the end is before the start. */
  endsBeforeStart: boolean;
  /** With both dates, the end not before the start. */
  duration?: Duration;
  /** Started on or before today. */
  started: boolean;
  /** Ended before today. */
  ended: boolean;
  customers?: number;
  /** crawl and walk: the go/no-go criteria (empty for run). */
  criteria: CriterionFact[];
  /** crawl and walk: the outcome as written (`pending`, `passed`, `failed`); undefined when not recorded. */
  outcome?: string;
  /** crawl and walk: no decision recorded yet (outcome `pending` or absent). */
  pending: boolean;
  decidedOn?: string;
  /** crawl and walk with an end date: the go/no-go decision due then. */
  decision?: DecisionFact;
  /** run: `roiValidated` when it is a boolean. */
  roiValidated?: boolean;
}

export type PhaseFacts = Readonly<Record<PhaseName, PhaseFact>>;

/** "a month and 3 days" is written "1 month and 3 days"; "0 days" for an empty span. */
export function describeMonthSpan(from: string, to: string): string | undefined {
  const span = monthsAndDays(from, to);
  if (!span) return undefined;
  const parts = [span.months > 0 ? plural(span.months, "month") : "", span.days > 0 ? plural(span.days, "day") : ""];
  return parts.filter(Boolean).join(" and ") || "0 days";
}

function duration(name: PhaseName, start: string, end: string, window: readonly [number, number]): Duration {
  const run = name === "run";
  const length = run ? monthsBetween(start, end)! : weeksBetween(start, end)!;
  const [min, max] = window;
  return {
    days: daysBetween(start, end)!,
    length,
    unit: run ? "month" : "week",
    description: run ? describeMonthSpan(start, end)! : plural(roundForMessage(length), "week"),
    window: { min, max, verdict: length < min ? "too short" : length > max ? "too long" : "within" },
  };
}

/** A percentage as written: `25%` for 25 or "25%", the text itself otherwise. */
export function percentText(value: unknown): string | undefined {
  const number = percentValue(value as Percent | undefined);
  return number !== undefined ? `${formatNumber(number)}%` : text(value);
}

/** The bar of one go/no-go criterion in words; the preview and the diff both say it so. */
export function describeBar(entry: Data): string {
  const parts: string[] = [];
  const improvement = percentText(entry.improvement);
  const adoption = percentText(entry.adoption);
  if (improvement !== undefined) parts.push(`improvement ${improvement}`);
  if (adoption !== undefined) parts.push(`adoption ${adoption}`);
  if (text(entry.target)) parts.push(`target “${text(entry.target)}”`);
  return parts.length ? parts.join(", ") : "no bar";
}

function criterion(item: unknown, index: number): CriterionFact {
  const entry = record(item);
  return {
    index,
    metric: text(entry.metric),
    improvement: percentValue(entry.improvement as Percent | undefined),
    adoption: percentValue(entry.adoption as Percent | undefined),
    target: text(entry.target),
    bar: describeBar(entry),
  };
}

function phaseFact(name: PhaseName, raw: unknown, today: string, settings: FactSettings): PhaseFact {
  const entry = record(raw);
  const start = isoDate(entry.start);
  const end = isoDate(entry.end);
  const gated = name !== "run";
  const outcome = gated ? text(entry.outcome) : undefined;
  const pending = gated && (outcome === undefined || outcome === "pending");
  const fact: PhaseFact = {
    name,
    present: isRecord(raw),
    start,
    end,
    endsBeforeStart: start !== undefined && end !== undefined && end < start,
    started: start !== undefined && start <= today,
    ended: end !== undefined && end < today,
    customers: finite(entry.customers),
    criteria: gated ? list(entry.goNoGo).map(criterion) : [],
    outcome,
    pending,
    decidedOn: gated ? isoDate(entry.decidedOn) : undefined,
  };
  if (start !== undefined && end !== undefined && end >= start) {
    fact.duration = duration(name, start, end, settings.windows[name]);
  }
  if (gated && end !== undefined) {
    const daysUntil = daysBetween(today, end)!;
    fact.decision = { due: end, daysUntil, overdue: pending && daysUntil < 0 };
  }
  if (!gated && typeof entry.roiValidated === "boolean") fact.roiValidated = entry.roiValidated;
  return fact;
}

export function phaseFacts(phases: unknown, today: string, settings: FactSettings): PhaseFacts {
  const data = record(phases);
  return {
    crawl: phaseFact("crawl", data.crawl, today, settings),
    walk: phaseFact("walk", data.walk, today, settings),
    run: phaseFact("run", data.run, today, settings),
  };
}
