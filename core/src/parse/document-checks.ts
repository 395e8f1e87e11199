import { isAlias, isMap, isPair, isScalar, isSeq, Scalar, type Document, type Pair } from "yaml";
import type { LineIndex } from "../text/line-index";
import type { Finding, TextEdit } from "../types";
import { quote } from "../text/words";
import { toFinding } from "./syntax-context";
import { quoteValueStarting } from "./syntax-values";
import { indentOf } from "./yaml-line";

/**
 * What a document the parser accepted may still hide: a key written twice (the first would
 * silently lose), a number too large to read, a reference to an anchor that does not exist, a
 * value that YAML took for an anchor, a key that is a list, and a list item that YAML joined to
 * the text of the item above. All are `yaml-syntax` findings: the data is not what was written.
 */

interface Walk {
  doc: Document.Parsed;
  lines: LineIndex;
  findings: Finding[];
  aliased: Set<string>;
}

export function documentFindings(doc: Document.Parsed, lines: LineIndex): Finding[] {
  const walk: Walk = { doc, lines, findings: [], aliased: new Set() };
  collectAliases(doc.contents, walk.aliased);
  visit(doc.contents, walk, "the top level");
  return walk.findings;
}

function collectAliases(node: unknown, names: Set<string>): void {
  if (isAlias(node)) names.add(node.source);
  else if (isMap(node) || isSeq(node)) for (const item of node.items) collectAliases(item, names);
  else if (isPair(node)) {
    collectAliases(node.key, names);
    collectAliases(node.value, names);
  }
}

function startOf(node: unknown): number | undefined {
  return (node as { range?: [number, number, number] } | undefined)?.range?.[0];
}

function lineOf(walk: Walk, node: unknown): number {
  return walk.lines.position(startOf(node) ?? 0).line;
}

function at(walk: Walk, node: unknown, message: string): void {
  const range = (node as { range?: [number, number, number] }).range ?? [0, 0, 0];
  const end = Math.max(range[1], range[0] + 1);
  walk.findings.push({ rule: "yaml-syntax", severity: "error", message, range: walk.lines.range(range[0], end) });
}

function visit(node: unknown, walk: Walk, section: string): void {
  if (isMap(node)) {
    checkKeys(node.items as Pair<unknown, unknown>[], walk, section);
    for (const pair of node.items) visit(pair.value, walk, `"${keyText(pair.key) ?? "?"}"`);
  } else if (isSeq(node)) {
    for (const item of node.items) visit(item, walk, section);
  } else if (isScalar(node)) checkScalar(node, walk);
  else if (isAlias(node) && node.resolve(walk.doc) === undefined) {
    const line = lineOf(walk, node);
    const explanation = quoteValueStarting(line, walk.lines.lineText(line));
    if (explanation) walk.findings.push(toFinding(walk.lines, explanation));
  }
}

/** A key as the charter's data names it (as `toJS` would), or undefined for a list or section. */
function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return key.value === null ? "" : String(key.value);
  return isMap(key) || isSeq(key) ? undefined : String(key);
}

function checkKeys(pairs: Pair<unknown, unknown>[], walk: Walk, section: string): void {
  const seen = new Map<string, Pair<unknown, unknown>>();
  for (const [i, pair] of pairs.entries()) {
    const key = keyText(pair.key);
    if (key === undefined) {
      const what = isSeq(pair.key) ? "a list" : "a section";
      at(walk, pair.key, `This key is ${what}, not a name: write a plain name before the colon.`);
      continue;
    }
    const first = seen.get(key);
    if (!first) {
      seen.set(key, pair);
      continue;
    }
    if (reportThousands(pairs, i, walk)) continue;
    const where = section === "the top level" ? "at the top level" : `in ${section}`;
    at(
      walk,
      pair.key,
      `"${key}" is written twice ${where} (first on line ${lineOf(walk, first.key) + 1}): keep one of them, or the first is lost.`,
    );
    const removal = entryLinesRemoval(walk, pair);
    if (removal) {
      const finding = walk.findings[walk.findings.length - 1]!;
      finding.fixes = [{ title: `Remove this "${key}" (keep the first)`, safe: false, edits: [removal] }];
    }
  }
}

/** The whole lines of a block mapping entry that starts its line; undefined for any other layout. */
function entryLinesRemoval(walk: Walk, pair: Pair<unknown, unknown>): TextEdit | undefined {
  const start = startOf(pair.key);
  const end = (pair.value as { range?: number[] } | null)?.range?.[1] ?? (pair.key as { range?: number[] }).range?.[1];
  if (start === undefined || end === undefined) return undefined;
  const from = walk.lines.position(start);
  if (walk.lines.lineText(from.line).slice(0, from.character).trim() !== "") return undefined;
  const last = walk.lines.position(Math.max(start, end - 1)).line;
  const to =
    last + 1 < walk.lines.lineCount ? { line: last + 1, character: 0 } : walk.lines.position(walk.lines.text.length);
  return { range: { start: { line: from.line, character: 0 }, end: to }, newText: "" };
}

/**
 * `{ value: 50,000,000 }`: inside { … } each comma starts an entry, so YAML reads 50 and two
 * keys "0" (written 000), the second a duplicate. The number as written, if that is what happened.
 */
function reportThousands(pairs: Pair<unknown, unknown>[], index: number, walk: Walk): boolean {
  let start = index;
  while (start > 0 && isDigitGroup(pairs[start]!)) start--;
  const number = pairs[start]?.value;
  if (start === index || !isScalar(number) || typeof number.value !== "number") return false;
  let end = index;
  while (end + 1 < pairs.length && isDigitGroup(pairs[end + 1]!)) end++;
  const from = number.range![0];
  const to = startOf(pairs[end]!.key)! + 3;
  const written = walk.lines.text.slice(from, to);
  const message = `Write numbers without thousands separators: ${written.replace(/[,\s]/g, "")}, not ${written}. Inside { … } a comma starts a new entry.`;
  walk.findings.push({ rule: "yaml-syntax", severity: "error", message, range: walk.lines.range(from, to) });
  return true;
}

function isDigitGroup(pair: Pair<unknown, unknown>): boolean {
  return isScalar(pair.key) && /^\d{3}$/.test(String((pair.key as Scalar).source ?? "")) && pair.value === null;
}

const NOT_A_NUMBER = /^[-+]?\.(inf|Inf|INF|nan|NaN|NAN)$/;

function checkScalar(node: Scalar, walk: Walk): void {
  const range = node.range;
  if (!range) return;
  const source = walk.lines.text.slice(range[0], range[1]);
  if (typeof node.value === "number" && !Number.isFinite(node.value)) {
    at(
      walk,
      node,
      NOT_A_NUMBER.test(source)
        ? `${source} is not a number a charter can use: write a number, or put the text in quotes.`
        : `${source} is too large a number to read: write it smaller (in millions, for example) or in quotes as text.`,
    );
    return;
  }
  if (node.anchor && !walk.aliased.has(node.anchor)) {
    const line = lineOf(walk, node);
    const explanation = quoteValueStarting(line, walk.lines.lineText(line));
    if (explanation) walk.findings.push(toFinding(walk.lines, explanation));
    return;
  }
  if (node.type === Scalar.PLAIN && source.includes("\n")) checkJoinedLines(node, source, walk);
}

/** `- first item` then `  - second` one column deeper: YAML reads one item, "first item - second". */
function checkJoinedLines(node: Scalar, source: string, walk: Walk): void {
  const first = lineOf(walk, node);
  const continued = source.split(/\r?\n|\r/).findIndex((text, i) => i > 0 && /^\s*- /.test(text));
  if (continued < 0) return;
  const line = first + continued;
  const itemLine = walk.lines.lineText(first);
  const dash = /^(\s*)- /.exec(itemLine);
  if (/^-\S/.test(source)) {
    at(
      walk,
      node,
      `A list item needs a space after "-": write ${quote(`- ${source.slice(1).split(/\r?\n|\r/)[0]}`, 40)}.`,
    );
    return;
  }
  const indent = indentOf(walk.lines.lineText(line));
  const start = walk.lines.offset({ line, character: indent });
  const where = dash
    ? `in column ${dash[1]!.length + 1}, like the item above`
    : "in the same column as the items above";
  walk.findings.push({
    rule: "yaml-syntax",
    severity: "error",
    message: `This line continues the text above it, so YAML joins them into one value: start its "- " ${where}.`,
    range: walk.lines.range(start, start + 1),
  });
}
