/**
 * Words for messages and pages: counts with their noun, lists joined as a sentence, quoted
 * charter text. The one place these are written, so every adapter says them the same way.
 */

/** "1 day", "3 days", "2.5 weeks", "1 analysis" / "2 analyses" (with `many`). */
export function plural(count: number | string, word: string, many = `${word}s`): string {
  return `${count} ${Number(count) === 1 ? word : many}`;
}

/** "a", "a and b", "a, b and c". */
export function listPhrase(values: readonly string[], conjunction = "and"): string {
  if (values.length <= 1) return values.join("");
  return `${values.slice(0, -1).join(", ")} ${conjunction} ${values[values.length - 1]}`;
}

/** The text with its first letter in upper case. */
export function capitalize(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

/** Quotes a charter text in messages, on one line and shortened when long. */
export function quote(value: string, max = 60): string {
  const text = value.trim().replace(/\s+/g, " ");
  return `"${text.length > max ? `${text.slice(0, max - 1)}…` : text}"`;
}
