import { effectiveOptions, type RulesConfig } from "../config/rules-config";
import { charterFacts, isRecord, readsAsCharter, type CharterFacts } from "../facts";
import type { Charter } from "../model/charter";
import type { Program, ProgramSetting } from "../program/program";
import { tierAt } from "../program/program";
import { judgingProgram } from "../program/membership";
import type { ProgramLabel } from "../model/charter-view";
import { locate, parseCharter, rangeAt, type ParsedCharter } from "../parse/parse-charter";
import { RULES, RULES_BY_ID } from "../rules";
import type { AnyRule, Report } from "../rules/rule";
import { validateCharterData, type SchemaProblem } from "../schema/validate-charter";
import { applySuppressions, parseDirectives } from "../suppress/suppressions";
import { compareFindings, comparePositions, type Finding, type NodePath, type Range } from "../types";
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
  /**
   * The partner program the charter belongs to (the nearest `*.partner-program.yaml`, loaded
   * once per program file: `loadProgram`). Absent: no program applies.
   */
  program?: ProgramSetting;
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
  /** The file reads as a charter, so it has a health score (`charterHealth`). */
  scored: boolean;
  /** The program the charter belongs to, as its page names it (when a program applies). */
  program?: ProgramLabel;
}

export interface CharterResult extends CharterAnalysis {
  /** Findings silenced by suppression comments (counted in reports). */
  suppressed: Finding[];
}

/** True when `inner` is `outer` or lies inside it. */
function within(inner: readonly (string | number)[], outer: readonly (string | number)[]): boolean {
  return outer.length <= inner.length && outer.every((segment, i) => String(segment) === String(inner[i]));
}

/** The value at `path` as written in the file, in double quotes (a plain one-line scalar only). */
function quotedSource(parsed: ParsedCharter, path: NodePath): string | undefined {
  const range = (locate(parsed, path)?.node as { range?: number[] } | undefined)?.range;
  if (!range) return undefined;
  const source = parsed.text.slice(range[0], range[1]).trim();
  return source === "" || /[\n"'#]/.test(source) ? undefined : JSON.stringify(source);
}

/**
 * Each fix is checked by parsing the edited text, so a file with thousands of schema problems
 * (20,000 unknown keys) gets fixes for its first problems only, and the removal of an unknown
 * key or the quoting of a value for its first few: the check stays fast.
 */
const MAX_FIXED_SCHEMA_PROBLEMS = 200;
const MAX_REMOVALS = 10;

/** The schema's findings; `sectionFixes`: a missing charter section gets its skeleton as a quick fix. */
export function schemaFindings(
  parsed: ParsedCharter,
  problems: SchemaProblem[],
  today: string,
  sectionFixes = true,
): Finding[] {
  const severity = defaultSeverity("schema");
  let removals = 0;
  return problems.map((problem, index) => {
    // A missing key is reported on its parent's key (the document head for top-level keys).
    const range = problem.missingKey
      ? rangeAt(parsed, problem.path.slice(0, -1), "key")
      : rangeAt(parsed, problem.path, problem.anchor);
    const finding: Finding = { rule: "schema", severity, message: problem.message, range };
    if (index >= MAX_FIXED_SCHEMA_PROBLEMS) return finding;
    const fixes = [];
    if (problem.missingKey && sectionFixes) {
      const fix = sectionSkeletonFix(parsed, problem.path, today);
      if (fix) fixes.push(fix);
    }
    if (problem.suggestion && locate(parsed, problem.path)) {
      const [fix] = resolveFixes(parsed, [
        {
          title: `Change to "${problem.suggestion}"`,
          // A misspelling corrected changes no agreed term; another value (`tier: 2`, the apiVersion) may.
          safe: problem.spelling === true,
          edits: [{ kind: "replace", at: problem.path, anchor: problem.anchor, text: problem.suggestion }],
        },
      ]);
      if (fix) fixes.push(fix);
    }
    const few = (problem.quote || problem.unknownKey !== undefined) && removals++ < MAX_REMOVALS;
    const quoted = problem.quote && few ? quotedSource(parsed, problem.path) : undefined;
    if (quoted !== undefined) {
      const [fix] = resolveFixes(parsed, [
        { title: `Put ${quoted} in quotes`, safe: false, edits: [{ kind: "replace", at: problem.path, text: quoted }] },
      ]);
      if (fix) fixes.push(fix);
    }
    if (problem.unknownKey && few && locate(parsed, problem.path)) {
      const [fix] = resolveFixes(parsed, [
        { title: `Remove "${problem.unknownKey}"`, safe: false, edits: [{ kind: "remove", at: problem.path }] },
      ]);
      if (fix) fixes.push(fix);
    }
    if (fixes.length) finding.fixes = fixes;
    return finding;
  });
}

interface RuleRun {
  parsed: ParsedCharter;
  /** The file's data as the rules read it: without the nodes in `unread`'s mapping entries. */
  data: unknown;
  /** The charter's facts; absent for a program file. */
  facts?: CharterFacts;
  options: CheckOptions;
  /** The nodes no rule reads: those the schema reported and the undecided (`TODO`) values. */
  unread: readonly NodePath[];
  /** The nodes the schema reported: no rule reports on them again. */
  flagged: readonly NodePath[];
}

/** A finding with the path its rule reported it at (the engine's own bookkeeping). */
interface RuleFinding {
  finding: Finding;
  at: NodePath;
}

function runRule(rule: AnyRule, run: RuleRun, sink: RuleFinding[]): void {
  const { parsed, facts, options } = run;
  const found: RuleFinding[] = [];
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
    found.push({ finding, at: item.at });
  };
  try {
    const context = { today: options.today, options: effectiveOptions(rule, options.rules), report };
    if (facts) {
      const program = options.program ?? {};
      rule.check?.({ ...context, charter: run.data as Charter, facts, program });
    } else rule.checkProgram?.({ ...context, program: run.data as Program });
  } catch (error) {
    // A rule bug must never take the whole check down or lose the other findings. A rule that
    // reads a node the schema reported may trip over it: that node's finding is the schema's.
    if (!run.unread.some((node) => rule.meta.reads.some((read) => touches(node, parseRead(read))))) {
      sink.push({
        finding: {
          rule: rule.meta.id,
          severity: "error",
          message: `Internal error in rule ${rule.meta.id}: ${(error as Error).message}. Please report this; the other rules ran normally.`,
          range: rangeAt(parsed, [], "key"),
        },
        at: [],
      });
    }
  }
  sink.push(...found.filter(({ at }) => readsOnlyWhatWasRead(rule, at, run)));
}

/**
 * A rule's finding stands when none of the nodes it depends on is unread (docs/rules/README.md,
 * "What a rule reads"), and it does not sit on a node the schema already reported.
 */
function readsOnlyWhatWasRead(rule: AnyRule, at: NodePath, run: RuleRun): boolean {
  if (run.flagged.some((node) => within(at, node))) return false;
  const reads = dependencies(rule, at);
  return !run.unread.some((node) => reads.some((read) => touches(node, read)));
}

/** A read of `meta.reads`: its path, and whether only the node's presence is read (a trailing `?`). */
interface Read {
  path: readonly string[];
  presence: boolean;
}

function parseRead(read: string): Read {
  const presence = read.endsWith("?");
  const path = presence ? read.slice(0, -1) : read;
  return { path: path === "" ? [] : path.split("."), presence };
}

function matches(pattern: string, segment: string | number): boolean {
  return pattern === "*" || pattern === String(segment);
}

/**
 * True when the unread `node` bears on the read: they lie on one branch (equal, or one inside
 * the other). A presence read is touched only by the node itself or a node above it.
 */
function touches(node: NodePath, read: Read): boolean {
  if (read.presence && node.length > read.path.length) return false;
  const shared = Math.min(node.length, read.path.length);
  for (let i = 0; i < shared; i++) if (!matches(read.path[i]!, node[i]!)) return false;
  return true;
}

/** True when the pattern `inner` lies inside the pattern `outer` (a `*` of `outer` covers anything). */
function patternWithin(inner: readonly string[], outer: readonly string[]): boolean {
  return inner.length >= outer.length && outer.every((segment, i) => segment === "*" || segment === inner[i]);
}

/**
 * The reads a finding at `at` depends on: inside one of the rule's subjects (a phase, a side, a
 * metric), the reads of that very subject and the reads outside every subject; elsewhere, all.
 */
function dependencies(rule: AnyRule, at: NodePath): Read[] {
  const reads = rule.meta.reads.map(parseRead);
  const subjects = (rule.meta.subjects ?? []).map((subject) => parseRead(subject).path);
  const subject = subjects.find(
    (pattern) => at.length >= pattern.length && touches(at, { path: pattern, presence: false }),
  );
  if (!subject) return reads;
  const instance = at.slice(0, subject.length).map(String);
  return reads.flatMap((read) => {
    const owner = subjects.find((pattern) => patternWithin(read.path, pattern));
    if (!owner) return [read];
    return owner === subject ? [{ ...read, path: [...instance, ...read.path.slice(subject.length)] }] : [];
  });
}

/** The paths to prune as a tree: a node with `remove` set is dropped, its children pruned inside. */
interface PruneNode {
  remove: boolean;
  children: Map<string, PruneNode>;
}

function pruneTree(paths: readonly NodePath[]): PruneNode {
  const root: PruneNode = { remove: false, children: new Map() };
  for (const path of paths) {
    let node = root;
    for (const segment of path) {
      const key = String(segment);
      let child = node.children.get(key);
      if (!child) node.children.set(key, (child = { remove: false, children: new Map() }));
      node = child;
    }
    if (path.length > 0) node.remove = true;
  }
  return root;
}

/**
 * `data` without the mapping entries at `paths`. Only the mappings and lists on the way are
 * copied, each once, whatever the number of paths (a charter with thousands of flagged keys
 * must not be copied once per key). List items keep their positions.
 */
function withoutEntries(data: unknown, paths: readonly NodePath[]): unknown {
  return paths.length ? prune(data, pruneTree(paths)) : data;
}

function prune(data: unknown, tree: PruneNode): unknown {
  if (tree.children.size === 0) return data;
  if (Array.isArray(data)) {
    const items = [...data];
    for (const [index, child] of tree.children) {
      const i = Number(index);
      if (i in items && !child.remove) items[i] = prune(items[i], child);
    }
    return items;
  }
  if (!isRecord(data)) return data;
  // Object.fromEntries defines own properties: a key named "__proto__" stays data.
  const entries: [string, unknown][] = [];
  for (const [key, value] of Object.entries(data)) {
    const child = tree.children.get(key);
    if (!child) entries.push([key, value]);
    else if (!child.remove) entries.push([key, prune(value, child)]);
  }
  return Object.fromEntries(entries);
}

/**
 * The keys an unknown key most likely meant (`exitCritera` for `exitCriteria`): the schema's
 * "did you mean" already reports that the intended key is not there, so no rule says it again.
 */
function misspelt(problems: readonly SchemaProblem[]): NodePath[] {
  return problems
    .filter((problem) => problem.anchor === "key" && problem.suggestion && !problem.missingKey)
    .map((problem) => [...problem.path.slice(0, -1), problem.suggestion!]);
}

/** Drops the findings a rule that `supersedes` them reports on the same range (one problem, one finding). */
function resolveOverlaps(findings: readonly Finding[]): Finding[] {
  const winners = findings.filter((finding) => RULES_BY_ID.get(finding.rule)?.meta.supersedes);
  if (winners.length === 0) return [...findings];
  return findings.filter(
    (finding) =>
      !winners.some((winner) => {
        const beaten = RULES_BY_ID.get(winner.rule)!.meta.supersedes!;
        return (
          winner !== finding &&
          winner.rule !== finding.rule &&
          (beaten === "*" || beaten.includes(finding.rule)) &&
          sameRange(winner.range, finding.range)
        );
      }),
  );
}

function sameRange(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.start) === 0 && comparePositions(a.end, b.end) === 0;
}

export function analyzeCharter(text: string, options: CheckOptions): CharterAnalysis {
  const parsed = parseCharter(text);
  const analysis: CharterAnalysis = {
    parsed,
    charter: undefined,
    findings: [],
    rules: options.rules,
    scored: readsAsCharter(parsed.data, parsed.syntaxFindings.length),
  };
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
  analysis.id = validId(parsed, charter.id, problems);
  const program = judgingProgram(charter.program, options.program ?? {});
  if (program) {
    const tier = tierAt(program, charter.tier);
    analysis.program = {
      title: program.title,
      companyName: program.companyName,
      tierName: tier?.name,
      ...(tier?.maxPartners !== undefined ? { maxPartners: tier.maxPartners } : {}),
    };
  }
  analysis.findings.push(...ruleFindings(parsed, problems, facts.placeholders, { data, facts, options }));
  return analysis;
}

/** The file's `id` with the range of its value, when the schema let it through. */
export function validId(
  parsed: ParsedCharter,
  id: unknown,
  problems: readonly SchemaProblem[],
): { value: string; range: Range } | undefined {
  if (typeof id !== "string" || problems.some(({ path }) => within(path, ["id"]) || path.length === 0))
    return undefined;
  return { value: id, range: rangeAt(parsed, ["id"], "value") };
}

/**
 * Runs the rules of a file (a charter's, or with no `facts` a program file's) on its data
 * without the unread nodes: those the schema flagged, the keys they misspell, the `TODO`s.
 */
export function ruleFindings(
  parsed: ParsedCharter,
  problems: readonly SchemaProblem[],
  placeholders: readonly { path: NodePath; exact: boolean }[],
  input: { data: unknown; facts?: CharterFacts; options: CheckOptions },
): Finding[] {
  const { data, facts, options } = input;
  const flagged = problems.map((problem) => problem.path);
  const undecided = placeholders.filter((placeholder) => placeholder.exact).map(({ path }) => path);
  const unread = [...flagged, ...misspelt(problems), ...undecided];
  const run: RuleRun = { parsed, data: withoutEntries(data, unread), facts, options, unread, flagged };
  const found: RuleFinding[] = [];
  for (const rule of RULES) {
    if (!(facts ? rule.check : rule.checkProgram) || isRuleOff(rule.meta.id, options.rules)) continue;
    // An ended charter is history: progress against today is not judged.
    if (rule.meta.judgesProgress && facts?.ended) continue;
    runRule(rule, run, found);
  }
  return resolveOverlaps(found.map(({ finding }) => finding));
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
