import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node, type Pair } from "yaml";
import { LineIndex } from "../text/line-index";
import type { Anchor, Finding, NodePath, Range } from "../types";

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

const FRIENDLY_SYNTAX_MESSAGES: Record<string, string> = {
  TAB_AS_INDENT: "Tabs cannot indent YAML; indent with spaces instead.",
  MULTIPLE_DOCS:
    "A charter file holds exactly one YAML document, but a second one starts here ('---'). Move the other charter to its own file.",
  DUPLICATE_KEY: "This key appears twice in the same section; keep one of them.",
  BAD_INDENT: "The indentation here does not line up with the surrounding keys.",
  MISSING_CHAR: "", // the parser's own text names the missing character
};

function syntaxMessage(code: string, raw: string): string {
  const friendly = FRIENDLY_SYNTAX_MESSAGES[code];
  if (friendly) return friendly;
  // The parser appends " at line N, column M:" and a source excerpt; the range already says where.
  const base = raw
    .split("\n")[0]!
    .replace(/ at line \d+, column \d+:?\s*$/, "")
    .trim();
  const sentence = base.charAt(0).toUpperCase() + base.slice(1);
  return /[.!?]$/.test(sentence) ? `YAML syntax: ${sentence}` : `YAML syntax: ${sentence}.`;
}

/** Removes a UTF-8 byte order mark, which editors hide and YAML treats as content. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function wholeFileFinding(lines: LineIndex, message: string): Finding {
  return { rule: "yaml-syntax", severity: "error", message, range: lines.lineRange(0) };
}

export function parseCharter(input: string): ParsedCharter {
  const text = stripBom(input);
  const lines = new LineIndex(text);
  if (text.length > MAX_CHARTER_BYTES) {
    const mb = (text.length / (1024 * 1024)).toFixed(1);
    return {
      text,
      lines,
      doc: undefined,
      data: undefined,
      syntaxFindings: [
        wholeFileFinding(
          lines,
          `This file is ${mb} MB; charters are limited to ${MAX_CHARTER_BYTES / (1024 * 1024)} MB, so it was not checked. Split it, or check that it is really a charter.`,
        ),
      ],
    };
  }
  // logLevel "error": the library's warnings (a list as a key) would reach the CLI's stderr; the schema reports them.
  const doc = parseDocument(text, {
    prettyErrors: false,
    uniqueKeys: true,
    keepSourceTokens: false,
    logLevel: "error",
  });
  const syntaxFindings: Finding[] = doc.errors.map((error) => ({
    rule: "yaml-syntax",
    severity: "error",
    message: syntaxMessage(error.code, error.message),
    range: lines.range(error.pos[0], Math.max(error.pos[1], error.pos[0] + 1)),
  }));
  if (syntaxFindings.length > 0) return { text, lines, doc, data: undefined, syntaxFindings };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    // yaml throws when aliases expand past maxAliasCount; report at the first alias.
    const first = firstAliasOffset(doc) ?? 0;
    syntaxFindings.push({
      rule: "yaml-syntax",
      severity: "error",
      message: `The aliases (*name) in this file expand to too many nodes; write the values out instead of referencing them more than ${MAX_ALIAS_COUNT} times.`,
      range: lines.range(first, lines.lineEnd(lines.position(first).line)),
    });
  }
  const loop = syntaxFindings.length === 0 ? cyclicAlias(doc) : undefined;
  if (loop) {
    // The data would contain itself: every reader downstream (digest, diff, the preview's JSON) would loop.
    data = undefined;
    syntaxFindings.push({
      rule: "yaml-syntax",
      severity: "error",
      message: `The alias *${loop.source} stands for a section that contains it, so that section would contain itself without end. Write the values out instead.`,
      range: lines.range(loop.range[0], loop.range[1]),
    });
  }
  return { text, lines, doc, data, syntaxFindings };
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

export function findPair(map: unknown, key: string): Pair<unknown, unknown> | undefined {
  if (!isMap(map)) return undefined;
  return map.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === key) as
    Pair<unknown, unknown> | undefined;
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
