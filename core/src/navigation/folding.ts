import { isAlias, isMap, isScalar, isSeq } from "yaml";
import type { ParsedCharter } from "../parse/parse-charter";
import { isCommentLine } from "../text/yaml-scan";
import { nodeRange } from "./tree";

/**
 * Folding by YAML structure: every mapping, list or block text that spans several lines folds
 * from the line of its key (or list marker) to its last line; runs of comment lines fold too.
 */

export interface FoldingRegion {
  /** 0-based first line (stays visible). */
  startLine: number;
  /** 0-based last line (hidden with the others when folded). */
  endLine: number;
  kind?: "comment";
}

export function foldingRegions(parsed: ParsedCharter): FoldingRegion[] {
  const source = parsed.text;
  const lastLineOf = (start: number, end: number): number => {
    let e = end;
    while (e > start && /\s/.test(source[e - 1]!)) e--;
    return parsed.lines.position(Math.max(start, e - 1)).line;
  };
  const byStart = new Map<number, FoldingRegion>();
  const add = (startLine: number, endLine: number, kind?: "comment"): void => {
    if (endLine <= startLine) return;
    const existing = byStart.get(startLine);
    if (!existing || existing.endLine < endLine) byStart.set(startLine, { startLine, endLine, kind });
  };
  const foldValue = (fromOffset: number, value: unknown): void => {
    const range = nodeRange(value);
    if (!range) return;
    const multiLineText = isScalar(value) && (value.type === "BLOCK_LITERAL" || value.type === "BLOCK_FOLDED");
    if (isMap(value) || isSeq(value) || multiLineText) {
      add(parsed.lines.position(fromOffset).line, lastLineOf(fromOffset, range[1]));
    }
  };
  const walk = (node: unknown, depth: number): void => {
    if (depth > 64 || isAlias(node)) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        const keyRange = nodeRange(pair.key);
        if (keyRange) foldValue(keyRange[0], pair.value);
        walk(pair.value, depth + 1);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) {
        const range = nodeRange(item);
        if (range) foldValue(range[0], item);
        walk(item, depth + 1);
      }
    }
  };
  walk(parsed.doc?.contents, 0);

  // Runs of two or more whole-line comments.
  let runStart: number | undefined;
  for (let line = 0; line <= parsed.lines.lineCount; line++) {
    const isComment = line < parsed.lines.lineCount && isCommentLine(parsed.lines.lineText(line));
    if (isComment && runStart === undefined) runStart = line;
    if (!isComment && runStart !== undefined) {
      add(runStart, line - 1, "comment");
      runStart = undefined;
    }
  }
  return [...byStart.values()].sort((a, b) => a.startLine - b.startLine);
}
