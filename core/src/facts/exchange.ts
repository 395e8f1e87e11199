import { ECONOMIC_COMMITMENT_TYPES } from "../model/charter";
import { formatNumber } from "../text/numbers";
import { finite, isRecord, list, record, text } from "./read";
import type { FactSettings } from "./settings";
import { isComparable, normalizeUnit, type Unit } from "./units";

/**
 * Facts about the value exchange: what each side commits (economic or not, with amounts),
 * the totals per normalised unit, the same-unit comparisons against the `unbalanced-exchange`
 * ratio, and the one verdict on the balance that the rules, the code lens, the preview and
 * the diff all state.
 */

export type Side = "us" | "partner";

/**
 * The balance, judged as the skin-in-the-game rules judge it, in this order:
 * no economic commitment on either side (`no-skin-in-the-game`), on one side only
 * (`one-sided-commitment`; at Tier 1, the partner alone is the self-serve model), amounts
 * lopsided beyond the ratio or `balanced: false` (`unbalanced-exchange`); otherwise the
 * authors' own answer, or "not stated" without one.
 */
export type BalanceVerdict =
  "no skin in the game" | "one-sided" | "self-serve" | "unbalanced" | "marked not balanced" | "balanced" | "not stated";

export interface AmountFact {
  value: number;
  unit: Unit;
}

export interface CommitmentFact {
  /** Position in the side's list. */
  index: number;
  type?: string;
  detail?: string;
  economic: boolean;
  amount?: AmountFact;
}

export interface UnitTotal {
  unit: Unit;
  total: number;
}

export interface SideExchange {
  side: Side;
  commitments: CommitmentFact[];
  /** The distinct commitment types, in the order written. */
  types: string[];
  /** The distinct economic types (engineering, spend, revenue-share, co-investment, roadmap). */
  economicTypes: string[];
  /** The side's amounts added up per unit, in the order the units first appear. */
  totals: UnitTotal[];
  /** What the side says it loses if the partnership fails (`commitments.ifItFails`). */
  loses?: string;
}

export interface UnitComparison {
  unit: Unit;
  us: number;
  partner: number;
  /** The side that commits more; undefined when both commit the same. */
  larger?: Side;
  /** How many times more the larger side commits; undefined when the smaller total is 0. */
  times?: number;
  /** More than `ratio` times apart. */
  lopsided: boolean;
}

export interface ExchangeFacts {
  /** `commitments` is written as a section. */
  stated: boolean;
  us: SideExchange;
  partner: SideExchange;
  /** The authors' answer to "would both sides still do this if the other walked?". */
  balanced?: boolean;
  /** The configured `unbalanced-exchange` ratio the comparisons are judged against. */
  ratio: number;
  /** The tier is `integration`: the partner builds on our public API, we support it. */
  selfServe: boolean;
  /** Every unit both sides state amounts in (percentages and unitless amounts excepted). */
  comparisons: UnitComparison[];
  verdict: BalanceVerdict;
}

const ECONOMIC: ReadonlySet<string> = new Set(ECONOMIC_COMMITMENT_TYPES);

export function isEconomic(type: unknown): boolean {
  return typeof type === "string" && ECONOMIC.has(type);
}

function commitment(item: unknown, index: number): CommitmentFact {
  const entry = record(item);
  const fact: CommitmentFact = {
    index,
    type: text(entry.type),
    detail: text(entry.detail),
    economic: isEconomic(entry.type),
  };
  const amount = record(entry.amount);
  const value = finite(amount.value);
  if (value !== undefined) fact.amount = { value, unit: normalizeUnit(amount.unit) };
  return fact;
}

function sideExchange(side: Side, commitments: Record<string, unknown>): SideExchange {
  const items = list(commitments[side]).map(commitment);
  const types = [
    ...new Set(
      list(commitments[side]).flatMap((item) => (isRecord(item) && typeof item.type === "string" ? [item.type] : [])),
    ),
  ];
  const totals = new Map<string, UnitTotal>();
  for (const { amount } of items) {
    if (!amount) continue;
    const entry = totals.get(amount.unit.key) ?? { unit: amount.unit, total: 0 };
    entry.total += amount.value;
    totals.set(amount.unit.key, entry);
  }
  return {
    side,
    commitments: items,
    types,
    economicTypes: types.filter(isEconomic),
    totals: [...totals.values()],
    loses: text(record(commitments.ifItFails)[side]),
  };
}

function compare(us: UnitTotal, partner: UnitTotal, ratio: number): UnitComparison {
  const larger = Math.max(us.total, partner.total);
  const smaller = Math.min(us.total, partner.total);
  const comparison: UnitComparison = {
    unit: us.unit,
    us: us.total,
    partner: partner.total,
    lopsided: larger > ratio * smaller,
  };
  if (us.total !== partner.total) comparison.larger = us.total > partner.total ? "us" : "partner";
  if (smaller > 0) comparison.times = larger / smaller;
  return comparison;
}

function verdict(exchange: Omit<ExchangeFacts, "verdict">): BalanceVerdict {
  const ours = exchange.us.economicTypes.length > 0;
  const theirs = exchange.partner.economicTypes.length > 0;
  if (!ours && !theirs) return "no skin in the game";
  if (ours !== theirs) return theirs && exchange.selfServe ? "self-serve" : "one-sided";
  if (exchange.comparisons.some((comparison) => comparison.lopsided)) return "unbalanced";
  if (exchange.balanced === false) return "marked not balanced";
  return exchange.balanced === true ? "balanced" : "not stated";
}

export function exchangeFacts(commitments: unknown, settings: FactSettings, tier?: unknown): ExchangeFacts {
  const data = record(commitments);
  const us = sideExchange("us", data);
  const partner = sideExchange("partner", data);
  const comparisons: UnitComparison[] = [];
  for (const ours of us.totals) {
    const theirs = partner.totals.find((total) => total.unit.key === ours.unit.key);
    if (theirs && isComparable(ours.unit)) comparisons.push(compare(ours, theirs, settings.ratio));
  }
  const balanced = typeof data.balanced === "boolean" ? data.balanced : undefined;
  const facts = {
    stated: isRecord(commitments),
    us,
    partner,
    balanced,
    ratio: settings.ratio,
    selfServe: tier === "integration",
    comparisons,
  };
  return { ...facts, verdict: verdict(facts) };
}

/** The balance verdict in a few words, e.g. "balanced", "unbalanced: the partner puts in 6× more USD". */
export function balanceWords(exchange: ExchangeFacts): string {
  if (exchange.verdict === "not stated") return "balance not stated";
  if (exchange.verdict === "self-serve") return "self-serve: the partner builds, we support";
  const lopsided = exchange.comparisons.find((comparison) => comparison.lopsided);
  if (exchange.verdict !== "unbalanced" || !lopsided) return exchange.verdict;
  const who = lopsided.larger === "us" ? "we put in" : "the partner puts in";
  const times = lopsided.times === undefined ? "far" : `${formatNumber(Math.round(lopsided.times * 10) / 10)}×`;
  return `unbalanced: ${who} ${times} more ${lopsided.unit.label}`;
}
