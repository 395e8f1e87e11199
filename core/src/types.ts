/**
 * Shared vocabulary of the core: positions, severities and findings.
 *
 * Positions are 0-based lines and UTF-16 character offsets (the LSP convention), so the
 * language server passes them through untouched; the CLI converts to 1-based on output.
 */

export type Severity = "error" | "warning" | "info" | "hint";
export type SeveritySetting = Severity | "off";
export const SEVERITIES: readonly Severity[] = ["error", "warning", "info", "hint"];

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A path into the charter's data, e.g. ["commitments", "us", 0, "type"]. */
export type NodePath = readonly (string | number)[];

/** Which part of a `key: value` pair a finding points at. */
export type Anchor = "key" | "value";

/** A text edit, already resolved to a range of the file. */
export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Safe fixes may be applied without review (`source.fixAll`). */
  safe: boolean;
}

export interface RelatedLocation {
  /** Absolute path or URI of the other file; absent when it is the same file. */
  file?: string;
  range: Range;
  message: string;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  related?: RelatedLocation[];
  fixes?: Fix[];
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    comparePositions(a.range.start, b.range.start) ||
    comparePositions(a.range.end, b.range.end) ||
    a.rule.localeCompare(b.rule) ||
    a.message.localeCompare(b.message)
  );
}
