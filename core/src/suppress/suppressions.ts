import { RULES_BY_ID, RULE_IDS } from "../rules";
import { didYouMean } from "../schema/did-you-mean";
import type { LineIndex } from "../text/line-index";
import type { Finding, Range } from "../types";

/**
 * Inline suppressions, written as whole-line YAML comments:
 *   # partner-charter-disable-next-line RULE[, RULE…] [-- reason]
 *   # partner-charter-disable RULE[, RULE…] [-- reason]      (to the end, or to a matching enable)
 *   # partner-charter-enable [RULE[, RULE…]]                  (no rules: ends every open disable)
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
/** Rules whose findings are about suppressions themselves, so they cannot be suppressed. */
const UNSUPPRESSIBLE = new Set(["unused-suppression", "config"]);

export function parseDirectives(lines: LineIndex): Directive[] {
  const directives: Directive[] = [];
  // Most charters have no suppression at all: skip the line-by-line scan for them.
  if (!lines.text.includes("partner-charter-")) return directives;
  for (let line = 0; line < lines.lineCount; line++) {
    const text = lines.lineText(line);
    if (!text.includes("partner-charter-")) continue;
    const match = DIRECTIVE.exec(text);
    if (!match) continue;
    const kind = match[2] as DirectiveKind;
    const rest = match[3] ?? "";
    const [ruleText, ...reasonParts] = rest.split(/\s--\s?/);
    const reason = reasonParts.join(" -- ").trim() || undefined;
    const rules: string[] = [];
    const ruleRanges: Range[] = [];
    const restStart = match[1]!.length + "partner-charter-".length + kind.length;
    const pattern = /[^\s,]+/g;
    for (let token = pattern.exec(ruleText ?? ""); token; token = pattern.exec(ruleText ?? "")) {
      rules.push(token[0]);
      const start = restStart + token.index;
      ruleRanges.push({ start: { line, character: start }, end: { line, character: start + token[0].length } });
    }
    const indent = text.length - text.trimStart().length;
    directives.push({
      kind,
      line,
      rules,
      reason,
      ruleRanges,
      range: { start: { line, character: indent }, end: { line, character: text.length } },
    });
  }
  return directives;
}

export interface SuppressionOutcome {
  /** Findings that remain, plus suppression problems (`config`, `unused-suppression`). */
  findings: Finding[];
  suppressed: Finding[];
}

interface Window {
  directive: Directive;
  rule: string;
  fromLine: number;
  toLine: number;
  used: boolean;
}

export function applySuppressions(
  findings: readonly Finding[],
  directives: readonly Directive[],
  lastLine: number,
): SuppressionOutcome {
  const problems: Finding[] = [];
  const windows: Window[] = [];
  const open = new Map<string, Window>();
  for (const directive of directives) {
    if (directive.kind !== "enable" && directive.rules.length === 0) {
      problems.push({
        rule: "config",
        severity: "warning",
        message: `Name the rules to disable, e.g. "# partner-charter-${directive.kind} exit-criteria -- reason".`,
        range: directive.range,
      });
      continue;
    }
    directive.rules.forEach((rule, index) => {
      if (!RULES_BY_ID.has(rule)) {
        const suggestion = didYouMean(rule, RULE_IDS);
        problems.push({
          rule: "config",
          severity: "warning",
          message: `Unknown rule "${rule}" in a suppression comment${suggestion ? `. Did you mean "${suggestion}"?` : "."}`,
          range: directive.ruleRanges[index]!,
        });
        return;
      }
      if (directive.kind === "disable-next-line") {
        windows.push({ directive, rule, fromLine: directive.line + 1, toLine: directive.line + 1, used: false });
      } else if (directive.kind === "disable") {
        if (open.has(rule)) return; // already disabled; the first directive owns the window
        const window: Window = { directive, rule, fromLine: directive.line + 1, toLine: lastLine, used: false };
        open.set(rule, window);
        windows.push(window);
      } else {
        const window = open.get(rule);
        if (window) {
          window.toLine = directive.line - 1;
          open.delete(rule);
        }
      }
    });
    if (directive.kind === "enable" && directive.rules.length === 0) {
      for (const window of open.values()) window.toLine = directive.line - 1;
      open.clear();
    }
  }
  const kept: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const finding of findings) {
    const line = finding.range.start.line;
    const window = UNSUPPRESSIBLE.has(finding.rule)
      ? undefined
      : windows.find((w) => w.rule === finding.rule && line >= w.fromLine && line <= w.toLine);
    if (window) {
      window.used = true;
      suppressed.push(finding);
    } else kept.push(finding);
  }
  const unusedByDirective = new Map<Directive, string[]>();
  for (const window of windows) {
    if (window.used) continue;
    const list = unusedByDirective.get(window.directive) ?? [];
    list.push(window.rule);
    unusedByDirective.set(window.directive, list);
  }
  for (const [directive, rules] of unusedByDirective) {
    const where = directive.kind === "disable-next-line" ? "on the next line" : "in the rest of the file";
    problems.push({
      rule: "unused-suppression",
      severity: "info",
      message: `This suppression of ${rules.join(", ")} suppresses nothing: no such finding ${where}. Remove it so it cannot hide a future finding.`,
      range: directive.range,
    });
  }
  return { findings: [...kept, ...problems], suppressed };
}
