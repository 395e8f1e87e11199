import type { Position, Range } from "../types";

/** Converts string offsets to line/character positions (and back) for one text. */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10 /* \n */) this.lineStarts.push(i + 1);
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

  /** Offset just past the last character of the line, excluding "\r\n" / "\n". */
  lineEnd(line: number): number {
    const next = this.lineStarts[line + 1];
    let end = next === undefined ? this.text.length : next - 1;
    if (end > 0 && this.text.charCodeAt(end - 1) === 13 /* \r */ && next !== undefined) end--;
    return end;
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
