/**
 * Facts about the charter's free-text answers: whether an answer is blank, and whether it is
 * one of the stock phrases that mean "nothing" ("Nothing.", " NONE ", "n/a"…). Texts are
 * compared after normalisation, so case, spacing and trailing punctuation never matter.
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

/**
 * A free-text answer reduced for comparison with a list of stock phrases: normalised as
 * `normalizeText`, with surrounding quotes and trailing punctuation removed ("Nothing." and
 * " NOTHING! " both become "nothing"). A lone "-" is kept as it is.
 */
export function normalizePhrase(value: string): string {
  const collapsed = normalizeText(value);
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
