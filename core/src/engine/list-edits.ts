import { isMap, isScalar, isSeq, stringify, type Node, type Pair, type YAMLMap, type YAMLSeq } from "yaml";
import { findPair, locate, type ParsedCharter } from "../parse/parse-charter";
import { hasOwn } from "../text/own";
import type { NodePath, Position, TextEdit } from "../types";

/**
 * The list edits of the structural-edit engine: replacing one item of a list (a mapping,
 * entry by entry so that comments inside it stay) and appending an item, in the style the
 * list is written in (block items as block, flow as flow). Each returns undefined when the
 * layout is one it cannot edit safely; the caller then drops the edit.
 */

type Offsets = [number, number];

function offsets(node: unknown): Offsets | undefined {
  const range = (node as { range?: number[] } | null | undefined)?.range;
  return range && range.length >= 2 ? [range[0]!, range[1]!] : undefined;
}

/** `{ party: us, name: … }`, quoted by the YAML library where needed. */
export function flowYaml(value: unknown): string {
  return stringify(value, { collectionStyle: "flow", lineWidth: 0 }).trim();
}

/** The value as block lines, without indentation. */
function blockLines(value: unknown): string[] {
  return stringify(value, { collectionStyle: "block", lineWidth: 0 }).trimEnd().split("\n");
}

function at(position: Position): { start: Position; end: Position } {
  return { start: position, end: position };
}

/** Where the text of a list item ends: a block mapping ends with its last entry (not a trailing comment). */
function itemEnd(item: unknown): number | undefined {
  if (isMap(item) && !item.flow) {
    const last = item.items[item.items.length - 1] as Pair<Node, Node> | undefined;
    return offsets(last?.value)?.[1] ?? offsets(last?.key)?.[1];
  }
  return offsets(item)?.[1];
}

/** The start of the line after the one that holds the last character before `end`. */
function nextLineStart(parsed: ParsedCharter, end: number): Position {
  return { line: parsed.lines.position(Math.max(0, end - 1)).line + 1, character: 0 };
}

/** Text that starts at `position` (a line start), even past the last line of a file without a final newline. */
function insertLines(parsed: ParsedCharter, position: Position, text: string): TextEdit {
  if (position.line >= parsed.lines.lineCount) {
    const end = parsed.lines.position(parsed.text.length);
    return { range: at(end), newText: `\n${text}` };
  }
  if (position.line === parsed.lines.lineCount - 1 && parsed.lines.lineText(position.line) !== "") {
    // The last line has text but no newline after it.
    const end = parsed.lines.position(parsed.text.length);
    return { range: at(end), newText: `\n${text.replace(/\n$/, "")}` };
  }
  return { range: at(position), newText: text };
}

function column(parsed: ParsedCharter, offset: number): number {
  return parsed.lines.position(offset).character;
}

function keyOf(pair: Pair<Node, Node>): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

/**
 * The keys of `value` the item does not have yet, each with the key it follows: the nearest
 * earlier key of `value` the item has (undefined: none, the new entry goes after the last one).
 */
function newKeys(value: Record<string, unknown>, has: (key: string) => boolean): { key: string; after?: string }[] {
  const keys = Object.keys(value);
  return keys.flatMap((key, index) => {
    if (has(key)) return [];
    const after = keys
      .slice(0, index)
      .reverse()
      .find((earlier) => has(earlier));
    return [{ key, after }];
  });
}

/** New entries go right after the entry that precedes them in `value`, else after the last one. */
function addedEntryEdits(
  parsed: ParsedCharter,
  pairs: Pair<Node, Node>[],
  value: Record<string, unknown>,
  keyColumn: number,
): TextEdit[] {
  const byKey = new Map(pairs.map((pair) => [keyOf(pair), pair]));
  const groups = new Map<Pair<Node, Node>, string[]>();
  for (const { key, after: previous } of newKeys(value, (key) => byKey.has(key))) {
    const after = previous !== undefined ? byKey.get(previous)! : pairs[pairs.length - 1]!;
    const indent = " ".repeat(keyColumn);
    groups.set(after, [
      ...(groups.get(after) ?? []),
      `${indent}${blockLines({ [key]: value[key] }).join(`\n${indent}`)}\n`,
    ]);
  }
  return [...groups].map(([pair, lines]) => {
    const end = offsets(pair.value)?.[1] ?? offsets(pair.key)![1];
    return insertLines(parsed, nextLineStart(parsed, end), lines.join(""));
  });
}

/** The edit of an entry that stays: its value replaced in place (a comment after it stays); none when unchanged. */
function keptEntryEdit(parsed: ParsedCharter, pair: Pair<Node, Node>, wanted: unknown): TextEdit | null | undefined {
  const current = isScalar(pair.value) ? pair.value.value : pair.value?.toJSON();
  if (JSON.stringify(current) === JSON.stringify(wanted)) return null;
  const range = offsets(pair.value);
  if (!range || !isScalar(pair.value)) return undefined;
  return { range: parsed.lines.range(range[0], range[1]), newText: flowYaml(wanted) };
}

/**
 * The first entry of a block item goes (it shares the line of the `- `): the next entry moves up
 * to that line. Only when nothing but spaces (and the gone entry's own comment) lies between.
 */
function firstEntryRemoval(parsed: ParsedCharter, pairs: Pair<Node, Node>[]): TextEdit | undefined {
  const start = offsets(pairs[0]?.key)?.[0];
  const valueEnd = offsets(pairs[0]?.value)?.[1] ?? offsets(pairs[0]?.key)?.[1];
  const next = offsets(pairs[1]?.key)?.[0];
  if (start === undefined || valueEnd === undefined || next === undefined) return undefined;
  const between = parsed.text.slice(valueEnd, next);
  if (!/^[ \t]*(#[^\n]*)?\r?\n[ \t]*$/.test(between)) return undefined;
  return { range: parsed.lines.range(start, next), newText: "" };
}

/** Entry-by-entry edits of a block mapping item; undefined when an entry cannot be edited on its own. */
function entryEdits(parsed: ParsedCharter, item: YAMLMap, value: Record<string, unknown>): TextEdit[] | undefined {
  const edits: TextEdit[] = [];
  const pairs = item.items as Pair<Node, Node>[];
  const keyColumn = column(parsed, offsets(pairs[0]?.key)?.[0] ?? 0);
  for (const [index, pair] of pairs.entries()) {
    const key = keyOf(pair);
    const range = offsets(pair.value);
    if (key === undefined) return undefined;
    if (hasOwn(value, key)) {
      const edit = keptEntryEdit(parsed, pair, value[key]);
      if (edit === undefined) return undefined;
      if (edit) edits.push(edit);
    } else if (index === 0) {
      const edit = firstEntryRemoval(parsed, pairs);
      if (!edit) return undefined;
      edits.push(edit);
    } else {
      // An entry that goes: its lines go with it.
      const start = offsets(pair.key)?.[0];
      if (start === undefined || !range) return undefined;
      const from = { line: parsed.lines.position(start).line, character: 0 };
      edits.push({ range: { start: from, end: nextLineStart(parsed, range[1]) }, newText: "" });
    }
  }
  edits.push(...addedEntryEdits(parsed, pairs, value, keyColumn));
  return edits;
}

/**
 * Entry-by-entry edits of a flow mapping item (`{ party: us, name: … }`, on one line or several
 * with comments between): values replaced in place, entries removed with their comma, new
 * entries added after the entry they follow. Undefined when an entry is not a plain scalar.
 */
function flowEntryEdits(parsed: ParsedCharter, item: YAMLMap, value: Record<string, unknown>): TextEdit[] | undefined {
  const pairs = item.items as Pair<Node, Node>[];
  const spans = pairs.map((pair) => ({
    key: keyOf(pair),
    start: offsets(pair.key)?.[0],
    end: offsets(pair.value)?.[1],
  }));
  if (
    spans.length === 0 ||
    spans.some((span) => span.key === undefined || span.start === undefined || span.end === undefined)
  ) {
    return undefined;
  }
  const edits: TextEdit[] = [];
  let removedUpTo = -1;
  for (const [index, pair] of pairs.entries()) {
    const { key, start, end } = spans[index] as { key: string; start: number; end: number };
    if (hasOwn(value, key)) {
      const edit = keptEntryEdit(parsed, pair, value[key]);
      if (edit === undefined) return undefined;
      if (edit) edits.push(edit);
      continue;
    }
    // With the comma before it (the line break after it stays), else with the comma after it;
    // never across a comment, which belongs to its neighbour.
    const previousEnd = index > 0 ? spans[index - 1]!.end! : undefined;
    const nextStart = index < spans.length - 1 ? spans[index + 1]!.start! : undefined;
    const [from, to] =
      previousEnd !== undefined && !parsed.text.slice(previousEnd, start).includes("#")
        ? [previousEnd, end]
        : nextStart !== undefined && !parsed.text.slice(end, nextStart).includes("#")
          ? [start, nextStart]
          : [undefined, undefined];
    if (from === undefined || to === undefined || from < removedUpTo) return undefined;
    removedUpTo = to;
    edits.push({ range: parsed.lines.range(from, to), newText: "" });
  }
  const present = new Map(spans.map((span) => [span.key!, span]));
  const added = new Map<number, string[]>();
  for (const { key, after: previous } of newKeys(value, (key) => present.has(key))) {
    const after = (previous !== undefined ? present.get(previous)! : spans[spans.length - 1]!).end!;
    added.set(after, [
      ...(added.get(after) ?? []),
      `, ${flowYaml({ [key]: value[key] }).replace(/^\{ ?|\s?\}$/g, "")}`,
    ]);
  }
  for (const [after, texts] of added) {
    // An insertion where a removal starts would be applied in either order: leave that layout alone.
    const clashes = (edit: TextEdit): boolean =>
      parsed.lines.offset(edit.range.start) <= after && after < parsed.lines.offset(edit.range.end);
    if (edits.some(clashes)) return undefined;
    edits.push({ range: parsed.lines.range(after, after), newText: texts.join("") });
  }
  return edits;
}

/** Edits that make the list item at `path` hold exactly `value`. */
export function replaceItemEdits(
  parsed: ParsedCharter,
  path: NodePath,
  value: Record<string, unknown>,
): TextEdit[] | undefined {
  const item = locate(parsed, path)?.node;
  const range = offsets(item);
  if (!range || typeof path[path.length - 1] !== "number") return undefined;
  if (isMap(item) && !item.flow) {
    const edits = entryEdits(parsed, item, value);
    if (edits) return edits;
    // The whole entry, as block lines at its indentation (its inner comments are lost).
    const indent = " ".repeat(column(parsed, range[0]));
    const end = itemEnd(item)!;
    return [{ range: parsed.lines.range(range[0], end), newText: blockLines(value).join(`\n${indent}`) }];
  }
  const flowEdits = isMap(item) ? flowEntryEdits(parsed, item, value) : undefined;
  return flowEdits ?? [{ range: parsed.lines.range(range[0], range[1]), newText: flowYaml(value) }];
}

function appendToBlockList(parsed: ParsedCharter, seq: YAMLSeq, value: unknown): TextEdit | undefined {
  const last = seq.items[seq.items.length - 1];
  const start = offsets(seq)?.[0];
  const end = itemEnd(last);
  if (start === undefined || end === undefined) return undefined;
  const indent = " ".repeat(column(parsed, start));
  // A list of block mappings gets a block mapping; any other list a one-line item.
  const text = isMap(last) && !last.flow ? blockLines(value).join(`\n${indent}  `) : flowYaml(value);
  return insertLines(parsed, nextLineStart(parsed, end), `${indent}- ${text}\n`);
}

function appendToFlowList(parsed: ParsedCharter, seq: YAMLSeq, value: unknown): TextEdit | undefined {
  const last = seq.items[seq.items.length - 1];
  const range = offsets(seq);
  if (!range) return undefined;
  if (last === undefined) return { range: parsed.lines.range(range[0], range[1]), newText: `[${flowYaml(value)}]` };
  const end = itemEnd(last);
  return end === undefined ? undefined : { range: at(parsed.lines.position(end)), newText: `, ${flowYaml(value)}` };
}

/** Edits that add `value` at the end of the list at `path`; the list is created when its key is absent. */
export function appendItemEdits(parsed: ParsedCharter, path: NodePath, value: unknown): TextEdit[] | undefined {
  const located = locate(parsed, path);
  const node = located?.node;
  if (isSeq(node)) {
    const edit = node.flow ? appendToFlowList(parsed, node, value) : appendToBlockList(parsed, node, value);
    return edit && [edit];
  }
  const key = path[path.length - 1];
  if (located || typeof key !== "string") return undefined;
  const parent = locate(parsed, path.slice(0, -1))?.node;
  if (!isMap(parent) || parent.flow || findPair(parent, key)) return undefined;
  const first = offsets((parent.items[0] as Pair<Node, Node> | undefined)?.key)?.[0];
  const end = itemEnd(parent);
  if (first === undefined || end === undefined) return undefined;
  const indent = " ".repeat(column(parsed, first));
  return [insertLines(parsed, nextLineStart(parsed, end), `${indent}${key}:\n${indent}  - ${flowYaml(value)}\n`)];
}
