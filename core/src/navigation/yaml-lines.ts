import { commentStart, isCommentLine, scanYamlLine } from "../text/yaml-scan";

/**
 * A tolerant, line-by-line reading of block YAML, for editor features that must work while
 * the user is typing (when the text is momentarily not valid YAML): which key or list item
 * a line starts, at which column, and whether its value continues on the next lines.
 */

export interface YamlLine {
  /** Column of the first non-blank character. */
  indent: number;
  blank: boolean;
  comment: boolean;
  /** Columns of the `- ` list markers at the start of the line (`- - x` has two). */
  dashes: number[];
  /** Column where the content after the markers starts. */
  contentCol: number;
  /** The mapping key the line starts, if any (`key:`), unquoted. */
  key?: string;
  /** Column just past the `:` that ends the key. */
  colonEnd?: number;
  /** The value after `key:` (or after the markers), without a trailing comment, trimmed. */
  value: string;
  /** Column where `value` starts. */
  valueCol: number;
  /** `|` or `>`: the following, deeper lines are the text of a block scalar. */
  blockScalar: boolean;
  /** Brackets `{`/`[` left open at the end of the line (a flow collection continues). */
  openBrackets: number;
}

const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#:{}[\],&*!|>'"%@`-][^#:]*?|-[^\s#:{}[\],]+[^#:]*?)\s*:(?=\s|$)/;

function unquote(key: string): string {
  if (key.startsWith('"')) {
    try {
      return JSON.parse(key) as string;
    } catch {
      return key.slice(1, -1);
    }
  }
  if (key.startsWith("'")) return key.slice(1, -1).replace(/''/g, "'");
  return key.trim();
}

/** `{`/`[` left open in `text`, and `}`/`]` that close brackets opened on earlier lines (quotes and comments skipped). */
function brackets(text: string): { open: number; closers: number } {
  let open = 0;
  let closers = 0;
  scanYamlLine(text, (char) => {
    if (char === "{" || char === "[") open++;
    else if (char === "}" || char === "]") {
      if (open > 0) open--;
      else closers++;
    }
  });
  return { open, closers };
}

/** Net `{`/`[` left open in `text` (quotes and comments skipped). */
export function bracketBalance(text: string): number {
  return brackets(text).open;
}

export function readYamlLine(text: string): YamlLine {
  const indent = text.length - text.trimStart().length;
  const trimmed = text.trim();
  const line: YamlLine = {
    indent,
    blank: trimmed === "" || trimmed === "---" || trimmed === "..." || trimmed.startsWith("%"),
    comment: isCommentLine(text),
    dashes: [],
    contentCol: indent,
    value: "",
    valueCol: text.length,
    blockScalar: false,
    openBrackets: 0,
  };
  if (line.blank || line.comment) return line;
  let col = indent;
  for (;;) {
    const match = /^-(\s+|$)/.exec(text.slice(col));
    if (!match) break;
    line.dashes.push(col);
    col += match[0].length;
    if (match[1] === "") break;
  }
  line.contentCol = col;
  const rest = text.slice(col);
  const key = KEY.exec(rest);
  let valueStart = col;
  if (key) {
    line.key = unquote(key[1]!);
    line.colonEnd = col + key[0].length;
    valueStart = line.colonEnd;
  }
  const afterKey = text.slice(valueStart);
  const comment = commentStart(afterKey);
  const raw = comment >= 0 ? afterKey.slice(0, comment) : afterKey;
  const lead = raw.length - raw.trimStart().length;
  line.value = raw.trim();
  line.valueCol = valueStart + lead;
  line.blockScalar = /^[|>][-+0-9]*$/.test(line.value);
  line.openBrackets = bracketBalance(raw);
  return line;
}

/** A key or list item that a line opens, with the column its children must be deeper than. */
export interface Frame {
  col: number;
  segment: string | number;
  /** A key whose value continues on the following lines (empty inline value). */
  open: boolean;
  kind: "key" | "item" | "root";
  /** The column and count of list items seen directly under this frame. */
  seqCol?: number;
  seqCount?: number;
}

/**
 * Follows the lines above `lineNumber` and returns the keys and list items that contain
 * the position at column `col` of that line (outermost first), as a stack of frames.
 * `dashLine` says that the line at `lineNumber` itself starts with a list marker at `col`.
 */
export function enclosingFrames(lines: readonly string[], lineNumber: number, col: number, dashLine: boolean): Frame[] {
  const stack: Frame[] = [{ col: -1, segment: "", open: true, kind: "root" }];
  let blockScalarCol: number | undefined;
  let flowDepth = 0;
  const popFor = (indent: number, dash: boolean): void => {
    for (;;) {
      const top = stack[stack.length - 1]!;
      if (top.kind === "root") return;
      if (top.col > indent) stack.pop();
      else if (top.col === indent && !(dash && top.kind === "key" && top.open)) stack.pop();
      else return;
    }
  };
  for (let n = 0; n < lineNumber && n < lines.length; n++) {
    const text = lines[n]!;
    if (flowDepth > 0) {
      const { open, closers } = brackets(text);
      flowDepth += open - closers;
      if (flowDepth < 0) flowDepth = 0;
      continue;
    }
    const line = readYamlLine(text);
    if (line.blank || line.comment) continue;
    if (blockScalarCol !== undefined) {
      if (line.indent > blockScalarCol) continue;
      blockScalarCol = undefined;
    }
    popFor(line.indent, line.dashes.length > 0);
    for (const dash of line.dashes) pushItem(stack, dash);
    if (line.key !== undefined) {
      const open = line.value === "" || line.blockScalar;
      stack.push({ col: line.contentCol, segment: line.key, open, kind: "key" });
    }
    if (line.blockScalar)
      blockScalarCol = line.key !== undefined ? line.contentCol : (line.dashes.at(-1) ?? line.indent);
    if (line.openBrackets > 0) flowDepth = line.openBrackets;
  }
  popFor(col, dashLine);
  return stack;
}

/** Pushes a list item frame under the current top, numbering items of the same list. */
export function pushItem(stack: Frame[], col: number): void {
  const parent = stack[stack.length - 1]!;
  let index = 0;
  if (parent.seqCol === col) index = (parent.seqCount ?? 0) + 1;
  parent.seqCol = col;
  parent.seqCount = index;
  stack.push({ col, segment: index, open: true, kind: "item" });
}

export function framesPath(stack: readonly Frame[]): (string | number)[] {
  return stack.filter((frame) => frame.kind !== "root").map((frame) => frame.segment);
}

/**
 * The keys already written in the block mapping whose keys start at column `keyCol`, around
 * line `lineNumber` (that line itself excluded). `itemStartsHere`: the mapping is a list item
 * that starts on this line, so nothing above belongs to it.
 */
export function siblingKeys(
  lines: readonly string[],
  lineNumber: number,
  keyCol: number,
  itemStartsHere: boolean,
): string[] {
  const keys: string[] = [];
  if (!itemStartsHere) {
    for (let n = lineNumber - 1; n >= 0; n--) {
      const line = readYamlLine(lines[n]!);
      if (line.blank || line.comment) continue;
      const lastDash = line.dashes.at(-1);
      if (lastDash !== undefined && line.contentCol === keyCol && line.key !== undefined) {
        keys.push(line.key); // the first key of this list item: the item starts here
        break;
      }
      if (line.indent > keyCol) continue;
      if (line.indent < keyCol) break;
      if (line.dashes.length > 0) continue; // a list written at the same column as its key
      if (line.key !== undefined) keys.push(line.key);
    }
  }
  for (let n = lineNumber + 1; n < lines.length; n++) {
    const line = readYamlLine(lines[n]!);
    if (line.blank || line.comment) continue;
    if (line.indent > keyCol) continue;
    if (line.indent < keyCol) break;
    if (line.dashes.length > 0) continue;
    if (line.key !== undefined) keys.push(line.key);
  }
  return keys;
}

/**
 * The column the keys of a block mapping are written at, read from the lines of that mapping
 * around `lineNumber` (the line itself excluded): the smallest indentation deeper than
 * `parentCol`, up to the lines that leave the mapping. Undefined when the mapping has no
 * other line yet. YAML decides the section by this column, so completion on a line indented
 * differently still belongs to the section, and its key is written at this column.
 */
export function mappingKeyColumn(lines: readonly string[], lineNumber: number, parentCol: number): number | undefined {
  let column: number | undefined;
  for (const step of [-1, 1]) {
    for (let n = lineNumber + step; n >= 0 && n < lines.length; n += step) {
      const line = readYamlLine(lines[n]!);
      if (line.blank || line.comment) continue;
      if (line.indent <= parentCol) break;
      column = column === undefined ? line.indent : Math.min(column, line.indent);
    }
  }
  return column;
}
