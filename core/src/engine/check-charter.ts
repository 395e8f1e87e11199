import { effectiveOptions, type RulesConfig } from "../config/rules-config";
import type { Charter } from "../model/charter";
import { locate, parseCharter, rangeAt, type ParsedCharter } from "../parse/parse-charter";
import { RULES, RULES_BY_ID } from "../rules";
import type { AnyRule, Report } from "../rules/rule";
import { validateCharterData, type SchemaProblem } from "../schema/validate-charter";
import { applySuppressions, parseDirectives } from "../suppress/suppressions";
import { compareFindings, type Finding, type NodePath, type Range, type Severity } from "../types";
import { resolveFixes, sectionSkeletonFix } from "./fixes";

/**
 * The pipeline every adapter calls: parse → model with ranges → schema → rules → findings.
 * `analyzeCharter` does the per-file work; `finishCharter` applies suppressions once the
 * cross-file findings (duplicate-id) are known. `checkCharter` does both for one file.
 */

export interface CheckOptions {
  /** "Today" as YYYY-MM-DD for date-relative rules. */
  today: string;
  /** Severity and options per rule (config file layered over editor settings). */
  rules?: RulesConfig;
}

export interface CharterAnalysis {
  parsed: ParsedCharter;
  /** The charter data when the file parsed to a mapping. */
  charter: Charter | undefined;
  /** The `id` when it is a valid slug, with the range of its value. */
  id?: { value: string; range: Range };
  findings: Finding[];
  rules: RulesConfig | undefined;
}

export interface CharterResult extends CharterAnalysis {
  /** Findings silenced by suppression comments (counted in reports). */
  suppressed: Finding[];
}

/** The severity a finding of `ruleId` gets, or undefined when the rule is off. */
export function severityFor(
  ruleId: string,
  proposed: Severity | undefined,
  rules: RulesConfig | undefined,
): Severity | undefined {
  const configured = rules?.[ruleId]?.severity;
  if (configured === "off") return undefined;
  if (configured) return configured;
  return proposed ?? RULES_BY_ID.get(ruleId)?.meta.defaultSeverity ?? "error";
}

/** True when `inner` is `outer` or lies inside it. */
function within(inner: readonly (string | number)[], outer: readonly (string | number)[]): boolean {
  return outer.length <= inner.length && outer.every((segment, i) => String(segment) === String(inner[i]));
}

function schemaFindings(
  parsed: ParsedCharter,
  problems: SchemaProblem[],
  rules: RulesConfig | undefined,
  today: string,
): Finding[] {
  const severity = severityFor("schema", undefined, rules);
  if (!severity) return [];
  return problems.map((problem) => {
    // A missing key is reported on its parent's key (the document head for top-level keys).
    const range = problem.missingKey
      ? rangeAt(parsed, problem.path.slice(0, -1), "key")
      : rangeAt(parsed, problem.path, problem.anchor);
    const finding: Finding = { rule: "schema", severity, message: problem.message, range };
    const fixes = [];
    if (problem.missingKey) {
      const fix = sectionSkeletonFix(parsed, problem.path, today);
      if (fix) fixes.push(fix);
    }
    if (problem.suggestion && locate(parsed, problem.path)) {
      const [fix] = resolveFixes(parsed, [
        {
          title: `Change to "${problem.suggestion}"`,
          safe: true,
          edits: [{ kind: "replace", at: problem.path, anchor: problem.anchor, text: problem.suggestion }],
        },
      ]);
      if (fix) fixes.push(fix);
    }
    if (fixes.length) finding.fixes = fixes;
    return finding;
  });
}

function ruleIsBlocked(rule: AnyRule, flagged: NodePath[]): boolean {
  return rule.meta.reads.some((read) => {
    const readPath = read.split(".");
    return flagged.some((bad) => within(bad, readPath) || within(readPath, bad));
  });
}

function runRule(rule: AnyRule, parsed: ParsedCharter, charter: Charter, options: CheckOptions, sink: Finding[]): void {
  if (!rule.check) return;
  const report = (item: Report): void => {
    const severity = severityFor(rule.meta.id, item.severity, options.rules);
    if (!severity) return;
    const finding: Finding = {
      rule: rule.meta.id,
      severity,
      message: item.message,
      range: rangeAt(parsed, item.at, item.anchor ?? "value"),
    };
    if (item.related?.length) {
      finding.related = item.related.map((related) => ({
        range: rangeAt(parsed, related.at, related.anchor ?? "value"),
        message: related.message,
      }));
    }
    if (item.fixes?.length) {
      const fixes = resolveFixes(parsed, item.fixes);
      if (fixes.length) finding.fixes = fixes;
    }
    sink.push(finding);
  };
  try {
    rule.check({ charter, today: options.today, options: effectiveOptions(rule, options.rules), report });
  } catch (error) {
    // A rule bug must never take the whole check down or lose the other findings.
    sink.push({
      rule: rule.meta.id,
      severity: "error",
      message: `Internal error in rule ${rule.meta.id}: ${(error as Error).message}. Please report this; the other rules ran normally.`,
      range: rangeAt(parsed, [], "key"),
    });
  }
}

export function analyzeCharter(text: string, options: CheckOptions): CharterAnalysis {
  const parsed = parseCharter(text);
  const analysis: CharterAnalysis = { parsed, charter: undefined, findings: [], rules: options.rules };
  if (parsed.syntaxFindings.length > 0) {
    const severity = severityFor("yaml-syntax", undefined, options.rules);
    analysis.findings = severity ? parsed.syntaxFindings.map((finding) => ({ ...finding, severity })) : [];
    return analysis;
  }
  const data = parsed.data;
  const problems = validateCharterData(data);
  analysis.findings.push(...schemaFindings(parsed, problems, options.rules, options.today));
  if (data === null || typeof data !== "object" || Array.isArray(data)) return analysis;
  const charter = data as Charter;
  analysis.charter = charter;
  const flagged = problems.map((problem) => problem.path);
  if (typeof charter.id === "string" && !flagged.some((bad) => within(bad, ["id"]) || bad.length === 0)) {
    analysis.id = { value: charter.id, range: rangeAt(parsed, ["id"], "value") };
  }
  for (const rule of RULES) {
    if (!rule.check || ruleIsBlocked(rule, flagged)) continue;
    if (severityFor(rule.meta.id, undefined, options.rules) === undefined) continue;
    runRule(rule, parsed, charter, options, analysis.findings);
  }
  return analysis;
}

/** Applies suppression comments to the analysis plus any cross-file findings. */
export function finishCharter(analysis: CharterAnalysis, extraFindings: readonly Finding[] = []): CharterResult {
  const directives = parseDirectives(analysis.parsed.lines);
  const all = [...analysis.findings, ...extraFindings];
  const outcome = applySuppressions(all, directives, analysis.parsed.lines.lineCount - 1);
  const findings: Finding[] = [];
  for (const finding of outcome.findings) {
    if (finding.rule === "config" || finding.rule === "unused-suppression") {
      const severity = severityFor(finding.rule, finding.severity, analysis.rules);
      if (severity) findings.push({ ...finding, severity });
    } else findings.push(finding);
  }
  findings.sort(compareFindings);
  return { ...analysis, findings, suppressed: outcome.suppressed };
}

export function checkCharter(text: string, options: CheckOptions): CharterResult {
  return finishCharter(analyzeCharter(text, options));
}
