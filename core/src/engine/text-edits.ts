import { comparePositions, type TextEdit } from "../types";
import { LineIndex } from "../text/line-index";

/**
 * Text edits as plain text operations: the file's line ending, and applying a set of
 * non-overlapping edits to a text (what an editor does with a quick fix; what `sign` does
 * with the signature edit).
 */

/** The line ending the file uses: CRLF when its first line ends so, else LF. */
export function lineEnding(text: string): "\r\n" | "\n" {
  const newline = text.indexOf("\n");
  return newline > 0 && text[newline - 1] === "\r" ? "\r\n" : "\n";
}

/** `text` (written with "\n") with the file's line ending. */
export function withLineEnding(text: string, eol: "\r\n" | "\n"): string {
  return eol === "\n" ? text : text.replace(/\r?\n/g, eol);
}

/** Applies edits that do not overlap (in any order) to `text`. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const ordered = [...edits].sort((a, b) => comparePositions(b.range.start, a.range.start));
  let out = text;
  for (const edit of ordered) {
    const start = lines.offset(edit.range.start);
    const end = lines.offset(edit.range.end);
    out = out.slice(0, start) + edit.newText + out.slice(end);
  }
  return out;
}
