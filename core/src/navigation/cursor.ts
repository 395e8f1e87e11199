import type { NodePath, Position, Range } from "../types";
import { isCommentLine, scanYamlLine } from "../text/yaml-scan";
import {
  enclosingFrames,
  framesPath,
  mappingKeyColumn,
  pushItem,
  readYamlLine,
  siblingKeys,
  type Frame,
  type YamlLine,
} from "./yaml-lines";

/**
 * What the cursor is on, for completion: a key being typed in a mapping, a value being typed
 * after `key:`, or a new list item. Read from the lines of text (indentation and the keys
 * above), not from the parse tree, so that it works on a line the user is still typing.
 */
export type CursorSlot =
  | {
      kind: "key";
      /** Path of the mapping the key belongs to. */
      path: NodePath;
      /** The partial key typed so far (the whole word under the cursor). */
      prefix: string;
      /** Range of the word to replace. */
      replace: Range;
      /** Keys already present in that mapping (the word under the cursor excluded). */
      presentKeys: string[];
      /** Column the key starts at (block style), for the indentation of nested lines. */
      keyCol: number;
      /**
       * The line is indented differently from the keys of its section: the completion replaces
       * the line's indentation too (`replace` starts at column 0) and writes `indent` first.
       */
      indent?: string;
      /** The line already has `key:` after the word: insert the name only. */
      hasColon: boolean;
      /** Inside a one-line `{ … }` mapping. */
      flow: boolean;
      /** The cursor is right after a `- ` marker: the mapping is a new list item. */
      afterDash: boolean;
    }
  | {
      kind: "value";
      /** Path of the value (the key's path, or a list item's index). */
      path: NodePath;
      prefix: string;
      replace: Range;
      flow: boolean;
      /** The value starts right after a `:` (the user typed `key:`): insert a space first. */
      spaceBefore: boolean;
    }
  | {
      kind: "sequence";
      /** Path of the list: the cursor is on a blank line where a new `- ` item would go. */
      path: NodePath;
      replace: Range;
      /** Column the item's `- ` goes at. */
      itemCol: number;
    };

const WORD = /[A-Za-z0-9_-]/;

function wordEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length && WORD.test(text[end]!)) end++;
  return end;
}

function range(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

/** Splits text into lines the way the editor counts them (\n, \r\n). */
export function splitLines(text: string): string[] {
  return text.split(/\r?\n/);
}

/** One line of block YAML, read up to the cursor, with the keys and items that contain it. */
interface BlockLine {
  lines: readonly string[];
  line: number;
  lineText: string;
  character: number;
  before: string;
  lead: YamlLine;
  /** Nothing but spaces before the cursor. */
  blankSoFar: boolean;
  /** The line starts with `- ` before the cursor. */
  dashLine: boolean;
  keyCol: number;
  stack: Frame[];
  path: (string | number)[];
}

function blockLine(lines: readonly string[], line: number, character: number): BlockLine {
  const lineText = lines[line]!;
  const before = lineText.slice(0, character);
  const lead = readYamlLine(before);
  const blankSoFar = before.trim() === "";
  const keyCol = blankSoFar ? character : lead.contentCol;
  const dashLine = !blankSoFar && lead.dashes.length > 0;
  const stack = enclosingFrames(lines, line, dashLine ? lead.dashes[0]! : keyCol, dashLine);
  if (dashLine) for (const dash of lead.dashes) pushItem(stack, dash);
  return {
    lines,
    line,
    lineText,
    character,
    before,
    lead,
    blankSoFar,
    dashLine,
    keyCol,
    stack,
    path: framesPath(stack),
  };
}

/** `key: partial`: completing the value. */
function valueAfterKey(block: BlockLine, key: string): CursorSlot {
  const { lead, character, lineText } = block;
  const valueStart = lead.valueCol <= character ? lead.valueCol : character;
  const fullValue = readYamlLine(lineText);
  const valueEnd = Math.max(character, fullValue.valueCol + fullValue.value.length);
  return {
    kind: "value",
    path: [...block.path, key],
    prefix: block.before.slice(valueStart).trim(),
    replace: range(block.line, valueStart, valueEnd),
    flow: false,
    spaceBefore: lineText[valueStart - 1] === ":",
  };
}

/** A key being typed, a new list item on an empty line, or a scalar list item after `- `. */
function keyOrItem(block: BlockLine): CursorSlot | undefined {
  const { lead, character, lineText, line } = block;
  const typed = block.before.slice(lead.contentCol);
  if (!/^[A-Za-z0-9_-]*$/.test(typed)) {
    // After `- ` with free text, or something that is not a key: a scalar list item at most.
    if (!block.dashLine || lead.key !== undefined) return undefined;
    const end = Math.max(character, lineText.trimEnd().length);
    const replace = range(line, lead.contentCol, end);
    return { kind: "value", path: block.path, prefix: typed.trim(), replace, flow: false, spaceBefore: false };
  }
  const start = block.blankSoFar ? character : lead.contentCol;
  const end = wordEnd(lineText, character);
  const wordRange = range(line, start, end);
  let top = block.stack[block.stack.length - 1]!;
  let path = block.path;
  if (top.kind === "key" && !top.open && !block.dashLine) {
    // Deeper than a key whose value is on its line (`exitCriteria: [x]`): a key of the same section.
    top = block.stack[block.stack.length - 2]!;
    path = path.slice(0, -1);
  }
  if (block.blankSoFar && top.kind === "key" && top.open && top.seqCol !== undefined && character >= top.seqCol) {
    // On an empty line deeper than a key whose value is a list: a new list item goes here.
    return { kind: "sequence", path, replace: wordRange, itemCol: top.seqCol };
  }
  const hasColon = /^\s*:(\s|$)/.test(lineText.slice(end));
  const slot: CursorSlot = {
    kind: "key",
    path,
    prefix: lineText.slice(start, end),
    replace: wordRange,
    presentKeys: [],
    keyCol: block.keyCol,
    hasColon,
    flow: false,
    afterDash: block.dashLine,
  };
  if (!block.dashLine && top.kind !== "item") {
    // The section follows from the column its keys are written at, whatever this line's indentation.
    const column = mappingKeyColumn(block.lines, line, top.col);
    if (column !== undefined && column !== start && lineText.slice(end).trim() === "") {
      slot.keyCol = column;
      slot.indent = " ".repeat(column);
      slot.replace = range(line, 0, end);
    }
  }
  slot.presentKeys = siblingKeys(block.lines, line, slot.keyCol, block.dashLine);
  return slot;
}

export function cursorSlot(text: string, position: Position): CursorSlot | undefined {
  const lines = splitLines(text);
  if (position.line < 0 || position.line >= lines.length) return undefined;
  const lineText = lines[position.line]!;
  const character = Math.max(0, Math.min(position.character, lineText.length));
  const before = lineText.slice(0, character);
  if (isCommentLine(before)) return undefined;
  // Inside a one-line flow mapping or list ({ … } / [ … ]) opened on this line.
  const flowStart = openFlowStart(before);
  if (flowStart !== undefined) return flowSlot(lines, position.line, lineText, character, flowStart);
  const block = blockLine(lines, position.line, character);
  const { key, colonEnd } = block.lead;
  if (key !== undefined && colonEnd !== undefined && character >= colonEnd) return valueAfterKey(block, key);
  return keyOrItem(block);
}

/** Column of the `{`/`[` of a flow collection still open at the end of `before`, if any. */
function openFlowStart(before: string): number | undefined {
  const stack: number[] = [];
  const scan = scanYamlLine(before, (char, i) => {
    if (char === "{" || char === "[") stack.push(i);
    else if ((char === "}" || char === "]") && stack.length) stack.pop();
  });
  return !scan.comment && stack.length ? stack[0] : undefined;
}

interface FlowFrame {
  type: "map" | "seq";
  /** Key whose value is being written (map), or undefined while a key is being written. */
  key?: string;
  keys: string[];
  index: number;
  /** Start of the current entry's text. */
  entryStart: number;
}

/** The path of the block part before a flow collection's `{`/`[` (`key: {` or `- {`). */
function flowHeadPath(lines: readonly string[], lineNumber: number, lineText: string, flowStart: number): NodePath {
  const head = readYamlLine(lineText.slice(0, flowStart));
  const dashLine = head.dashes.length > 0;
  const stack = enclosingFrames(lines, lineNumber, dashLine ? head.dashes[0]! : head.indent, dashLine);
  if (dashLine) for (const dash of head.dashes) pushItem(stack, dash);
  const path: (string | number)[] = framesPath(stack);
  if (head.key !== undefined) path.push(head.key);
  return path;
}

/**
 * The flow collections open at `character` (from `flowStart`), innermost last, with the
 * path segments inside them; undefined when the text closes the outermost one before it.
 */
function openFlowFrames(
  lineText: string,
  flowStart: number,
  character: number,
): { frames: FlowFrame[]; segments: (string | number)[] } | undefined {
  const frames: FlowFrame[] = [];
  const segments: (string | number)[] = [];
  const open = (type: "map" | "seq", at: number): void => {
    const parent = frames[frames.length - 1];
    if (parent) segments.push(parent.type === "map" ? (parent.key ?? "") : parent.index);
    frames.push({ type, keys: [], index: 0, entryStart: at + 1 });
  };
  const endEntry = (frame: FlowFrame, at: number): void => {
    if (frame.type === "map") {
      if (frame.key !== undefined) frame.keys.push(frame.key);
      frame.key = undefined;
    } else frame.index++;
    frame.entryStart = at + 1;
  };
  const keyEnds = (frame: FlowFrame | undefined, i: number): frame is FlowFrame =>
    frame?.type === "map" && frame.key === undefined && /[\s,}\]]/.test(lineText[i + 1] ?? " ");
  let closedOutside = false;
  const visit = (char: string, i: number): boolean | void => {
    const frame = frames[frames.length - 1];
    if (char === "{" || char === "[") open(char === "{" ? "map" : "seq", i);
    else if (char === "}" || char === "]") {
      frames.pop();
      segments.pop();
      closedOutside = frames.length === 0;
      return closedOutside;
    } else if (char === "," && frame) endEntry(frame, i);
    else if (char === ":" && keyEnds(frame, i)) {
      frame.key = unquoteFlowKey(lineText.slice(frame.entryStart, i).trim());
      frame.entryStart = i + 1;
    }
  };
  scanYamlLine(lineText, visit, flowStart, character);
  return closedOutside || frames.length === 0 ? undefined : { frames, segments };
}

function flowSlot(
  lines: readonly string[],
  lineNumber: number,
  lineText: string,
  character: number,
  flowStart: number,
): CursorSlot | undefined {
  const open = openFlowFrames(lineText, flowStart, character);
  if (!open) return undefined;
  const frame = open.frames[open.frames.length - 1]!;
  const fullPath = [...flowHeadPath(lines, lineNumber, lineText, flowStart), ...open.segments];
  const typedRaw = lineText.slice(frame.entryStart, character);
  const typedStart = frame.entryStart + (typedRaw.length - typedRaw.trimStart().length);
  const rest = lineText.slice(character);
  const restEnd = character + rest.search(/[,}\]#]|$/);
  const valueEnd = Math.max(character, typedStart + lineText.slice(typedStart, restEnd).trimEnd().length);
  if (frame.type === "seq" || frame.key !== undefined) {
    return {
      kind: "value",
      path: [...fullPath, frame.type === "seq" ? frame.index : frame.key!],
      prefix: typedRaw.trim(),
      replace: range(lineNumber, typedStart, valueEnd),
      flow: true,
      spaceBefore: frame.type === "map" && lineText[typedStart - 1] === ":",
    };
  }
  if (!/^[A-Za-z0-9_-]*$/.test(typedRaw.trim())) return undefined;
  const end = wordEnd(lineText, character);
  return {
    kind: "key",
    path: fullPath,
    prefix: lineText.slice(typedStart, end),
    replace: range(lineNumber, typedStart, end),
    presentKeys: [...frame.keys, ...flowKeysAfter(lineText, end)],
    keyCol: typedStart,
    hasColon: /^\s*:(\s|$|[,}])/.test(lineText.slice(end)),
    flow: true,
    afterDash: false,
  };
}

function unquoteFlowKey(key: string): string {
  if ((key.startsWith('"') && key.endsWith('"')) || (key.startsWith("'") && key.endsWith("'"))) {
    return key.slice(1, -1);
  }
  return key;
}

/** Keys written after `from` in the same flow mapping (up to its closing brace). */
function flowKeysAfter(lineText: string, from: number): string[] {
  const keys: string[] = [];
  let depth = 0;
  let entryStart = from;
  let sawKey = false;
  scanYamlLine(
    lineText,
    (char, i) => {
      if (char === "{" || char === "[") depth++;
      else if (char === "}" || char === "]") {
        if (depth === 0) return true;
        depth--;
      } else if (depth === 0 && char === ",") {
        entryStart = i + 1;
        sawKey = true;
      } else if (depth === 0 && sawKey && char === ":" && /[\s,}\]]/.test(lineText[i + 1] ?? " ")) {
        keys.push(unquoteFlowKey(lineText.slice(entryStart, i).trim()));
        sawKey = false;
      }
    },
    from,
  );
  return keys;
}
