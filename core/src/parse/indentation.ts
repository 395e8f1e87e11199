import { contentStart, indentOf, keyOf, unclosedBrackets, unclosedQuote, withoutComment } from "./yaml-line";

/**
 * Finds the line whose indentation does not fit the lines above it, reading the text line by
 * line as a person would: keys of one section start in one column, the items of one list too,
 * and only a key without a value takes indented lines below it. Used only to explain an error
 * the YAML parser reported nearby, so it never judges a file the parser accepted.
 */

export type IndentProblem =
  /** A key or list item that starts in no column of the lines it belongs with. */
  | { kind: "misaligned"; line: number; indent: number; expected: number; item: boolean; key?: string }
  /** A "- " item among the keys of a section. */
  | { kind: "item-among-keys"; line: number; indent: number; section?: string }
  /** Indented below a key that already has its value on its own line. */
  | { kind: "under-a-value"; line: number; indent: number; parent: string; parentLine: number };

interface Shape {
  line: number;
  indent: number;
  item: boolean;
  /** The first key of the line (after any "- "). */
  key?: string;
  /** Column of the content after "- " (the indentation for a line without a dash). */
  inner: number;
  /** A key without a value or a bare "-": indented lines below belong to it. */
  opens: boolean;
  blockScalar: boolean;
}

interface Level {
  indent: number;
  kind: "map" | "seq";
  /** The key that opened this level, for messages. */
  owner?: string;
  /** The column of that key: a level usually starts one step (two spaces) to its right. */
  ownerIndent?: number;
  /** The level's first line, and how many lines it has. */
  line: number;
  key?: string;
  lines: number;
}

/** The usual indentation step; a first line off by one from it is the odd one out, not its siblings. */
const STEP = 2;

function shapeOf(text: string, line: number): Shape | undefined {
  const content = withoutComment(text);
  if (!content.trim()) return undefined;
  const indent = indentOf(content);
  const inner = contentStart(content);
  const item = inner > indent;
  const key = keyOf(content);
  if (!item && !key) return undefined; // text that continues a value above
  const rest = key ? content.slice(key.valueStart).trim() : content.slice(inner).trim();
  return {
    line,
    indent,
    item,
    key: key?.key,
    inner,
    opens: rest === "",
    blockScalar: /^[|>][-+0-9]*$/.test(rest),
  };
}

/** Lines the structure check skips: inside block scalars, multi-line flow collections and quotes. */
class Skipper {
  private blockIndent: number | undefined;
  private flowDepth = 0;
  private inQuote = false;

  skips(text: string, shape: Shape | undefined): boolean {
    if (this.blockIndent !== undefined) {
      if (!text.trim() || indentOf(text) > this.blockIndent) return true;
      this.blockIndent = undefined;
    }
    if (this.inQuote) {
      if (unclosedQuote(text) === undefined && /["']/.test(text)) this.inQuote = false;
      return true;
    }
    const inFlow = this.flowDepth > 0;
    this.flowDepth = Math.max(0, this.flowDepth + bracketBalance(text));
    if (unclosedQuote(text) !== undefined) this.inQuote = true;
    if (shape?.blockScalar) this.blockIndent = shape.indent;
    return inFlow;
  }
}

function bracketBalance(text: string): number {
  const open = unclosedBrackets(text).length;
  let closed = 0;
  for (const char of withoutComment(text)) if (char === "]" || char === "}") closed++;
  return open > 0 ? open : -Math.min(closed, 1);
}

/** The first indentation problem on a line of [from, to], reading `lines` from the top. */
export function findIndentProblem(lines: readonly string[], from: number, to: number): IndentProblem | undefined {
  const levels: Level[] = [];
  const skipper = new Skipper();
  let previous: Shape | undefined;
  for (let line = 0; line <= Math.min(to, lines.length - 1); line++) {
    const text = lines[line]!;
    const shape = shapeOf(text, line);
    if (skipper.skips(text, shape) || !shape) continue;
    const problem = place(shape, previous, levels);
    if (problem && line >= from) return problem;
    previous = shape;
  }
  return undefined;
}

/** Fits `shape` into the open levels (updating them); a problem when it fits none. */
function place(shape: Shape, previous: Shape | undefined, levels: Level[]): IndentProblem | undefined {
  const sameIndentList = shape.item && !previous?.item && shape.indent === previous?.indent;
  if (previous?.opens && (shape.indent > previous.inner || sameIndentList)) {
    levels.push({ ...levelOf(shape, shape.indent), owner: previous.key, ownerIndent: previous.inner });
    if (shape.item && shape.key !== undefined) levels.push(innerLevel(shape, shape.indent));
    return undefined;
  }
  const popped: Level[] = [];
  while (levels.length > 0 && levels[levels.length - 1]!.indent > shape.indent) popped.push(levels.pop()!);
  // A list written at its key's own indentation ends where a key of that column follows.
  const top = levels[levels.length - 1];
  if (top?.kind === "seq" && !shape.item && top.indent === shape.indent && levels.length > 1) levels.pop();
  const firstOff = firstLineOff(shape, [...popped, ...(top ? [top] : [])]);
  if (firstOff) {
    // The level's first line was the odd one: the level is where this line and the rest are.
    const level = firstOff.level;
    while (levels.length > 0 && levels[levels.length - 1]!.indent >= level.indent) levels.pop();
    levels.push({ ...level, indent: shape.indent, lines: level.lines + 1 });
    if (shape.item && shape.key !== undefined) levels.push(innerLevel(shape, shape.indent));
    return firstOff.problem;
  }
  const problem = misfit(shape, previous, levels, popped);
  const indent = problem?.kind === "misaligned" ? problem.expected : shape.indent;
  while (levels.length > 0 && levels[levels.length - 1]!.indent > indent) levels.pop();
  const current = levels[levels.length - 1];
  if (current?.indent === indent) current.lines++;
  else levels.push(levelOf(shape, indent));
  if (shape.item && shape.key !== undefined) levels.push(innerLevel(shape, indent));
  return problem;
}

function levelOf(shape: Shape, indent: number): Level {
  return { indent, kind: shape.item ? "seq" : "map", line: shape.line, key: shape.key, lines: 1 };
}

/** The mapping inside a `- key: value` item, at the column of its key. */
function innerLevel(shape: Shape, indent: number): Level {
  return { indent: indent + shape.inner - shape.indent, kind: "map", line: shape.line, key: shape.key, lines: 1 };
}

/**
 * `crawl:` then `   start:` (3 spaces) then `    end:` (4): YAML takes the first line's column
 * for the section and stops at the second, but the first is the one out of line.
 */
function firstLineOff(shape: Shape, closing: Level[]): { level: Level; problem: IndentProblem } | undefined {
  const level = closing.find(
    (candidate) =>
      candidate.ownerIndent !== undefined &&
      shape.indent - candidate.ownerIndent === STEP &&
      candidate.indent - candidate.ownerIndent !== STEP &&
      candidate.lines === 1 &&
      candidate.kind === (shape.item ? "seq" : "map"),
  );
  if (!level) return undefined;
  const problem: IndentProblem = {
    kind: "misaligned",
    line: level.line,
    indent: level.indent,
    expected: shape.indent,
    item: level.kind === "seq",
    key: level.key,
  };
  return { level, problem };
}

function misfit(
  shape: Shape,
  previous: Shape | undefined,
  levels: Level[],
  popped: Level[],
): IndentProblem | undefined {
  const top = levels[levels.length - 1];
  if (top?.indent === shape.indent || (!top && shape.indent === 0)) {
    if (top?.kind === "map" && shape.item) {
      return { kind: "item-among-keys", line: shape.line, indent: shape.indent, section: top.owner };
    }
    return undefined;
  }
  if (previous && !previous.opens && previous.key !== undefined && shape.indent >= previous.inner + 2) {
    return {
      kind: "under-a-value",
      line: shape.line,
      indent: shape.indent,
      parent: previous.key,
      parentLine: previous.line,
    };
  }
  const candidates = [...popped.map((level) => level.indent), ...(top ? [top.indent] : [0])];
  const expected = candidates.reduce((best, indent) =>
    Math.abs(indent - shape.indent) < Math.abs(best - shape.indent) ? indent : best,
  );
  return { kind: "misaligned", line: shape.line, indent: shape.indent, expected, item: shape.item, key: shape.key };
}
