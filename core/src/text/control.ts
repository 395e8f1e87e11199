/**
 * Text from a charter shown in a terminal or a CI log: control characters are written as
 * visible `\u{…}` escapes, never as themselves. A newline in a key would otherwise start a
 * line of its own (`::error file=…::` forged as a GitHub workflow command), an escape
 * sequence would recolour or clear the terminal, and a bidirectional override would show
 * text in another order than it is.
 */

/** C0 and C1 controls, DEL, line and paragraph separators, bidirectional embeddings, overrides and isolates. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function showControlCharacters(text: string): string {
  return text.replace(CONTROL, (char) => `\\u{${char.charCodeAt(0).toString(16)}}`);
}
