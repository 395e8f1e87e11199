import { RULES } from "../rules";
import { charterSchema, deref, schemaAt, type SchemaDocument, type SchemaNode } from "../schema/charter-schema";
import type { Position, Range, NodePath } from "../types";
import { cursorSlot, splitLines, type CursorSlot } from "./cursor";
import { allowedValues, documentation, isArraySchema, isObjectSchema, itemSchema, valueKind } from "./schema-info";
import { documentSnippet, escapeSnippetText, itemSnippet, keySnippet, type SnippetOptions } from "./snippets";

/**
 * Completion at a position: the keys the format allows there (required first), the values
 * of an enum or boolean, and snippets for whole sections, all from the charter JSON Schema.
 * Candidates carry ready-to-insert text (snippet syntax, absolute indentation).
 */

export type CompletionCandidateKind = "key" | "value" | "snippet" | "rule";

export interface CompletionCandidate {
  label: string;
  kind: CompletionCandidateKind;
  /** One line shown beside the label, e.g. "required · a date (YYYY-MM-DD)". */
  detail?: string;
  /** Markdown. */
  documentation?: string;
  sortText: string;
  filterText?: string;
  /** Text replacing `range`; snippet syntax when `snippet` is true. */
  insertText: string;
  snippet: boolean;
  range: Range;
}

export type CompletionOptions = SnippetOptions & {
  /** The file's schema: the charter's (default), or a program file's (`programSchema`). */
  schema?: SchemaDocument;
  /**
   * False when the client brings the snippets itself (the VS Code extension contributes
   * snippets/partner-charter.json): no snippet candidate is offered then, so none is listed twice.
   */
  snippets?: boolean;
};

function pad(index: number): string {
  return String(index).padStart(3, "0");
}

function snippetsOf(node: SchemaNode | undefined): NonNullable<SchemaNode["defaultSnippets"]> {
  return node?.defaultSnippets ?? [];
}

/** The inline part inserted after `key:` when the user picks a key (no snippet body). */
function keyInsertText(key: string, node: SchemaNode | undefined, slot: Extract<CursorSlot, { kind: "key" }>): string {
  if (slot.hasColon) return key;
  const values = allowedValues(node);
  if (values.length === 1) return `${key}: ${escapeSnippetText(values[0]!.value)}`;
  if (values.length > 1) {
    return `${key}: \${1|${values.map((v) => v.value.replace(/[\\,|$}]/g, (ch) => `\\${ch}`)).join(",")}|}`;
  }
  if (slot.flow) return `${key}: $0`;
  const indent = " ".repeat(slot.keyCol + 2);
  if (isObjectSchema(node)) return `${key}:\n${indent}$0`;
  if (isArraySchema(node)) return `${key}:\n${indent}- $0`;
  return `${key}: $0`;
}

function keyCandidates(
  slot: Extract<CursorSlot, { kind: "key" }>,
  mapping: SchemaNode,
  options: CompletionOptions,
): CompletionCandidate[] {
  const candidates: CompletionCandidate[] = [];
  const present = new Set(slot.presentKeys);
  const required = new Set(mapping.required ?? []);
  const keys = Object.keys(mapping.properties ?? {}).filter((key) => !present.has(key));
  keys.forEach((key, index) => {
    const node = deref(mapping.properties![key]);
    const isRequired = required.has(key);
    candidates.push({
      label: key,
      kind: "key",
      detail: `${isRequired ? "required" : "optional"} · ${valueKind(node)}`,
      documentation: documentation(node),
      sortText: `${isRequired ? "0" : "1"}_${pad(index)}`,
      insertText: keyInsertText(key, node, slot),
      snippet: true,
      range: slot.replace,
    });
  });
  if (slot.flow || slot.hasColon) return candidates;
  // Whole sections: the key with a filled-in body.
  keys.forEach((key, index) => {
    const node = deref(mapping.properties![key]);
    const own = snippetsOf(node);
    own.forEach((snippet, n) => {
      candidates.push({
        label: snippet.label ?? key,
        kind: "snippet",
        detail: `${key}: ${snippet.description ?? "section"}`,
        documentation: documentation(node),
        sortText: `2_${pad(index)}_${n}`,
        filterText: key,
        insertText: keySnippet(key, snippet.body, node, slot.keyCol, options),
        snippet: true,
        range: slot.replace,
      });
    });
    if (own.length === 0 && isArraySchema(node)) {
      const item = itemSchema(node);
      snippetsOf(item).forEach((snippet, n) => {
        candidates.push({
          label: `${key}: ${snippet.label ?? "item"}`,
          kind: "snippet",
          detail: snippet.description,
          documentation: documentation(item) ?? documentation(node),
          sortText: `2_${pad(index)}_${n}`,
          filterText: key,
          insertText: `${key}:\n${" ".repeat(slot.keyCol + 2)}${itemSnippet(snippet.body, item, slot.keyCol + 2, false, options)}`,
          snippet: true,
          range: slot.replace,
        });
      });
    }
  });
  return candidates;
}

function itemSnippetCandidates(
  listNode: SchemaNode | undefined,
  itemCol: number,
  dashWritten: boolean,
  range: Range,
  options: CompletionOptions,
): CompletionCandidate[] {
  const item = itemSchema(listNode);
  return snippetsOf(item).map((snippet, n) => ({
    label: snippet.label ?? "item",
    kind: "snippet" as const,
    detail: snippet.description,
    documentation: documentation(item) ?? documentation(listNode),
    sortText: `2_${pad(n)}`,
    filterText: dashWritten ? undefined : `- ${snippet.label ?? ""}`,
    insertText: itemSnippet(snippet.body, item, itemCol, dashWritten, options),
    snippet: true,
    range,
  }));
}

function valueCandidates(node: SchemaNode | undefined, range: Range, spaceBefore = false): CompletionCandidate[] {
  return allowedValues(node).map((value, index) => ({
    label: value.value,
    kind: "value" as const,
    detail: value.description,
    documentation: value.documentation ?? value.description,
    sortText: `0_${pad(index)}`,
    filterText: spaceBefore ? ` ${value.value}` : undefined,
    insertText: `${spaceBefore ? " " : ""}${value.value}`,
    snippet: false,
    range,
  }));
}

const DIRECTIVE_RULES =
  /#\s*partner-charter-(?:disable-next-line|disable|enable)\s+(?:[A-Za-z0-9-]+\s*,\s*)*([A-Za-z0-9-]*)$/;

/** Rule ids after a suppression comment (`# partner-charter-disable-next-line …`). */
function ruleCandidates(lineText: string, position: Position): CompletionCandidate[] | undefined {
  const before = lineText.slice(0, position.character);
  const match = DIRECTIVE_RULES.exec(before);
  if (!match) return undefined;
  const start = position.character - match[1]!.length;
  let end = position.character;
  while (end < lineText.length && /[A-Za-z0-9-]/.test(lineText[end]!)) end++;
  const range = { start: { line: position.line, character: start }, end: { line: position.line, character: end } };
  return RULES.filter((rule) => rule.meta.id !== "config" && rule.meta.id !== "unused-suppression").map(
    (rule, index) => ({
      label: rule.meta.id,
      kind: "rule" as const,
      detail: `${rule.meta.category} · default ${rule.meta.defaultSeverity}`,
      documentation: rule.meta.summary,
      sortText: pad(index),
      insertText: rule.meta.id,
      snippet: false,
      range,
    }),
  );
}

/**
 * On a line indented differently from its section's keys, each key is written at the section's
 * column: the candidate replaces the line's indentation too, and is filtered by what is typed
 * from the start of the line.
 */
function reindented(
  candidates: CompletionCandidate[],
  slot: Extract<CursorSlot, { kind: "key" }>,
  lineText: string,
): CompletionCandidate[] {
  if (slot.indent === undefined) return candidates;
  const typedFrom = lineText.slice(0, slot.replace.end.character - slot.prefix.length);
  return candidates.map((candidate) => ({
    ...candidate,
    insertText: slot.indent + candidate.insertText,
    filterText: typedFrom + (candidate.filterText ?? candidate.label),
  }));
}

export function completionsAt(
  text: string,
  position: Position,
  options: CompletionOptions = {},
): CompletionCandidate[] {
  const candidates = candidatesAt(text, position, options);
  return options.snippets === false ? candidates.filter((candidate) => candidate.kind !== "snippet") : candidates;
}

function candidatesAt(text: string, position: Position, options: CompletionOptions): CompletionCandidate[] {
  const lineText = splitLines(text)[position.line] ?? "";
  const rules = ruleCandidates(lineText, position);
  if (rules) return rules;
  const slot = cursorSlot(text, position);
  if (!slot) return [];
  const schema = options.schema ?? charterSchema;
  const at = (path: NodePath): SchemaNode | undefined => schemaAt(path, schema);
  if (schema !== charterSchema && isFieldsList(slot.path)) return charterPathCandidates(slot.replace);
  if (slot.kind === "value") return valueCandidates(at(slot.path), slot.replace, slot.spaceBefore);
  if (slot.kind === "sequence") {
    return itemSnippetCandidates(at(slot.path), slot.itemCol, false, slot.replace, options);
  }
  const node = at(slot.path);
  if (isArraySchema(node) && !slot.afterDash && !slot.flow) {
    return itemSnippetCandidates(node, slot.keyCol, false, slot.replace, options);
  }
  if (!isObjectSchema(node)) {
    // `- ` in a list of plain values: the item's allowed values, if any.
    return slot.afterDash || slot.flow ? valueCandidates(node, slot.replace) : [];
  }
  const candidates = reindented(keyCandidates(slot, node!, options), slot, lineText);
  // (A "-" glued to the key, `-x`, leaves no column for the item's dash: no item snippet there.)
  if (slot.afterDash && slot.presentKeys.length === 0 && !slot.hasColon && slot.keyCol >= 2) {
    const list = at(slot.path.slice(0, -1));
    candidates.push(...itemSnippetCandidates(list, slot.keyCol - 2, true, slot.replace, options));
  }
  if (
    schema === charterSchema &&
    slot.path.length === 0 &&
    slot.presentKeys.length === 0 &&
    !slot.hasColon &&
    !slot.flow
  ) {
    for (const snippet of snippetsOf(charterSchema)) {
      candidates.push({
        label: snippet.label ?? "Partner charter",
        kind: "snippet",
        detail: snippet.description,
        documentation: documentation(charterSchema),
        sortText: "3_000",
        filterText: "charter",
        insertText: documentSnippet(snippet.body, deref(charterSchema), options),
        snippet: true,
        range: slot.replace,
      });
    }
  }
  return candidates;
}

/** The cursor is in a program tier's `requires.fields` (an item of it, or the list itself). */
function isFieldsList(path: NodePath): boolean {
  const keys = path.map(String);
  return keys[0] === "tiers" && keys[2] === "requires" && keys[3] === "fields";
}

/** Every field of the charter format in dot notation (`governance.partnerManager`), for `requires.fields`. */
function charterPathCandidates(range: Range): CompletionCandidate[] {
  const paths: { path: string; node: SchemaNode }[] = [];
  const visit = (node: SchemaNode | undefined, prefix: string, depth: number): void => {
    let current = deref(node);
    if (current?.items) current = deref(current.items);
    for (const [key, child] of Object.entries(current?.properties ?? {})) {
      const path = prefix ? `${prefix}.${key}` : key;
      const resolved = deref(child);
      if (!resolved) continue;
      paths.push({ path, node: resolved });
      if (depth < 4) visit(resolved, path, depth + 1);
    }
  };
  visit(charterSchema, "", 0);
  return paths.map(({ path, node }, index) => ({
    label: path,
    kind: "value" as const,
    detail: valueKind(node),
    documentation: documentation(node),
    sortText: `0_${pad(index)}`,
    insertText: path,
    snippet: false,
    range,
  }));
}
