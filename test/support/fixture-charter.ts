import * as fs from "node:fs";
import * as path from "node:path";
import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node, type Pair, type YAMLMap } from "yaml";

/**
 * A fixture that names a base charter (`# base: strategic` → test/fixtures/bases/strategic.partner.yaml)
 * holds only what differs from it. The full charter is built by splicing lines as text:
 *
 * - a key whose value is an indented block of keys (`phases:` then `  crawl: …`) merges into the
 *   base's mapping key by key;
 * - any other value — a scalar, a list, a `{ … }` flow mapping — replaces the base's value whole;
 * - `key: ~` removes the key (`key: null` sets it to null);
 * - keys the base lacks are added at the end of their mapping.
 *
 * Every fixture line that ends up in the charter is copied verbatim, so its columns are the
 * fixture's columns, and `origin` maps each line of the built text back to its fixture line.
 * A finding on a base line cannot be expected in the fixture: the fixture must restate that key.
 */

export const BASES = path.join(__dirname, "..", "fixtures", "bases");

/** The line of the built text each line came from. */
export type LineOrigin = { from: "fixture" | "base"; line: number };

export interface BuiltCharter {
  /** The base's name, or undefined for a fixture that is a full charter. */
  base: string | undefined;
  text: string;
  origin: LineOrigin[];
}

const BASE_DIRECTIVE = /^#\s*base:\s*([a-z0-9-]+)\s*$/;

/** The `# base: NAME` line among the comments before a fixture's first key, if any. */
function baseDirective(lines: readonly string[]): { name: string; line: number } | undefined {
  for (const [index, line] of lines.entries()) {
    const match = BASE_DIRECTIVE.exec(line.trim());
    if (match) return { name: match[1]!, line: index };
    if (!isCommentOrBlank(line)) return undefined;
  }
  return undefined;
}

/** The base a fixture names, if any. */
export function baseNameOf(fixtureText: string): string | undefined {
  return baseDirective(fixtureText.split("\n"))?.name;
}

export function readBase(name: string): string {
  const file = path.join(BASES, `${name}.partner.yaml`);
  if (!fs.existsSync(file)) throw new Error(`# base: ${name} — there is no ${path.relative(process.cwd(), file)}`);
  return fs.readFileSync(file, "utf8");
}

/** Builds the full charter a fixture describes (the fixture itself when it names no base). */
export function buildFixtureCharter(fixtureText: string): BuiltCharter {
  const base = baseNameOf(fixtureText);
  if (!base) {
    const lines = fixtureText.split("\n");
    return { base, text: fixtureText, origin: lines.map((_, line) => ({ from: "fixture", line })) };
  }
  return { base, ...mergeIntoBase(readBase(base), fixtureText) };
}

interface Source {
  from: LineOrigin["from"];
  lines: string[];
  lineOf(offset: number): number;
}

/** A block-mapping entry's lines: comments and blank lines before its key, then key to last content line. */
interface Entry {
  key: string;
  pair: Pair<Node, Node | null>;
  leadStart: number;
  keyLine: number;
  lastLine: number;
}

function load(text: string, from: Source["from"], what: string): { doc: Document; source: Source } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  if (doc.errors.length) throw new Error(`${what} is not valid YAML: ${doc.errors[0]!.message}`);
  const lines = text.split("\n");
  return { doc, source: { from, lines, lineOf: (offset) => lineCounter.linePos(offset).line - 1 } };
}

function isBlockMap(node: unknown): node is YAMLMap<Node, Node | null> {
  return isMap(node) && !node.flow;
}

function isRemoval(node: Node | null): boolean {
  return isScalar(node) && node.value === null && node.source === "~";
}

function isCommentOrBlank(line: string): boolean {
  const trimmed = line.trim();
  return trimmed === "" || trimmed.startsWith("#");
}

function entriesOf(map: YAMLMap<Node, Node | null>, source: Source, firstLine: number): Entry[] {
  const entries: Entry[] = [];
  let leadStart = firstLine;
  for (const pair of map.items) {
    if (!isScalar(pair.key) || !pair.key.range) throw new Error(`only plain keys are supported in a fixture`);
    const keyLine = source.lineOf(pair.key.range[0]);
    const value = pair.value;
    // A block node's range runs over the comments that follow it: end at its last content line.
    let lastLine = value?.range ? source.lineOf(Math.max(value.range[0], value.range[1] - 1)) : keyLine;
    const blockScalar = isScalar(value) && (value.type === "BLOCK_LITERAL" || value.type === "BLOCK_FOLDED");
    while (!blockScalar && lastLine > keyLine && isCommentOrBlank(source.lines[lastLine]!)) lastLine--;
    entries.push({ key: String(pair.key.value), pair, leadStart, keyLine, lastLine });
    leadStart = lastLine + 1;
  }
  return entries;
}

class Builder {
  readonly lines: string[] = [];
  readonly origin: LineOrigin[] = [];
  copy(source: Source, from: number, to: number): void {
    for (let line = from; line <= to; line++) {
      this.lines.push(source.lines[line]!);
      this.origin.push({ from: source.from, line });
    }
  }
}

function mergeMaps(
  out: Builder,
  base: { map: YAMLMap<Node, Node | null>; source: Source; firstLine: number },
  patch: { map: YAMLMap<Node, Node | null>; source: Source; firstLine: number },
  where: string,
  mergeNested: boolean,
): void {
  const baseEntries = entriesOf(base.map, base.source, base.firstLine);
  const patchEntries = entriesOf(patch.map, patch.source, patch.firstLine);
  const patchByKey = new Map(patchEntries.map((entry) => [entry.key, entry]));
  const baseKeys = new Set(baseEntries.map((entry) => entry.key));
  for (const entry of baseEntries) {
    const override = patchByKey.get(entry.key);
    if (!override) {
      out.copy(base.source, entry.leadStart, entry.lastLine);
    } else if (isRemoval(override.pair.value)) {
      continue;
    } else if (mergeNested && isBlockMap(entry.pair.value) && isBlockMap(override.pair.value)) {
      out.copy(patch.source, override.leadStart, override.keyLine);
      mergeMaps(
        out,
        { map: entry.pair.value, source: base.source, firstLine: entry.keyLine + 1 },
        { map: override.pair.value, source: patch.source, firstLine: override.keyLine + 1 },
        `${where}${entry.key}.`,
        true,
      );
    } else {
      out.copy(patch.source, override.leadStart, override.lastLine);
    }
  }
  for (const entry of patchEntries) {
    if (baseKeys.has(entry.key)) continue;
    if (isRemoval(entry.pair.value)) {
      throw new Error(`the fixture removes ${where}${entry.key}, which the base does not have`);
    }
    out.copy(patch.source, entry.leadStart, entry.lastLine);
  }
}

/** What the spliced text must parse to: the same merge, done on data. */
function mergeData(base: unknown, patch: Node | null, baseNode: unknown, mergeNested: boolean): unknown {
  const merged = { ...(base as Record<string, unknown>) };
  for (const pair of (patch as YAMLMap<Node, Node | null>).items) {
    const key = String((pair.key as { value: unknown }).value);
    const baseValue = (baseNode as YAMLMap).get(key, true);
    if (isRemoval(pair.value)) delete merged[key];
    else if (mergeNested && isBlockMap(pair.value) && isBlockMap(baseValue)) {
      merged[key] = mergeData(merged[key], pair.value, baseValue, true);
    } else merged[key] = pair.value == null ? null : pair.value.toJSON();
  }
  return merged;
}

/**
 * `merge: "deep"` (fixtures) merges block mappings at every level; `"sections"` (a rule's doc
 * examples, which show whole sections) lets each top-level key replace the base's section.
 */
export function mergeIntoBase(
  baseText: string,
  fixtureText: string,
  merge: "deep" | "sections" = "deep",
): { text: string; origin: LineOrigin[] } {
  const base = load(baseText, "base", "the base");
  const patch = load(fixtureText, "fixture", "the fixture");
  if (!isBlockMap(base.doc.contents)) throw new Error("the base must be a block mapping");
  const baseEntries = entriesOf(base.doc.contents, base.source, 0);
  const out = new Builder();
  // The fixture's lines up to its `# base:` line open the charter (the base's own header is
  // dropped); the comments after it travel with the key below them, as a suppression comment must.
  const headerEnd = baseDirective(patch.source.lines)?.line ?? -1;
  out.copy(patch.source, 0, headerEnd);
  if (patch.doc.contents == null) {
    out.copy(patch.source, headerEnd + 1, patch.source.lines.length - 1);
    out.copy(base.source, baseEntries[0]!.keyLine, base.source.lines.length - 1);
  } else {
    if (!isBlockMap(patch.doc.contents)) throw new Error("a fixture with a base must be a block mapping of keys");
    mergeMaps(
      out,
      { map: base.doc.contents, source: base.source, firstLine: baseEntries[0]!.keyLine },
      { map: patch.doc.contents, source: patch.source, firstLine: headerEnd + 1 },
      "",
      merge === "deep",
    );
    // The fixture's comments after its last key (the base's trailing comments are dropped).
    const patchEntries = entriesOf(patch.doc.contents, patch.source, headerEnd + 1);
    out.copy(patch.source, patchEntries[patchEntries.length - 1]!.lastLine + 1, patch.source.lines.length - 1);
  }
  const text = out.lines.join("\n");
  const built = parseDocument(text, { uniqueKeys: true });
  const expected =
    patch.doc.contents == null
      ? base.doc.toJSON()
      : mergeData(base.doc.toJSON(), patch.doc.contents, base.doc.contents, merge === "deep");
  if (built.errors.length || JSON.stringify(built.toJSON()) !== JSON.stringify(expected)) {
    throw new Error(
      "the fixture's lines do not fit into the base (indent nested keys as the base does, two spaces a level):\n" +
        text,
    );
  }
  return { text, origin: out.origin };
}
