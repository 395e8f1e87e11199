import type { YAMLError } from "yaml";
import type { LineIndex } from "../text/line-index";
import type { Finding } from "../types";
import { withoutComment } from "./yaml-line";

/**
 * What a syntax diagnosis works with (the text and the parser's errors) and what it gives: an
 * explanation on one line, with the corrected lines when it can tell what was meant.
 */

export interface SyntaxContext {
  text: string;
  lines: LineIndex;
  /** The parser's first error and those up to the line after it, in order of position. */
  errors: readonly YAMLError[];
  /** All the parser's errors (tabs explain errors anywhere after them). */
  all: readonly YAMLError[];
}

/** One corrected line. */
export interface LineEdit {
  line: number;
  text: string;
}

/** A mistake found on one line: where, in words, and (when certain enough) the corrected lines. */
export interface Explanation {
  line: number;
  /** Column range on the line; `to` defaults to the end of the line's content. */
  from: number;
  to?: number;
  message: string;
  edits?: LineEdit[];
  fixTitle?: string;
  /** The corrected lines are a guess (an indentation): what the corrected text hides may not be the author's. */
  guess?: boolean;
}

export type Diagnoser = (context: SyntaxContext) => Explanation | undefined;

/** The finding of an explanation, with its corrected lines as a quick fix (to review: it may guess). */
export function toFinding(lines: LineIndex, explanation: Explanation): Finding {
  const line = Math.min(Math.max(0, explanation.line), lines.lineCount - 1);
  const length = lines.lineText(line).length;
  const wanted = explanation.to ?? Math.max(explanation.from + 1, withoutComment(lines.lineText(line)).length);
  // Stay inside the line (the parser may point at its line break): at least one character when it has one.
  const from = Math.min(explanation.from, Math.max(0, length - 1));
  const end = Math.min(Math.max(wanted, from + 1), length);
  const finding: Finding = {
    rule: "yaml-syntax",
    severity: "error",
    message: explanation.message,
    range: { start: { line, character: from }, end: { line, character: Math.max(from, end) } },
  };
  if (explanation.edits?.length) {
    const edits = explanation.edits.map((edit) => ({
      range: { start: { line: edit.line, character: 0 }, end: lines.position(lines.lineEnd(edit.line)) },
      newText: edit.text,
    }));
    finding.fixes = [{ title: explanation.fixTitle ?? "Fix the YAML", edits, safe: false }];
  }
  return finding;
}

export function errorLine(context: SyntaxContext, error: YAMLError): { line: number; column: number } {
  const position = context.lines.position(error.pos[0]);
  return { line: position.line, column: position.character };
}

export function firstError(context: SyntaxContext, test: (error: YAMLError) => boolean): YAMLError | undefined {
  return context.errors.find(test);
}
