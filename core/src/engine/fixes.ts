import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair } from "yaml";
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
  if (isMap(container)) {
    if (container.flow) return undefined;
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
  return parseDocument(edited, { uniqueKeys: true, logLevel: "silent" }).errors.length === 0;
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
