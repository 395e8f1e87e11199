/**
 * The units of commitment amounts, normalised so that the same unit always compares as one:
 * case does not matter (`usd` = `USD`, `Engineer-Months` = `engineer-months`), currency
 * symbols are the ISO 4217 codes they stand for, and percentages form a kind of their own
 * that is never compared (15% of one base says nothing against 15% of another).
 */

export type UnitKind = "currency" | "percent" | "other";

export interface Unit {
  /** What amounts are added up and compared by: equal keys are the same unit. */
  key: string;
  /** How the unit is named in messages and pages: the ISO code, `%`, or the unit as first written. */
  label: string;
  kind: UnitKind;
}

/** Currency symbols and the ISO 4217 code each stands for (compared without regard to case). */
export const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = {
  $: "USD",
  us$: "USD",
  "€": "EUR",
  "£": "GBP",
  "¥": "JPY",
};

const PERCENT_UNITS = new Set(["%", "percent"]);

let currencyCodes: Set<string> | undefined;

/** True for a three-letter ISO 4217 code this runtime knows (USD, EUR, CHF, …), in any case. */
export function isCurrencyCode(value: string): boolean {
  if (!/^[A-Za-z]{3}$/.test(value)) return false;
  currencyCodes ??= new Set(Intl.supportedValuesOf("currency"));
  return currencyCodes.has(value.toUpperCase());
}

/** The normalised unit of an amount's `unit` as written; a blank or missing unit has the empty key. */
export function normalizeUnit(written: unknown): Unit {
  const unit = typeof written === "string" ? written.trim() : "";
  const lower = unit.toLowerCase();
  if (PERCENT_UNITS.has(lower)) return { key: "percent", label: "%", kind: "percent" };
  const symbol = CURRENCY_SYMBOLS[lower];
  if (symbol) return { key: symbol, label: symbol, kind: "currency" };
  if (isCurrencyCode(unit)) return { key: unit.toUpperCase(), label: unit.toUpperCase(), kind: "currency" };
  return { key: lower, label: unit, kind: "other" };
}

/** True when amounts in this unit may be compared across the two sides. */
export function isComparable(unit: Unit): boolean {
  return unit.key !== "" && unit.kind !== "percent";
}
