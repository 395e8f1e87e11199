import { isDeepStrictEqual } from "node:util";
import {
  analyzeCharter,
  charterView,
  finishCharter,
  parseCharter,
  signCharter,
  type CharterResult,
  type Finding,
  type Fix,
  type Range,
  type TextEdit,
} from "../../../core/src";
import { diffCharters, formatDiffJson, formatDiffMarkdown, formatDiffText } from "../../../core/src/diff";
import { applyTextEdits } from "../../../core/src/engine/text-edits";
import {
  charterLenses,
  charterOutline,
  completionsAt,
  disableForFileEdit,
  disableForLineEdit,
  foldingRegions,
  hoverAt,
  safeFixEdits,
  type OutlineNode,
} from "../../../core/src/navigation";
import { renderCharterHtml, renderCharterMarkdown } from "../../../core/src/render";
import { LineIndex } from "../../../core/src/text/line-index";

/**
 * One fuzz case through the whole core, as the CLI and the server use it: check, facts,
 * the preview's view, render (HTML and Markdown), diff against the charter it came from,
 * navigation (completion, hover, outline, folding, lenses, code actions) at the probed
 * positions, every quick fix and "fix all", and signing. It returns every broken invariant,
 * each named by the area of the product it belongs to, so a report says whose it is.
 */

export const TODAY = "2026-11-24";

export interface Violation {
  /** The product area: where to look (and whose it is). */
  area: string;
  invariant: string;
  detail: string;
}

/**
 * Words a partnership manager must never read: validator internals, JavaScript leaking
 * through. `undefined` counts outside quotes only: a message may quote the charter's own text.
 */
const JARGON_WORDS =
  /must NOT have|must have required|instancePath|schemaPath|\banyOf\b|\boneOf\b|additionalProperties|Maximum call stack|\[object |\[native code\]|function \w*\(\)|Cannot read properties|is not a function|is not iterable/;

export const JARGON = {
  exec(text: string): { 0: string } | null {
    return JARGON_WORDS.exec(text) ?? /\bundefined\b/.exec(text.replace(/"[^"]*"|“[^”]*”/g, ""));
  },
};

/** The jargon in a text, if any. */
export function jargonIn(text: string): string | undefined {
  return JARGON.exec(text)?.[0];
}

/** The same, for rendered pages and diffs, which quote the charter's own text (`undefined` may be a value). */
const RENDER_JARGON = /\[object |\[native code\]|function \w*\(\) \{|Maximum call stack/;

class Probe {
  readonly violations: Violation[] = [];

  constructor(private readonly text: string) {}

  /** Runs `step`; an exception is a violation of `area`. */
  run<T>(area: string, step: () => T): T | undefined {
    try {
      return step();
    } catch (error) {
      this.fail(
        area,
        "no exception escapes",
        (error as Error)?.stack?.split("\n").slice(0, 6).join("\n") ?? String(error),
      );
      return undefined;
    }
  }

  fail(area: string, invariant: string, detail: string): void {
    this.violations.push({ area, invariant, detail });
  }

  /** A range inside the text: lines that exist, columns within them, start before end. */
  checkRange(area: string, what: string, lines: LineIndex, range: Range | undefined): void {
    if (!range) return this.fail(area, "every finding is located inside the file", `${what}: no range`);
    const inside = (p: { line: number; character: number }): boolean =>
      Number.isInteger(p.line) &&
      Number.isInteger(p.character) &&
      p.line >= 0 &&
      p.character >= 0 &&
      p.line < lines.lineCount &&
      p.character <= lines.lineText(p.line).length;
    const ordered =
      range.start.line < range.end.line ||
      (range.start.line === range.end.line && range.start.character <= range.end.character);
    if (!inside(range.start) || !inside(range.end) || !ordered) {
      this.fail(
        area,
        "every finding is located inside the file",
        `${what}: ${JSON.stringify(range)} (${lines.lineCount} lines)`,
      );
    }
  }

  checkWords(
    area: string,
    what: string,
    text: string | undefined,
    pattern: { exec(text: string): { 0: string } | null } = JARGON,
  ): void {
    if (text === undefined) return;
    const match = pattern.exec(text);
    if (match)
      this.fail(area, "no message carries jargon", `${what}: "${match[0]}" in ${JSON.stringify(text.slice(0, 300))}`);
  }

  /** Applies edits after checking they are inside the text and do not overlap. */
  applyChecked(area: string, what: string, lines: LineIndex, edits: readonly TextEdit[]): string | undefined {
    for (const edit of edits) this.checkRange(area, `${what} edit`, lines, edit.range);
    const spans = edits
      .map((edit) => [lines.offset(edit.range.start), lines.offset(edit.range.end)] as const)
      .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    for (let i = 1; i < spans.length; i++) {
      if (spans[i]![0] < spans[i - 1]![1]) return (this.fail(area, "edits do not overlap", what), undefined);
    }
    return applyTextEdits(lines.text, edits);
  }

  /** A fix leaves valid YAML without duplicate keys. */
  checkFixedText(area: string, title: string, fixed: string): void {
    const reparsed = parseCharter(fixed);
    if (reparsed.syntaxFindings.length > 0) {
      this.fail(
        area,
        "every quick fix leaves valid YAML without duplicate keys",
        `"${title}": ${reparsed.syntaxFindings[0]!.message}\n--- fixed text ---\n${fixed.slice(0, 1500)}`,
      );
    }
  }
}

const baseCache = new Map<string, CharterResult>();

function check(text: string): CharterResult {
  return finishCharter(analyzeCharter(text, { today: TODAY }));
}

/** The offsets of the changed part of `before` (what `after` replaced), by common prefix and suffix. */
export function changedSpan(before: string, after: string): [number, number] {
  let prefix = 0;
  const max = Math.min(before.length, after.length);
  while (prefix < max && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  return [prefix, before.length - suffix];
}

function outlineNodes(nodes: readonly OutlineNode[] | undefined): OutlineNode[] {
  return (nodes ?? []).flatMap((node) => [node, ...outlineNodes(node.children)]);
}

/** Everything the core offers for one text, with the invariants that must hold. */
export function probeCore(text: string, positions: readonly (readonly [number, number])[], base?: string): Violation[] {
  const probe = new Probe(text);
  const result = probe.run("check", () => check(text));
  if (!result) return probe.violations;
  const parsed = result.parsed;
  const lines = parsed.lines;

  // Findings: located inside the file, in plain words; their fixes leave valid YAML.
  const findings: Finding[] = [...result.findings, ...result.suppressed];
  for (const finding of findings) {
    const area = `rule ${finding.rule}`;
    probe.checkRange(area, `${finding.rule} "${finding.message}"`, lines, finding.range);
    probe.checkWords(area, `${finding.rule} message`, finding.message);
    for (const related of finding.related ?? []) {
      if (!related.file) probe.checkRange(area, `${finding.rule} related`, lines, related.range);
      probe.checkWords(area, `${finding.rule} related message`, related.message);
    }
    for (const fix of finding.fixes ?? []) checkFix(probe, `fix of ${finding.rule}`, lines, fix);
  }
  const fixAll = probe.run("fix all", () => safeFixEdits(text, result.findings));
  if (fixAll && fixAll.edits.length > 0 && parsed.syntaxFindings.length === 0) {
    const fixed = probe.applyChecked("fix all", "fix all", lines, fixAll.edits);
    if (fixed !== undefined) probe.checkFixedText("fix all", "fix all", fixed);
  }

  // The preview's view (sent as JSON), the rendered pages.
  const view = probe.run("charter view", () =>
    charterView(result, { uri: "file:///fuzz.partner.yaml", fileName: "fuzz.partner.yaml", today: TODAY }),
  );
  if (view) {
    probe.run("charter view (JSON for the preview)", () => JSON.stringify(view));
    const html = probe.run("render html", () => renderCharterHtml(view, { mode: "standalone" }));
    probe.checkWords("render html", "page", html, RENDER_JARGON);
    const live = html && /<script|<img src=x|href\s*=\s*["']?\s*javascript:/i.exec(html);
    if (html && live)
      probe.fail(
        "render html",
        "every string from the charter is escaped",
        html.slice(Math.max(0, live.index - 60), live.index + 60),
      );
    const markdown = probe.run("render markdown", () => renderCharterMarkdown(view));
    probe.checkWords("render markdown", "page", markdown, RENDER_JARGON);
  }

  // The diff against the charter this one was made from.
  if (base !== undefined) {
    let baseResult = baseCache.get(base);
    if (!baseResult) {
      baseResult = check(base);
      baseCache.set(base, baseResult);
    }
    const diff = probe.run("diff", () =>
      diffCharters(
        { label: "base", charter: baseResult.charter, findings: baseResult.findings, facts: baseResult.facts },
        { label: "head", charter: result.charter, findings: result.findings, facts: result.facts },
      ),
    );
    if (diff) {
      probe.checkWords(
        "diff",
        "text",
        probe.run("diff text", () => formatDiffText(diff)),
        RENDER_JARGON,
      );
      probe.checkWords(
        "diff",
        "markdown",
        probe.run("diff markdown", () => formatDiffMarkdown(diff)),
        RENDER_JARGON,
      );
      probe.run("diff json", () => formatDiffJson(diff));
    }
  }

  // Navigation: outline, folding, lenses; completion, hover and code actions where probed.
  const outline = probe.run("outline", () => charterOutline(parsed));
  for (const node of outlineNodes(outline)) {
    probe.checkRange("outline", `symbol ${node.name}`, lines, node.range);
    probe.checkWords("outline", "symbol", `${node.name} ${node.detail ?? ""}`, RENDER_JARGON);
  }
  const folds = probe.run("folding", () => foldingRegions(parsed)) ?? [];
  for (const fold of folds) {
    if (fold.startLine < 0 || fold.endLine >= lines.lineCount || fold.endLine < fold.startLine) {
      probe.fail("folding", "every region is inside the file", JSON.stringify(fold));
    }
  }
  for (const lens of probe.run("code lens", () => charterLenses(parsed, result.facts)) ?? []) {
    probe.checkRange("code lens", lens.title, lines, lens.range);
    probe.checkWords("code lens", "title", lens.title);
  }
  for (const [line, character] of positions) {
    const position = { line: line % (lines.lineCount + 1), character };
    const candidates = probe.run("completion", () => completionsAt(text, position, { today: TODAY })) ?? [];
    for (const candidate of candidates)
      probe.checkWords("completion", candidate.label, `${candidate.label} ${candidate.detail ?? ""}`, RENDER_JARGON);
    const hover = probe.run("hover", () => hoverAt(parsed, position));
    if (hover) {
      probe.checkRange("hover", "hover", lines, hover.range);
      probe.checkWords("hover", "hover", hover.markdown, RENDER_JARGON);
    }
    // Suppression comments are computed on the editor's text as it is (a byte order mark included).
    const rawLines = new LineIndex(text);
    for (const finding of result.findings.filter(
      (f) => f.range.start.line <= position.line && position.line <= f.range.end.line,
    )) {
      const lineEdit = probe.run("suppression comments", () =>
        disableForLineEdit(text, finding.range.start.line, finding.rule),
      );
      if (lineEdit)
        checkFix(probe, "suppression comments", rawLines, {
          title: "disable for this line",
          edits: [lineEdit],
          safe: false,
        });
      const fileEdit = probe.run("suppression comments", () => disableForFileEdit(text, finding.rule));
      if (fileEdit)
        checkFix(probe, "suppression comments", rawLines, {
          title: "disable for this file",
          edits: [fileEdit],
          safe: false,
        });
    }
  }

  // Signing: where it signs, the signed text parses and differs only in the signatures.
  probeSigning(probe, result);
  return probe.violations;
}

function checkFix(probe: Probe, area: string, lines: LineIndex, fix: Fix): void {
  const fixed = probe.applyChecked(area, `"${fix.title}"`, lines, fix.edits);
  probe.checkWords(area, "fix title", fix.title);
  if (fixed === undefined || parseCharter(lines.text).syntaxFindings.length > 0) return;
  probe.checkFixedText(area, fix.title, fixed);
}

function probeSigning(probe: Probe, result: CharterResult): void {
  for (const party of ["us", "partner"] as const) {
    const outcome = probe.run("sign", () =>
      signCharter(result, { party, name: "Fuzz Signer", date: TODAY, replace: true }),
    );
    if (!outcome?.signed) continue;
    const before = result.parsed.text;
    const signed = parseCharter(outcome.text);
    if (signed.syntaxFindings.length > 0) {
      probe.fail("sign", "the signed charter is valid YAML", signed.syntaxFindings[0]!.message);
      continue;
    }
    const data = signed.data as { signatures?: unknown[] };
    const others = { ...(signed.data as object), signatures: undefined };
    const original = { ...(result.parsed.data as object), signatures: undefined };
    if (!isDeepStrictEqual(others, original))
      probe.fail("sign", "signing changes nothing but the signatures", "the data outside signatures changed");
    const entry = data.signatures?.find((s) => (s as { party?: unknown }).party === party) as
      { name?: unknown } | undefined;
    if (entry?.name !== "Fuzz Signer") probe.fail("sign", "the signature is written", JSON.stringify(data.signatures));
    // Bytes: the changed part of the file lies inside the `signatures` section (or is an insertion).
    const [from, to] = changedSpan(before, outcome.text);
    if (to > from) {
      const pair = (
        result.parsed.doc?.contents as {
          items?: { key?: { value?: unknown; range?: number[] }; value?: { range?: number[] } }[];
        }
      )?.items?.find((item) => item.key?.value === "signatures");
      const start = pair?.key?.range?.[0] ?? before.length;
      const end = pair?.value?.range?.[2] ?? pair?.value?.range?.[1] ?? pair?.key?.range?.[1] ?? before.length;
      if (from < start || to > Math.max(end, before.trimEnd().length)) {
        probe.fail(
          "sign",
          "sign never changes a byte outside its edit",
          `changed ${from}–${to}, signatures at ${start}–${end}: ${JSON.stringify(before.slice(from, Math.min(to, from + 200)))}`,
        );
      }
    }
  }
}
