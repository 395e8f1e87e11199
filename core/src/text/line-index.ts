import type { Position, Range } from "../types";

/**
 * Converts string offsets to line/character positions (and back) for one text. A line ends at
 * "\n", "\r\n" or a lone "\r", as in YAML and in editors (old Mac files use "\r" alone).
 */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 10 /* \n */ || (code === 13 /* \r */ && text.charCodeAt(i + 1) !== 10)) this.lineStarts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low]! };
  }

  offset(position: Position): number {
    const start = this.lineStarts[Math.min(position.line, this.lineStarts.length - 1)] ?? 0;
    return Math.min(start + position.character, this.lineEnd(position.line));
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(Math.max(start, end)) };
  }

  /** Offset just past the last character of the line, excluding its line break. */
  lineEnd(line: number): number {
    const next = this.lineStarts[line + 1];
    if (next === undefined) return this.text.length;
    const end = next - 1; // the "\n" or lone "\r"
    return this.text.charCodeAt(end) === 10 && end > 0 && this.text.charCodeAt(end - 1) === 13 ? end - 1 : end;
  }

  lineText(line: number): string {
    const start = this.lineStarts[line] ?? this.text.length;
    return this.text.slice(start, this.lineEnd(line));
  }

  /** The whole of a line, from its first non-blank character. */
  lineRange(line: number): Range {
    const text = this.lineText(line);
    const indent = text.length - text.trimStart().length;
    const start = (this.lineStarts[line] ?? 0) + indent;
    return this.range(start, this.lineEnd(line));
  }
}
