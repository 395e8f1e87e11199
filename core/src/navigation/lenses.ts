import { effectiveOptions, type RulesConfig } from "../config/rules-config";
import { ECONOMIC_COMMITMENT_TYPES, type Charter } from "../model/charter";
import { locate, rangeAt, type ParsedCharter } from "../parse/parse-charter";
import { RULES_BY_ID } from "../rules";
import type { Range } from "../types";

/**
 * Code lens data: a one-line summary above each phase (its length and its go/no-go status)
 * and above `commitments` (what each side gives and whether the exchange is balanced).
 */

export interface CharterLens {
  kind: "phase" | "commitments";
  /** The key the lens sits on (`crawl`, `walk`, `run`, `commitments`). */
  range: Range;
  title: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: unknown): value is string {
  return dayNumber(value) !== undefined;
}

/** Days since 1970-01-01 for a YYYY-MM-DD date; undefined when it is not a real date. */
function dayNumber(value: unknown): number | undefined {
  if (typeof value !== "string") return undefined;
  const match = DATE.exec(value);
  if (!match) return undefined;
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  const date = new Date(time);
  if (date.toISOString().slice(0, 10) !== value) return undefined;
  return Math.round(time / 86_400_000);
}

function plural(value: number, one: string, many: string): string {
  const rounded = Number.isInteger(value) ? String(value) : value.toFixed(1).replace(/\.0$/, "");
  return `${rounded} ${rounded === "1" ? one : many}`;
}

export interface PhaseSpan {
  days: number;
  weeks: number;
  months: number;
}

/** The length of a phase from its start and end dates, when both are real dates. */
export function phaseSpan(phase: { start?: unknown; end?: unknown } | undefined): PhaseSpan | undefined {
  const start = dayNumber(phase?.start);
  const end = dayNumber(phase?.end);
  if (start === undefined || end === undefined) return undefined;
  const days = end - start;
  return { days, weeks: Math.round((days / 7) * 10) / 10, months: Math.round((days / 30.44) * 10) / 10 };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function phaseTitle(name: "crawl" | "walk" | "run", phase: Record<string, unknown>): string {
  const parts: string[] = [];
  const span = phaseSpan(phase);
  if (span && span.days < 0) parts.push("ends before it starts");
  else if (span)
    parts.push(name === "run" ? plural(span.months, "month", "months") : plural(span.weeks, "week", "weeks"));
  else if (dayNumber(phase.start) !== undefined) parts.push(name === "run" ? "ongoing" : "no end date");
  else parts.push("no dates yet");
  if (name === "run") {
    parts.push(phase.roiValidated === true ? "ROI validated" : "ROI not validated yet");
  } else if (!Array.isArray(phase.goNoGo) || phase.goNoGo.length === 0) {
    parts.push("go/no-go: no criteria yet");
  } else {
    const outcome = typeof phase.outcome === "string" ? phase.outcome : "pending";
    parts.push(`go/no-go: ${outcome}`);
  }
  return parts.join(" · ");
}

export type Balance = "balanced" | "unbalanced" | "one-sided" | "no skin in the game" | "marked not balanced";

export interface CommitmentBalance {
  us: number;
  partner: number;
  balance: Balance;
  /** When the amounts in a shared unit are far apart: the unit and how many times larger. */
  ratio?: { unit: string; times: number; larger: "us" | "partner" };
}

function commitmentsOf(side: unknown): Record<string, unknown>[] {
  return Array.isArray(side) ? side.filter(isObject) : [];
}

function totalsByUnit(list: Record<string, unknown>[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const commitment of list) {
    const amount = commitment.amount;
    if (!isObject(amount) || typeof amount.value !== "number" || typeof amount.unit !== "string") continue;
    totals.set(amount.unit, (totals.get(amount.unit) ?? 0) + amount.value);
  }
  return totals;
}

/**
 * What each side gives and whether the exchange is balanced, judged the way the framework
 * does: both sides need an economic commitment, and amounts in the same unit must stay within
 * the `unbalanced-exchange` ratio (4× unless configured).
 */
export function commitmentBalance(commitments: unknown, rules?: RulesConfig): CommitmentBalance {
  const data = isObject(commitments) ? commitments : {};
  const us = commitmentsOf(data.us);
  const partner = commitmentsOf(data.partner);
  const economic = (list: Record<string, unknown>[]): boolean =>
    list.some((c) => (ECONOMIC_COMMITMENT_TYPES as readonly unknown[]).includes(c.type));
  const result: CommitmentBalance = { us: us.length, partner: partner.length, balance: "balanced" };
  const usEconomic = economic(us);
  const partnerEconomic = economic(partner);
  if (!usEconomic && !partnerEconomic) return { ...result, balance: "no skin in the game" };
  if (usEconomic !== partnerEconomic) return { ...result, balance: "one-sided" };
  const rule = RULES_BY_ID.get("unbalanced-exchange");
  const configured = rule ? effectiveOptions(rule, rules).ratio : undefined;
  const limit = typeof configured === "number" && configured > 0 ? configured : 4;
  const usTotals = totalsByUnit(us);
  const partnerTotals = totalsByUnit(partner);
  for (const [unit, usTotal] of usTotals) {
    const partnerTotal = partnerTotals.get(unit);
    if (partnerTotal === undefined) continue;
    const high = Math.max(usTotal, partnerTotal);
    const low = Math.min(usTotal, partnerTotal);
    if (low === 0 ? high > 0 : high / low > limit) {
      const times = low === 0 ? Infinity : Math.round((high / low) * 10) / 10;
      return {
        ...result,
        balance: "unbalanced",
        ratio: { unit, times, larger: usTotal > partnerTotal ? "us" : "partner" },
      };
    }
  }
  if (data.balanced === false) return { ...result, balance: "marked not balanced" };
  return result;
}

function balanceTitle(balance: CommitmentBalance): string {
  const parts = [`we give ${balance.us}`, `partner gives ${balance.partner}`];
  if (balance.balance === "unbalanced" && balance.ratio) {
    const who = balance.ratio.larger === "us" ? "we put in" : "the partner puts in";
    const times = Number.isFinite(balance.ratio.times) ? `${balance.ratio.times}×` : "far";
    parts.push(`unbalanced: ${who} ${times} more ${balance.ratio.unit}`);
  } else parts.push(balance.balance);
  return parts.join(" · ");
}

export function charterLenses(parsed: ParsedCharter, charter: Charter | undefined, rules?: RulesConfig): CharterLens[] {
  if (!charter || !isObject(charter)) return [];
  const lenses: CharterLens[] = [];
  const phases = (charter as Record<string, unknown>).phases;
  if (isObject(phases)) {
    for (const name of ["crawl", "walk", "run"] as const) {
      const phase = phases[name];
      if (!isObject(phase) || !locate(parsed, ["phases", name])) continue;
      lenses.push({ kind: "phase", range: rangeAt(parsed, ["phases", name], "key"), title: phaseTitle(name, phase) });
    }
  }
  const commitments = (charter as Record<string, unknown>).commitments;
  if (isObject(commitments) && locate(parsed, ["commitments"])) {
    lenses.push({
      kind: "commitments",
      range: rangeAt(parsed, ["commitments"], "key"),
      title: balanceTitle(commitmentBalance(commitments, rules)),
    });
  }
  return lenses.sort((a, b) => a.range.start.line - b.range.start.line);
}
