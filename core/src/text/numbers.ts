/**
 * Numbers as a partnership manager reads them: thousands separated, at most two decimals on
 * pages, at most one in messages about durations.
 */

// Created on first use: building a NumberFormat costs ~13 ms, which every CLI start would pay.
let numberFormat: Intl.NumberFormat | undefined;

/** 300000 → "300,000", 2.5 → "2.5", 1/3 → "0.33". */
export function formatNumber(value: number): string {
  numberFormat ??= new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
  return numberFormat.format(value);
}

/** At most one decimal, no trailing ".0": 7.6, 8, 12.3. */
export function roundForMessage(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}
