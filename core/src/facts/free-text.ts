/**
 * Facts about the charter's free-text answers: whether an answer is blank, and whether it is
 * one of the stock phrases that mean "nothing" ("Nothing at all.", "$0", "No impact for
 * them."). Answers are compared after the normalisation of docs/rules/mutual-risk.md: lower
 * case, trimmed, surrounding quotes and trailing punctuation removed, inner whitespace
 * collapsed, and the filler words "at all", "really", "for them", "for us" and "for the
 * partner" left out.
 */

/** True when the value is absent, not a string, or only whitespace. */
export function isBlank(value: unknown): boolean {
  return typeof value !== "string" || value.trim() === "";
}

/** True when the value is absent, not a list, or an empty list. */
export function isEmptyList(value: unknown): boolean {
  return !Array.isArray(value) || value.length === 0;
}

/** Trimmed, lower case, inner whitespace collapsed: for matching texts written twice ("Tom  Lee" = "tom lee"). */
export function normalizeText(value: string): string {
  return value.trim().replace(/\s+/g, " ").toLowerCase();
}

/** Words that change nothing in a short answer: "nothing at all" says "nothing". */
const FILLER = /\b(?:at all|really|for them|for us|for the partner)\b/g;
const QUOTES = /^["'“”‘’«»]+|["'“”‘’«»]+$/g;
const TRAILING_PUNCTUATION = /[\s.!?,;:…]+$/u;

/**
 * A free-text answer reduced for comparison with a list of stock phrases ("Nothing at all."
 * and ' "NOTHING!" ' both become "nothing"). Dashes are kept: a lone "-" or "—" is an answer.
 */
export function normalizePhrase(value: string): string {
  let phrase = normalizeText(value).replace(QUOTES, "").replace(TRAILING_PUNCTUATION, "");
  phrase = phrase.replace(FILLER, " ");
  return normalizeText(phrase).replace(QUOTES, "").replace(TRAILING_PUNCTUATION, "").trim();
}

/** The answers to "what does this side lose if it fails?" that mean nothing is at stake. */
export const NOTHING_LOST_PHRASES: readonly string[] = [
  "nothing",
  "none",
  "nil",
  "zero",
  "0",
  "$0",
  "n/a",
  "na",
  "no loss",
  "no real loss",
  "nothing to lose",
  "-",
  "—",
];

/** The answers to "if we walk away, what happens to you?" that mean nothing changes. */
export const NOTHING_CHANGES_PHRASES: readonly string[] = [
  "nothing",
  "none",
  "nothing changes",
  "nothing would change",
  "no change",
  "no changes",
  "no impact",
  "no effect",
  "not much",
  "nothing much",
];

/** True when a non-blank text is one of the stock phrases, after normalisation. */
export function isStockPhrase(value: unknown, phrases: readonly string[]): boolean {
  if (typeof value !== "string" || value.trim() === "") return false;
  return phrases.includes(normalizePhrase(value));
}

/** True when the text says nothing is lost ("Nothing at all.", "none", "$0", "n/a", "-"…). */
export function saysNothingIsLost(value: unknown): boolean {
  return isStockPhrase(value, NOTHING_LOST_PHRASES);
}

/** True when the text says nothing changes ("Nothing really changes.", "No impact for them."…). */
export function saysNothingChanges(value: unknown): boolean {
  return isStockPhrase(value, NOTHING_CHANGES_PHRASES);
}
