import { isCurrencyCode } from "./units";

/**
 * Facts about money in free text: whether a metric speaks of revenue (a revenue word, or an
 * amount of money), as `tier-provisions` asks of a strategic charter's revenue objective
 * (docs/rules/tier-provisions.md).
 */

/** The words that make a metric a revenue objective (whole words, any case). */
export const REVENUE_TERMS: readonly string[] = [
  "revenue",
  "ARR",
  "MRR",
  "bookings",
  "sales",
  "GMV",
  "contract value",
  "deal value",
  "sales pipeline",
];

/** The currency symbols that make a number an amount of money. */
const CURRENCY_SYMBOL = "[$€£¥₹]";
const NUMBER = String.raw`\d[\d,.]*(?:\s?(?:k|K|m|M|mm|MM|bn|Bn|B))?`;
const SYMBOL_AMOUNT = new RegExp(
  `${CURRENCY_SYMBOL}\\s?\\d|\\d[\\d,.]*\\s?(?:k|K|m|M|bn|B)?\\s?${CURRENCY_SYMBOL}`,
  "u",
);
const CODE_BEFORE = new RegExp(String.raw`(?<![\p{L}\p{N}])([A-Z]{3})\s?${NUMBER}`, "gu");
const CODE_AFTER = new RegExp(String.raw`${NUMBER}\s?([A-Z]{3})(?![\p{L}\p{N}])`, "gu");

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * True when the text states an amount of money: a currency symbol (`$ € £ ¥ ₹`) or an
 * upper-case ISO 4217 code next to a number (`$1.2M`, `£2.5M`, `EUR 400k`, `300000 USD`).
 */
export function statesMoney(text: unknown): boolean {
  if (typeof text !== "string") return false;
  if (SYMBOL_AMOUNT.test(text)) return true;
  for (const pattern of [CODE_BEFORE, CODE_AFTER]) {
    for (const match of text.matchAll(pattern)) if (isCurrencyCode(match[1]!)) return true;
  }
  return false;
}

/** True when the text names one of the revenue words, or one of `extraTerms`, as whole words in any case. */
export function mentionsRevenueTerm(text: unknown, extraTerms: readonly string[] = []): boolean {
  if (typeof text !== "string") return false;
  const terms = [...REVENUE_TERMS, ...extraTerms].map((term) => term.trim()).filter(Boolean);
  const words = terms.map((term) => escapeRegExp(term).replace(/\s+/g, "\\s+")).join("|");
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${words})(?![\\p{L}\\p{N}])`, "iu").test(text);
}

/** True when the text speaks of revenue: a revenue word (or one of `extraTerms`) or an amount of money. */
export function speaksOfRevenue(text: unknown, extraTerms: readonly string[] = []): boolean {
  return mentionsRevenueTerm(text, extraTerms) || statesMoney(text);
}
