import type { NodePath, Position, Range } from "../types";
import { isCommentLine, scanYamlLine } from "../text/yaml-scan";
import { enclosingFrames, framesPath, pushItem, readYamlLine, siblingKeys } from "./yaml-lines";

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

export function cursorSlot(text: string, position: Position): CursorSlot | undefined {
  const lines = splitLines(text);
  if (position.line < 0 || position.line >= lines.length) return undefined;
  const lineText = lines[position.line]!;
  const character = Math.max(0, Math.min(position.character, lineText.length));
  const before = lineText.slice(0, character);
  if (isCommentLine(before)) return undefined;
  const lead = readYamlLine(before);

  // Inside a one-line flow mapping or list ({ … } / [ … ]) opened on this line.
  const flowStart = openFlowStart(before);
  if (flowStart !== undefined) {
    return flowSlot(lines, position.line, lineText, character, flowStart);
  }

  const blankSoFar = before.trim() === "";
  const keyCol = blankSoFar ? character : lead.contentCol;
  const dashLine = !blankSoFar && lead.dashes.length > 0;
  const frameCol = dashLine ? lead.dashes[0]! : keyCol;
  const stack = enclosingFrames(lines, position.line, frameCol, dashLine);
  if (dashLine) for (const dash of lead.dashes) pushItem(stack, dash);
  const path = framesPath(stack);

  if (lead.key !== undefined && lead.colonEnd !== undefined && character >= lead.colonEnd) {
    // `key: partial` — completing the value.
    const valueStart = lead.valueCol <= character ? lead.valueCol : character;
    const fullValue = readYamlLine(lineText);
    const valueEnd = Math.max(character, fullValue.valueCol + fullValue.value.length);
    return {
      kind: "value",
      path: [...path, lead.key],
      prefix: before.slice(valueStart).trim(),
      replace: range(position.line, valueStart, valueEnd),
      flow: false,
      spaceBefore: lineText[valueStart - 1] === ":",
    };
  }

  const typed = before.slice(lead.contentCol);
  if (!/^[A-Za-z0-9_-]*$/.test(typed)) {
    // After `- ` with free text, or something that is not a key: a scalar list item at most.
    if (dashLine && lead.key === undefined) {
      const end = Math.max(character, lineText.trimEnd().length);
      return {
        kind: "value",
        path,
        prefix: typed.trim(),
        replace: range(position.line, lead.contentCol, end),
        flow: false,
        spaceBefore: false,
      };
    }
    return undefined;
  }
  const start = blankSoFar ? character : lead.contentCol;
  const end = wordEnd(lineText, character);
  const after = lineText.slice(end);
  const hasColon = /^\s*:(\s|$)/.test(after);
  const afterDash = dashLine;
  const wordRange = range(position.line, start, end);

  if (blankSoFar && !afterDash) {
    // On an empty line deeper than a key whose value is a list: a new list item goes here.
    const top = stack[stack.length - 1]!;
    if (top.kind === "key" && top.open && top.seqCol !== undefined && character >= top.seqCol) {
      return { kind: "sequence", path, replace: wordRange, itemCol: top.seqCol };
    }
  }
  return {
    kind: "key",
    path,
    prefix: lineText.slice(start, end),
    replace: wordRange,
    presentKeys: siblingKeys(lines, position.line, keyCol, afterDash),
    keyCol,
    hasColon,
    flow: false,
    afterDash,
  };
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

function flowSlot(
  lines: readonly string[],
  lineNumber: number,
  lineText: string,
  character: number,
  flowStart: number,
): CursorSlot | undefined {
  // The block part before the `{`: `key: {` or `- {`.
  const head = readYamlLine(lineText.slice(0, flowStart));
  const dashLine = head.dashes.length > 0;
  const frameCol = dashLine ? head.dashes[0]! : head.indent;
  const stack = enclosingFrames(lines, lineNumber, frameCol, dashLine);
  if (dashLine) for (const dash of head.dashes) pushItem(stack, dash);
  const path: (string | number)[] = framesPath(stack);
  if (head.key !== undefined) path.push(head.key);

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
  let closedOutside = false;
  scanYamlLine(
    lineText,
    (char, i) => {
      const frame = frames[frames.length - 1];
      if (char === "{") open("map", i);
      else if (char === "[") open("seq", i);
      else if (char === "}" || char === "]") {
        frames.pop();
        segments.pop();
        closedOutside = frames.length === 0;
        return closedOutside;
      } else if (char === "," && frame) endEntry(frame, i);
      else if (
        char === ":" &&
        frame?.type === "map" &&
        frame.key === undefined &&
        /[\s,}\]]/.test(lineText[i + 1] ?? " ")
      ) {
        frame.key = unquoteFlowKey(lineText.slice(frame.entryStart, i).trim());
        frame.entryStart = i + 1;
      }
    },
    flowStart,
    character,
  );
  if (closedOutside) return undefined;
  const frame = frames[frames.length - 1];
  if (!frame) return undefined;
  const fullPath = [...path, ...segments];
  const typedRaw = lineText.slice(frame.entryStart, character);
  const typedStart = frame.entryStart + (typedRaw.length - typedRaw.trimStart().length);
  const rest = lineText.slice(character);
  const restEnd = character + rest.search(/[,}\]#]|$/);
  const valueEnd = Math.max(character, typedStart + lineText.slice(typedStart, restEnd).trimEnd().length);
  if (frame.type === "seq") {
    return {
      kind: "value",
      path: [...fullPath, frame.index],
      prefix: typedRaw.trim(),
      replace: range(lineNumber, typedStart, valueEnd),
      flow: true,
      spaceBefore: false,
    };
  }
  if (frame.key !== undefined) {
    return {
      kind: "value",
      path: [...fullPath, frame.key],
      prefix: typedRaw.trim(),
      replace: range(lineNumber, typedStart, valueEnd),
      flow: true,
      spaceBefore: lineText[typedStart - 1] === ":",
    };
  }
  if (!/^[A-Za-z0-9_-]*$/.test(typedRaw.trim())) return undefined;
  const end = wordEnd(lineText, character);
  const hasColon = /^\s*:(\s|$|[,}])/.test(lineText.slice(end));
  return {
    kind: "key",
    path: fullPath,
    prefix: lineText.slice(typedStart, end),
    replace: range(lineNumber, typedStart, end),
    presentKeys: [...frame.keys, ...flowKeysAfter(lineText, end)],
    keyCol: typedStart,
    hasColon,
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
