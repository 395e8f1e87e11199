/**
 * Text from a charter shown in a terminal, a CI log or a page: control characters are written
 * as visible `\u{…}` escapes, never as themselves. A newline in a key would otherwise start a
 * line of its own (`::error file=…::` forged as a GitHub workflow command), an escape sequence
 * would recolour or clear the terminal, a bidirectional override would show text in another
 * order than it is, and on a page the HTML parser reports controls (U+0001, a vertical tab…) as
 * errors.
 */

/** C0 and C1 controls, DEL, line and paragraph separators, bidirectional embeddings, overrides and isolates. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** The same, except tabs and line breaks, which a page shows as text. */
const CONTROL_IN_PROSE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escape = (char: string): string => `\\u{${char.charCodeAt(0).toString(16)}}`;

/** For one-line output (a terminal row, a workflow command): every control escaped. */
export function showControlCharacters(text: string): string {
  return text.replace(CONTROL, escape);
}

/** For a page, where tabs and line breaks are text: every other control escaped. */
export function showControlCharactersInProse(text: string): string {
  return text.replace(CONTROL_IN_PROSE, escape);
}
