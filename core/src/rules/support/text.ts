import { ECONOMIC_COMMITMENT_TYPES, type Commitment, type CommitmentType } from "../../model/charter";

/**
 * Small text and data helpers shared by the framework rules. They read charter values
 * defensively (a value of the wrong type counts as absent) so a rule never throws on data
 * the schema did not vouch for.
 */

/** True when the value is absent, not a string, or only whitespace. */
export function isBlank(value: unknown): boolean {
  return typeof value !== "string" || value.trim() === "";
}

/** True when the value is absent, not a list, or an empty list. */
export function isEmptyList(value: unknown): boolean {
  return !Array.isArray(value) || value.length === 0;
}

/**
 * A free-text answer reduced for comparison with a list of stock phrases: trimmed, lower
 * case, inner whitespace collapsed, surrounding quotes and trailing punctuation removed
 * ("Nothing." and " NOTHING! " both become "nothing"). A lone "-" is kept as it is.
 */
export function normalizePhrase(value: string): string {
  const collapsed = value.trim().toLowerCase().replace(/\s+/g, " ");
  if (collapsed === "-") return collapsed;
  return collapsed
    .replace(/^["'“”‘’]+|["'“”‘’]+$/g, "")
    .replace(/[\s.!?,;:…]+$/u, "")
    .trim();
}

/** The answers to "what does this side lose if it fails?" that mean nothing is at stake. */
export const NOTHING_LOST_PHRASES: readonly string[] = ["nothing", "none", "n/a", "no loss", "-"];

/** The answers to "if we walk away, what happens to you?" that mean nothing changes. */
export const NOTHING_CHANGES_PHRASES: readonly string[] = [
  "nothing",
  "none",
  "nothing changes",
  "nothing really changes",
  "no change",
];

/** True when a non-blank text is one of the stock phrases, after normalisation. */
export function isStockPhrase(value: unknown, phrases: readonly string[]): boolean {
  if (typeof value !== "string" || value.trim() === "") return false;
  return phrases.includes(normalizePhrase(value));
}

/** True when the text says nothing is lost ("nothing", "none", "n/a", "no loss", "-"). */
export function saysNothingIsLost(value: unknown): boolean {
  return isStockPhrase(value, NOTHING_LOST_PHRASES);
}

/** True when the text says nothing changes ("nothing", "none", "nothing changes", …). */
export function saysNothingChanges(value: unknown): boolean {
  return isStockPhrase(value, NOTHING_CHANGES_PHRASES);
}

/** The commitments of one side as a list (absent or malformed → empty). */
export function commitmentList(value: unknown): Commitment[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (item): item is Commitment => item !== null && typeof item === "object" && typeof item.type === "string",
  );
}

export function isEconomic(type: string): boolean {
  return (ECONOMIC_COMMITMENT_TYPES as readonly string[]).includes(type);
}

/** The distinct economic commitment types of one side, in the order written. */
export function economicTypes(value: unknown): CommitmentType[] {
  return unique(commitmentList(value).map((item) => item.type)).filter(isEconomic);
}

/** The distinct commitment types of one side, in the order written. */
export function commitmentTypes(value: unknown): CommitmentType[] {
  return unique(commitmentList(value).map((item) => item.type));
}

export function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** "a", "a and b", "a, b and c". */
export function listPhrase(values: readonly string[], conjunction = "and"): string {
  if (values.length <= 1) return values.join("");
  return `${values.slice(0, -1).join(", ")} ${conjunction} ${values[values.length - 1]}`;
}

/** The economic commitment types as a phrase for messages. */
export const ECONOMIC_TYPES_PHRASE = listPhrase(ECONOMIC_COMMITMENT_TYPES, "or");

/** True when a metric name or target speaks of money: revenue, ARR, bookings, pipeline or "$". */
export function mentionsRevenue(value: unknown): boolean {
  return typeof value === "string" && /revenue|bookings|pipeline|\$|\barr\b/i.test(value);
}

/** Formats a number for messages: 300000 → "300,000", 2.5 → "2.5". */
export function formatNumber(value: number): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: 2 });
}

/** Quotes a charter text in messages, shortened when long. */
export function quote(value: string, max = 60): string {
  const text = value.trim().replace(/\s+/g, " ");
  return `"${text.length > max ? `${text.slice(0, max - 1)}…` : text}"`;
}
