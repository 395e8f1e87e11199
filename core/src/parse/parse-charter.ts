import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from "yaml";
import { documentFindings } from "./document-checks";
import { explainSyntax } from "./explain-syntax";
import { MAX_NESTING_DEPTH, readYaml, yamlLineBreaks } from "./read-yaml";
import { LineIndex } from "../text/line-index";
import { compareFindings, type Anchor, type Finding, type NodePath, type Range } from "../types";

/**
 * Parsing: YAML text → a document that keeps every node's source range and comments,
 * plus the plain data the schema and rules read.
 */

/** Aliases may expand a small file into millions of nodes ("billion laughs"); stop early. */
export const MAX_ALIAS_COUNT = 100;
/** Charters are hand-written documents; far larger inputs are refused rather than parsed slowly. */
export const MAX_CHARTER_BYTES = 2 * 1024 * 1024;

export interface ParsedCharter {
  readonly text: string;
  readonly lines: LineIndex;
  readonly doc: Document.Parsed | undefined;
  /** The document as plain data; undefined when it could not be parsed. */
  readonly data: unknown;
  /** `yaml-syntax` findings; when non-empty nothing else is checked. */
  readonly syntaxFindings: Finding[];
}

/** Removes a UTF-8 byte order mark, which editors hide and YAML treats as content. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function syntaxError(message: string, range: Range): Finding {
  return { rule: "yaml-syntax", severity: "error", message, range };
}

export function parseCharter(input: string): ParsedCharter {
  const text = stripBom(input);
  const lines = new LineIndex(text);
  const refused = (finding: Finding): ParsedCharter => ({
    text,
    lines,
    doc: undefined,
    data: undefined,
    syntaxFindings: [finding],
  });
  if (text.length > MAX_CHARTER_BYTES) {
    const mb = (text.length / (1024 * 1024)).toFixed(1);
    const message = `This file is ${mb} MB; charters are limited to ${MAX_CHARTER_BYTES / (1024 * 1024)} MB, so it was not checked. Split it, or check that it is really a charter.`;
    return refused(syntaxError(message, lines.lineRange(0)));
  }
  const yamlText = yamlLineBreaks(text);
  const read = readYaml(yamlText);
  if (!read.doc) {
    const message = `This is nested more than ${MAX_NESTING_DEPTH} levels deep, far more than a charter needs: check the brackets and indentation here.`;
    return refused(syntaxError(message, lines.range(read.tooDeepAt, read.tooDeepAt + 1)));
  }
  const doc = read.doc;
  const syntaxFindings = readingFindings(yamlText, doc);
  if (syntaxFindings.length > 0) return { text, lines, doc, data: undefined, syntaxFindings };
  const loop = cyclicAlias(doc);
  if (loop) {
    // The data would contain itself: every reader downstream (digest, diff, the preview's JSON) would loop.
    const message = `The alias *${loop.source} stands for a section that contains it, so that section would contain itself without end. Write the values out instead.`;
    return refused(syntaxError(message, lines.range(loop.range[0], loop.range[1])));
  }
  const data = dataOf(doc);
  if ("problem" in data) {
    const first = firstAliasOffset(doc) ?? 0;
    const range = lines.range(first, lines.lineEnd(lines.position(first).line));
    return { text, lines, doc, data: undefined, syntaxFindings: [syntaxError(data.problem, range)] };
  }
  return { text, lines, doc, data: data.value, syntaxFindings };
}

/** The document as plain data, or what its aliases make of it: too many nodes, or too deep. */
function dataOf(doc: Document.Parsed): { value: unknown } | { problem: string } {
  try {
    const value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    // Aliases nest what they refer to: the data can be deeper than the text.
    if (depthOf(value) <= MAX_NESTING_DEPTH) return { value };
    return {
      problem: `The aliases (*name) in this file nest the data more than ${MAX_NESTING_DEPTH} levels deep; write the values out instead.`,
    };
  } catch {
    // yaml throws when aliases expand past maxAliasCount.
    return {
      problem: `The aliases (*name) in this file expand to too many nodes; write the values out instead of referencing them more than ${MAX_ALIAS_COUNT} times.`,
    };
  }
}

/** How deeply lists and sections nest in `data` (a shared or cyclic alias counts at each place), without recursion. */
function depthOf(data: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[data, 1]];
  const reached = new Map<object, number>();
  while (stack.length > 0 && deepest <= MAX_NESTING_DEPTH) {
    const [value, depth] = stack.pop()!;
    if (typeof value !== "object" || value === null || (reached.get(value) ?? 0) >= depth) continue;
    reached.set(value, depth);
    deepest = Math.max(deepest, depth);
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** The syntax mistakes, then what the document hides once they are corrected (one finding a line). */
function readingFindings(yamlText: string, doc: Document.Parsed): Finding[] {
  const { findings, corrected } = explainSyntax(yamlText, doc);
  if (!corrected) return findings;
  const reported = new Set(findings.map((finding) => finding.range.start.line));
  const hidden = documentFindings(corrected.doc, corrected.lines).filter(
    (finding) => !reported.has(finding.range.start.line),
  );
  return [...findings, ...hidden].sort(compareFindings);
}

/** An alias inside the node it refers to (`partner: &p { self: *p }`): the only way YAML data can loop. */
function cyclicAlias(doc: Document.Parsed): { source: string; range: [number, number] } | undefined {
  const open = new Set<unknown>();
  const visit = (node: unknown): { source: string; range: [number, number] } | undefined => {
    if (isAlias(node)) {
      const target = node.resolve(doc);
      return target && open.has(target) ? { source: node.source, range: [node.range![0], node.range![1]] } : undefined;
    }
    if (isPair(node)) return visit(node.key) ?? visit(node.value);
    if (!isMap(node) && !isSeq(node)) return undefined;
    open.add(node);
    for (const item of node.items) {
      const found = visit(item);
      if (found) return found;
    }
    open.delete(node);
    return undefined;
  };
  return visit(doc.contents);
}

function firstAliasOffset(doc: Document.Parsed): number | undefined {
  let found: number | undefined;
  const visit = (node: unknown): void => {
    if (found !== undefined || !node) return;
    if (isAlias(node)) found = node.range?.[0];
    else if (isMap(node) || isSeq(node)) for (const item of node.items) visit(item);
    else if (isPair(node)) {
      visit(node.key);
      visit(node.value);
    }
  };
  visit(doc.contents);
  return found;
}

/** What exists in the document at a path: the node and, for a mapping entry, its pair. */
export interface Located {
  pair?: Pair<unknown, unknown>;
  node?: Node;
}

function resolveAlias(doc: Document.Parsed, node: unknown): unknown {
  return isAlias(node) ? node.resolve(doc) : node;
}

/**
 * Each mapping's entries by key, built on first lookup: findings are located one path at a
 * time, and a linear search per lookup made a mapping of many keys quadratic. Parsed documents
 * are never changed in place (edits are computed as text), so the index stays valid.
 */
const pairIndex = new WeakMap<YAMLMap, Map<string, Pair<unknown, unknown>>>();

export function findPair(map: unknown, key: string): Pair<unknown, unknown> | undefined {
  if (!isMap(map)) return undefined;
  let index = pairIndex.get(map);
  if (!index) {
    index = new Map();
    for (const pair of map.items as Pair<unknown, unknown>[]) {
      if (!isScalar(pair.key)) continue;
      const name = String(pair.key.value);
      if (!index.has(name)) index.set(name, pair);
    }
    pairIndex.set(map, index);
  }
  return index.get(key);
}

/** Locates the node at `path`; undefined when some step does not exist. */
export function locate(parsed: ParsedCharter, path: NodePath): Located | undefined {
  const doc = parsed.doc;
  if (!doc) return undefined;
  let located: Located = { node: (doc.contents ?? undefined) as Node | undefined };
  for (const segment of path) {
    const container = resolveAlias(doc, located.node);
    if (typeof segment === "number") {
      if (!isSeq(container)) return undefined;
      const item = container.items[segment];
      if (item === undefined) return undefined;
      located = { node: item as Node };
    } else {
      const pair = findPair(container, segment);
      if (!pair) return undefined;
      located = { pair, node: (pair.value ?? undefined) as Node | undefined };
    }
  }
  return located;
}

function nodeRange(parsed: ParsedCharter, node: unknown): Range | undefined {
  const range = (node as { range?: [number, number, number] } | undefined)?.range;
  if (!range || range[1] <= range[0]) return undefined;
  return parsed.lines.range(range[0], range[1]);
}

/** The range of the document's first line, or of its `kind:` line when there is one. */
export function documentHeadRange(parsed: ParsedCharter): Range {
  const kind = findPair(parsed.doc?.contents, "kind");
  const start = (kind?.key as { range?: number[] } | undefined)?.range?.[0];
  if (start !== undefined) {
    const line = parsed.lines.position(start).line;
    return parsed.lines.lineRange(line);
  }
  return parsed.lines.lineRange(0);
}

/**
 * The smallest range that explains a finding at `path` (each docs/rules/<id>.md): the value, else its key,
 * else the nearest parent key that exists; the document head for top-level keys.
 */
export function rangeAt(parsed: ParsedCharter, path: NodePath, anchor: Anchor = "value"): Range {
  for (let depth = path.length; depth > 0; depth--) {
    const located = locate(parsed, path.slice(0, depth));
    if (!located) continue;
    const exact = depth === path.length;
    if (exact && anchor === "value") {
      const value = nodeRange(parsed, located.node);
      if (value) return value;
    }
    const key = nodeRange(parsed, located.pair?.key);
    if (key) return key;
    if (!located.pair) {
      const value = nodeRange(parsed, located.node);
      if (value) return value;
    }
  }
  return documentHeadRange(parsed);
}
