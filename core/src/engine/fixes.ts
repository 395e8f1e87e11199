import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap } from "yaml";
import { locate, rangeAt, type ParsedCharter } from "../parse/parse-charter";
import type { FixReport, StructuralEdit } from "../rules/rule";
import { pathLabel } from "../schema/charter-schema";
import { sectionSkeleton } from "../skeleton";
import type { Fix, NodePath, TextEdit } from "../types";
import { appendItemEdits, replaceItemEdits } from "./list-edits";
import { applyTextEdits, lineEnding, withLineEnding } from "./text-edits";

/**
 * The structural-edit engine: turns edits against the charter's structure ("replace the value
 * at this path", "add this key to that section", "replace this list item", "append to this
 * list") into text edits that respect the file's indentation, comments and line ends. Quick
 * fixes and signing both use it. An edit that cannot be placed safely (e.g. into a flow-style
 * `{ … }` section) drops its fix rather than corrupting the file.
 */

function nodeStart(node: unknown): number | undefined {
  return (node as { range?: number[] } | undefined)?.range?.[0];
}

function nodeValueEnd(node: unknown): number | undefined {
  return (node as { range?: number[] } | undefined)?.range?.[1];
}

/** Whether a value's YAML is a block mapping or list (`name: x`, `- x`), which cannot follow its key on one line. */
function isBlockCollection(yaml: string): boolean {
  const contents = parseDocument(yaml, { logLevel: "silent" }).contents;
  return (isMap(contents) || isSeq(contents)) && !contents.flow;
}

function renderEntry(key: string, yaml: string, indent: string): string {
  const lines = yaml.split("\n");
  if (lines.length === 1 && !isBlockCollection(yaml)) return `${indent}${key}: ${yaml}\n`;
  return `${indent}${key}:\n${lines.map((line) => `${indent}  ${line}`).join("\n")}\n`;
}

/** Text to insert at the start of `line` (or at the end of the file when past it). */
function insertAtLine(parsed: ParsedCharter, line: number, text: string): TextEdit {
  if (
    line >= parsed.lines.lineCount ||
    (line === parsed.lines.lineCount - 1 && parsed.lines.lineText(line) === "" && !parsed.text.endsWith("\n"))
  ) {
    const end = parsed.lines.position(parsed.text.length);
    const prefix = parsed.text.length === 0 || parsed.text.endsWith("\n") ? "" : "\n";
    return { range: { start: end, end }, newText: prefix + text };
  }
  const at = { line, character: 0 };
  return { range: { start: at, end: at }, newText: text };
}

/** `key: value` added at the end of a `{ … }` mapping: only a one-line value fits there. */
function insertIntoFlowMap(parsed: ParsedCharter, map: YAMLMap, key: string, yaml: string): TextEdit | undefined {
  if (yaml.includes("\n") || yaml.includes("#")) return undefined;
  const last = map.items[map.items.length - 1] as Pair<Node, Node> | undefined;
  const end = nodeValueEnd(last?.value) ?? nodeValueEnd(last?.key);
  if (end !== undefined) {
    const at = parsed.lines.position(end);
    return { range: { start: at, end: at }, newText: `, ${key}: ${yaml}` };
  }
  const start = nodeStart(map);
  const close = nodeValueEnd(map);
  if (start === undefined || close === undefined) return undefined;
  return { range: parsed.lines.range(start, close), newText: `{ ${key}: ${yaml} }` };
}

function insertEdit(parsed: ParsedCharter, into: NodePath, key: string, yaml: string): TextEdit | undefined {
  // Walk up to the nearest section that exists, nesting the new key inside the missing ones.
  const target = [...into];
  let entryKey = key;
  let entryYaml = yaml;
  while (target.length > 0 && !locate(parsed, target)) {
    const parentKey = target.pop();
    if (typeof parentKey !== "string") return undefined;
    entryYaml = renderEntry(entryKey, entryYaml, "").trimEnd();
    entryKey = parentKey;
  }
  const located = locate(parsed, target);
  const container = located ? located.node : undefined;
  if (
    target.length === 0 &&
    (container === undefined || container === null || (isScalar(container) && container.value === null))
  ) {
    return insertAtLine(parsed, parsed.lines.lineCount, renderEntry(entryKey, entryYaml, ""));
  }
  if (isMap(container) && container.flow) return insertIntoFlowMap(parsed, container, entryKey, entryYaml);
  if (isMap(container)) {
    const first = container.items[0] as Pair<Node, Node> | undefined;
    const firstStart = nodeStart(first?.key);
    const end = nodeValueEnd(container);
    if (firstStart === undefined || end === undefined) return undefined;
    const indent = " ".repeat(parsed.lines.position(firstStart).character);
    const lastLine = parsed.lines.position(Math.max(firstStart, end - 1)).line;
    return insertAtLine(parsed, lastLine + 1, renderEntry(entryKey, entryYaml, indent));
  }
  // `section:` with an empty value: put the entry on the next line, indented under the key.
  const keyStart = nodeStart(located?.pair?.key);
  if (keyStart !== undefined && (container === undefined || (isScalar(container) && container.value === null))) {
    const keyPos = parsed.lines.position(keyStart);
    const indent = " ".repeat(keyPos.character + 2);
    return insertAtLine(parsed, keyPos.line + 1, renderEntry(entryKey, entryYaml, indent));
  }
  return undefined;
}

/** Whether a value node is empty: absent (`key:`), null, `""`/blank, `[]` or `{}`. */
function isEmptyValue(node: unknown): boolean {
  if (node === undefined || node === null) return true;
  if (isScalar(node)) return node.value === null || (typeof node.value === "string" && node.value.trim() === "");
  if (isMap(node) || isSeq(node)) return node.items.length === 0;
  return false;
}

/** Offset just past the `:` after a block mapping key (the key ends at `keyEnd`). */
function colonEnd(parsed: ParsedCharter, keyEnd: number): number | undefined {
  const match = /^[ \t]*:/.exec(parsed.text.slice(keyEnd));
  return match ? keyEnd + match[0].length : undefined;
}

/** `fill`: the key's value written in place of an empty one, or the key inserted when absent. */
function fillEdit(parsed: ParsedCharter, at: NodePath, yaml: string): TextEdit | undefined {
  const key = at[at.length - 1];
  if (typeof key !== "string") return undefined;
  const located = locate(parsed, at);
  if (!located) return insertEdit(parsed, at.slice(0, -1), key, yaml);
  if (!isEmptyValue(located.node)) return undefined;
  const parent = locate(parsed, at.slice(0, -1))?.node;
  const keyRange = (located.pair?.key as { range?: number[] } | undefined)?.range;
  if (!isMap(parent) || parent.flow || !keyRange) return undefined;
  const from = colonEnd(parsed, keyRange[1]!);
  if (from === undefined) return undefined;
  const valueRange = (located.node as { range?: number[] } | undefined)?.range;
  const to = valueRange && valueRange[1]! > valueRange[0]! ? valueRange[1]! : from;
  const keyColumn = parsed.lines.position(keyRange[0]!).character;
  const text = renderEntry(key, yaml, " ".repeat(keyColumn)).trimEnd();
  // The entry's text after `key:` (a line break and the indented lines, or ` value`).
  const afterColon = text.slice(text.indexOf(":", keyColumn + key.length) + 1);
  return { range: parsed.lines.range(from, to), newText: afterColon };
}

/** `remove`: the whole lines of a block mapping entry that starts its line (not the first entry of a `- ` item). */
function removeEdit(parsed: ParsedCharter, at: NodePath): TextEdit | undefined {
  const located = locate(parsed, at);
  const parent = locate(parsed, at.slice(0, -1))?.node ?? (at.length === 1 ? parsed.doc?.contents : undefined);
  const keyRange = (located?.pair?.key as { range?: number[] } | undefined)?.range;
  if (!located || !keyRange || !isMap(parent) || parent.flow) return undefined;
  const start = parsed.lines.position(keyRange[0]!);
  if (parsed.lines.lineText(start.line).slice(0, start.character).trim() !== "") return undefined;
  const valueEnd = (located.node as { range?: number[] } | undefined)?.range?.[1] ?? keyRange[1]!;
  // A block value's range ends at the start of the next line already.
  const last = parsed.lines.position(Math.max(keyRange[1]!, valueEnd - 1)).line;
  const end =
    last + 1 >= parsed.lines.lineCount ? parsed.lines.position(parsed.text.length) : { line: last + 1, character: 0 };
  return { range: { start: { line: start.line, character: 0 }, end }, newText: "" };
}

function resolveEdit(parsed: ParsedCharter, edit: StructuralEdit): TextEdit[] | undefined {
  switch (edit.kind) {
    case "replace": {
      const located = locate(parsed, edit.at);
      if (!located) return undefined;
      const anchor = edit.anchor ?? "value";
      if (anchor === "value" && (!located.node || nodeValueEnd(located.node) === nodeStart(located.node)))
        return undefined;
      return [{ range: rangeAt(parsed, edit.at, anchor), newText: edit.text }];
    }
    case "insert": {
      const inserted = insertEdit(parsed, edit.into, edit.key, edit.yaml);
      return inserted && [inserted];
    }
    case "replace-item":
      return replaceItemEdits(parsed, edit.at, edit.value);
    case "append-item":
      return appendItemEdits(parsed, edit.to, edit.value);
    case "fill": {
      const filled = fillEdit(parsed, edit.at, edit.yaml);
      return filled && [filled];
    }
    case "remove": {
      const removed = removeEdit(parsed, edit.at);
      return removed && [removed];
    }
  }
}

/** The text edits of a list of structural edits, with the file's line ends; undefined when one cannot be placed. */
export function resolveEdits(parsed: ParsedCharter, edits: readonly StructuralEdit[]): TextEdit[] | undefined {
  const eol = lineEnding(parsed.text);
  const out: TextEdit[] = [];
  for (const edit of edits) {
    const resolved = resolveEdit(parsed, edit);
    if (!resolved) return undefined;
    out.push(...resolved.map((text) => ({ ...text, newText: withLineEnding(text.newText, eol) })));
  }
  return out;
}

/**
 * Whether the edited text is still valid YAML without duplicate keys. Every fix is checked so:
 * a fix that would break the file (a key renamed to one the section already has, an entry
 * that lands where YAML cannot read it) is dropped, never offered.
 */
export function editsKeepYamlValid(text: string, edits: readonly TextEdit[]): boolean {
  const edited = applyTextEdits(text, edits);
  // The parser's own duplicate-key check compares every key with every other (20,000 keys: seconds
  // per fix); a set per mapping finds them in one pass.
  const doc = parseDocument(edited, { uniqueKeys: false, logLevel: "silent" });
  return doc.errors.length === 0 && !hasDuplicateKey(doc.contents);
}

function hasDuplicateKey(node: unknown): boolean {
  if (isSeq(node)) return node.items.some(hasDuplicateKey);
  if (!isMap(node)) return false;
  const seen = new Set<string>();
  for (const pair of node.items as Pair<unknown, unknown>[]) {
    if (isScalar(pair.key)) {
      // Scalar keys are the same key when their value is (a list or section as a key never is here).
      const key = `${typeof pair.key.value}:${String(pair.key.value)}`;
      if (seen.has(key)) return true;
      seen.add(key);
    }
    if (hasDuplicateKey(pair.value)) return true;
  }
  return false;
}

export function resolveFixes(parsed: ParsedCharter, fixes: readonly FixReport[]): Fix[] {
  const resolved: Fix[] = [];
  for (const fix of fixes) {
    const edits = resolveEdits(parsed, fix.edits);
    if (edits && editsKeepYamlValid(parsed.text, edits))
      resolved.push({ title: fix.title, edits, safe: fix.safe ?? false });
  }
  return resolved;
}

/** The quick fix for a missing key: insert its skeleton with TODO markers. */
export function sectionSkeletonFix(
  parsed: ParsedCharter,
  missingPath: NodePath,
  today = "2026-01-01",
): Fix | undefined {
  const key = missingPath[missingPath.length - 1];
  if (typeof key !== "string") return undefined;
  const into = missingPath.slice(0, -1);
  const [fix] = resolveFixes(parsed, [
    {
      title: `Add "${pathLabel(missingPath)}" with TODO placeholders`,
      safe: false,
      edits: [{ kind: "insert", into, key, yaml: sectionSkeleton(missingPath, today) }],
    },
  ]);
  return fix;
}
