import { isSuppressible, RULES_BY_ID, RULE_IDS } from "../rules";
import { didYouMean } from "../schema/did-you-mean";
import type { LineIndex } from "../text/line-index";
import type { Finding, Fix, Range } from "../types";

/**
 * Inline suppressions, written as whole-line YAML comments:
 *   # partner-charter-disable-next-line RULE[, RULE…] [-- reason]
 *   # partner-charter-disable RULE[, RULE…] [-- reason]      (to the end, or to a matching enable)
 *   # partner-charter-enable [RULE[, RULE…]]                  (no rules: ends every open disable)
 * A rule whose metadata says `suppressible: false` is never silenced by them, and a comment
 * that names it is itself a `config` error.
 */

export type DirectiveKind = "disable-next-line" | "disable" | "enable";

export interface Directive {
  kind: DirectiveKind;
  line: number;
  rules: string[];
  reason?: string;
  range: Range;
  /** Range of each rule name in the comment, for precise `config` findings. */
  ruleRanges: Range[];
}

const DIRECTIVE = /^(\s*#\s*)partner-charter-(disable-next-line|disable|enable)\b(.*)$/;

function parseDirective(text: string, line: number): Directive | undefined {
  const match = DIRECTIVE.exec(text);
  if (!match) return undefined;
  const kind = match[2] as DirectiveKind;
  const [ruleText = "", ...reasonParts] = (match[3] ?? "").split(/\s--\s?/);
  const reason = reasonParts.join(" -- ").trim() || undefined;
  const rules: string[] = [];
  const ruleRanges: Range[] = [];
  const restStart = match[1]!.length + "partner-charter-".length + kind.length;
  const pattern = /[^\s,]+/g;
  for (let token = pattern.exec(ruleText); token; token = pattern.exec(ruleText)) {
    rules.push(token[0]);
    const start = restStart + token.index;
    ruleRanges.push({ start: { line, character: start }, end: { line, character: start + token[0].length } });
  }
  const indent = text.length - text.trimStart().length;
  const range = { start: { line, character: indent }, end: { line, character: text.length } };
  return { kind, line, rules, reason, ruleRanges, range };
}

export function parseDirectives(lines: LineIndex): Directive[] {
  const directives: Directive[] = [];
  // Most charters have no suppression at all: skip the line-by-line scan for them.
  if (!lines.text.includes("partner-charter-")) return directives;
  for (let line = 0; line < lines.lineCount; line++) {
    const text = lines.lineText(line);
    if (!text.includes("partner-charter-")) continue;
    const directive = parseDirective(text, line);
    if (directive) directives.push(directive);
  }
  return directives;
}

export interface SuppressionOutcome {
  /** Findings that no suppression silenced. */
  kept: Finding[];
  suppressed: Finding[];
  /** Problems with the suppression comments themselves (`config`, `unused-suppression`). */
  problems: Finding[];
}

interface Window {
  directive: Directive;
  rule: string;
  fromLine: number;
  toLine: number;
  used: boolean;
}

/** The line windows the directives open, and the problems of directives that name no or unknown rules. */
function windowsOf(directives: readonly Directive[], lastLine: number): { windows: Window[]; problems: Finding[] } {
  const problems: Finding[] = [];
  const windows: Window[] = [];
  const open = new Map<string, Window>();
  const openWindow = (directive: Directive, rule: string): void => {
    if (directive.kind === "disable-next-line") {
      windows.push({ directive, rule, fromLine: directive.line + 1, toLine: directive.line + 1, used: false });
    } else if (directive.kind === "disable" && !open.has(rule)) {
      // A rule already disabled keeps its first directive's window.
      const window: Window = { directive, rule, fromLine: directive.line + 1, toLine: lastLine, used: false };
      open.set(rule, window);
      windows.push(window);
    } else if (directive.kind === "enable" && open.has(rule)) {
      open.get(rule)!.toLine = directive.line - 1;
      open.delete(rule);
    }
  };
  for (const directive of directives) {
    if (directive.kind !== "enable" && directive.rules.length === 0) {
      problems.push(namesNoRule(directive));
      continue;
    }
    directive.rules.forEach((rule, index) => {
      const range = directive.ruleRanges[index]!;
      if (!RULES_BY_ID.has(rule)) problems.push(unknownRule(rule, range));
      // Such a suppression is reported once, as `config`: it opens no window, so it is never also unused.
      else if (!isSuppressible(rule) && directive.kind !== "enable") problems.push(unsuppressible(rule, range));
      else openWindow(directive, rule);
    });
    if (directive.kind === "enable" && directive.rules.length === 0) {
      for (const window of open.values()) window.toLine = directive.line - 1;
      open.clear();
    }
  }
  return { windows, problems };
}

function namesNoRule(directive: Directive): Finding {
  return {
    rule: "config",
    severity: "warning",
    message: `Name the rules to disable, e.g. "# partner-charter-${directive.kind} exit-criteria -- reason".`,
    range: directive.range,
  };
}

function unknownRule(rule: string, range: Range): Finding {
  const suggestion = didYouMean(rule, RULE_IDS);
  return {
    rule: "config",
    severity: "warning",
    message: `Unknown rule "${rule}" in a suppression comment${suggestion ? `. Did you mean "${suggestion}"?` : "."}`,
    range,
  };
}

function unsuppressible(rule: string, range: Range): Finding {
  return {
    rule: "config",
    severity: "error",
    message: `${rule} cannot be suppressed by a comment: resolve what it reports, and remove it from this comment.`,
    range,
  };
}

/**
 * The fix of an unused suppression: the comment line goes when none of its rules silenced
 * anything, else only the unused rule names go from its list. A comment is no agreed term,
 * so fix-all may apply it.
 */
function removalFix(directive: Directive, unused: readonly string[], lastLine: number): Fix {
  const { line } = directive;
  if (unused.length >= new Set(directive.rules).size) {
    const end = line < lastLine ? { line: line + 1, character: 0 } : directive.range.end;
    return {
      title: "Remove the unused suppression comment",
      safe: true,
      edits: [{ range: { start: { line, character: 0 }, end }, newText: "" }],
    };
  }
  const first = directive.ruleRanges[0]!;
  const last = directive.ruleRanges[directive.ruleRanges.length - 1]!;
  const kept = directive.rules.filter((rule) => !unused.includes(rule));
  return {
    title: `Remove ${unused.join(", ")} from the suppression comment`,
    safe: true,
    edits: [{ range: { start: first.start, end: last.end }, newText: kept.join(", ") }],
  };
}

/** One `unused-suppression` finding per directive with windows that silenced nothing. */
function unusedSuppressions(windows: readonly Window[], lastLine: number): Finding[] {
  const unusedByDirective = new Map<Directive, string[]>();
  for (const window of windows) {
    if (window.used) continue;
    unusedByDirective.set(window.directive, [...(unusedByDirective.get(window.directive) ?? []), window.rule]);
  }
  return [...unusedByDirective].map(([directive, rules]) => {
    const where = directive.kind === "disable-next-line" ? "on the next line" : "in the rest of the file";
    return {
      rule: "unused-suppression",
      severity: "info",
      message: `This suppression of ${rules.join(", ")} suppresses nothing: no such finding ${where}. Remove it so it cannot hide a future finding.`,
      range: directive.range,
      ...(directive.ruleRanges.length === directive.rules.length
        ? { fixes: [removalFix(directive, rules, lastLine)] }
        : {}),
    };
  });
}

export function applySuppressions(
  findings: readonly Finding[],
  directives: readonly Directive[],
  lastLine: number,
): SuppressionOutcome {
  const { windows, problems } = windowsOf(directives, lastLine);
  const kept: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const finding of findings) {
    const line = finding.range.start.line;
    const window = isSuppressible(finding.rule)
      ? windows.find((w) => w.rule === finding.rule && line >= w.fromLine && line <= w.toLine)
      : undefined;
    if (window) {
      window.used = true;
      suppressed.push(finding);
    } else kept.push(finding);
  }
  return { kept, suppressed, problems: [...problems, ...unusedSuppressions(windows, lastLine)] };
}
