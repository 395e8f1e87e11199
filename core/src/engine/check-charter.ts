import { effectiveOptions, type RulesConfig } from "../config/rules-config";
import { charterFacts, isRecord, type CharterFacts } from "../facts";
import type { Charter } from "../model/charter";
import { locate, parseCharter, rangeAt, type ParsedCharter } from "../parse/parse-charter";
import { RULES } from "../rules";
import type { AnyRule, Report } from "../rules/rule";
import { validateCharterData, type SchemaProblem } from "../schema/validate-charter";
import { applySuppressions, parseDirectives } from "../suppress/suppressions";
import { compareFindings, type Finding, type NodePath, type Range } from "../types";
import { resolveFixes, sectionSkeletonFix } from "./fixes";
import { applySeverities, defaultSeverity, isRuleOff } from "./severity";

/**
 * The pipeline every adapter calls: parse → model with ranges → schema → rules → findings.
 * `analyzeCharter` does the per-file work; `finishCharter` applies the configured
 * severities and the suppressions once the cross-file findings (duplicate-id) are known.
 * `checkCharter` does both for one file.
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
  /** The findings with the severity their producer proposes; `finishCharter` applies the configuration. */
  findings: Finding[];
  rules: RulesConfig | undefined;
  /** The charter's facts (computed on first use), shared by rules, lenses, the preview and the diff. */
  facts?: CharterFacts;
}

export interface CharterResult extends CharterAnalysis {
  /** Findings silenced by suppression comments (counted in reports). */
  suppressed: Finding[];
}

/** True when `inner` is `outer` or lies inside it. */
function within(inner: readonly (string | number)[], outer: readonly (string | number)[]): boolean {
  return outer.length <= inner.length && outer.every((segment, i) => String(segment) === String(inner[i]));
}

function schemaFindings(parsed: ParsedCharter, problems: SchemaProblem[], today: string): Finding[] {
  const severity = defaultSeverity("schema");
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

interface RuleRun {
  parsed: ParsedCharter;
  charter: Charter;
  facts: CharterFacts;
  options: CheckOptions;
}

function runRule(rule: AnyRule, run: RuleRun, sink: Finding[]): void {
  if (!rule.check) return;
  const { parsed, charter, facts, options } = run;
  const report = (item: Report): void => {
    const finding: Finding = {
      rule: rule.meta.id,
      severity: item.severity ?? rule.meta.defaultSeverity,
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
    rule.check({ charter, facts, today: options.today, options: effectiveOptions(rule, options.rules), report });
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
    analysis.findings = [...parsed.syntaxFindings];
    return analysis;
  }
  const data = parsed.data;
  const facts = charterFacts(data, { today: options.today, rules: options.rules });
  analysis.facts = facts;
  const problems = validateCharterData(data);
  analysis.findings.push(...schemaFindings(parsed, problems, options.today));
  if (!isRecord(data)) return analysis;
  const charter = data as Charter;
  analysis.charter = charter;
  const flagged = problems.map((problem) => problem.path);
  if (typeof charter.id === "string" && !flagged.some((bad) => within(bad, ["id"]) || bad.length === 0)) {
    analysis.id = { value: charter.id, range: rangeAt(parsed, ["id"], "value") };
  }
  for (const rule of RULES) {
    if (!rule.check || ruleIsBlocked(rule, flagged) || isRuleOff(rule.meta.id, options.rules)) continue;
    runRule(rule, { parsed, charter, facts, options }, analysis.findings);
  }
  return analysis;
}

/**
 * Applies the configured severities (the one place they are decided) and the suppression
 * comments to the analysis plus any cross-file findings.
 */
export function finishCharter(analysis: CharterAnalysis, extraFindings: readonly Finding[] = []): CharterResult {
  const rated = applySeverities([...analysis.findings, ...extraFindings], analysis.rules);
  const directives = parseDirectives(analysis.parsed.lines);
  const outcome = applySuppressions(rated, directives, analysis.parsed.lines.lineCount - 1);
  const findings = [...outcome.kept, ...applySeverities(outcome.problems, analysis.rules)].sort(compareFindings);
  return { ...analysis, findings, suppressed: outcome.suppressed };
}

export function checkCharter(text: string, options: CheckOptions): CharterResult {
  return finishCharter(analyzeCharter(text, options));
}
