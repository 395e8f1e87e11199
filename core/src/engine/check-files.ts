import type * as Crypto from "node:crypto";
import * as path from "node:path";
import { findConfigFile, loadConfigFile, type LoadedConfig } from "../config/config-file";
import { mergeRulesConfigs, type RulesConfig } from "../config/rules-config";
import { MAX_CHARTER_BYTES, parseCharter, type ParsedCharter } from "../parse/parse-charter";
import type { Charter } from "../model/charter";
import type { Finding } from "../types";
import { analyzeCharter, finishCharter, type CharterAnalysis, type CharterResult } from "./check-charter";
import { decodeCharterBytes } from "./decode";
import { megabytes, readProblemWords, readRegularFile, sizeWords } from "./read-file";
import { LineIndex } from "../text/line-index";
import { duplicateIdFindings } from "./workspace";
import { isRecord } from "../facts/read";
import { analyzeProgram, type ProgramAnalysis } from "../program/analyze-program";
import { ProgramFinder, programSetting } from "../program/discover-program";
import type { ProgramMember, ProgramSetting } from "../program/program";
import { programConflictFindings, tierCapacityFindings, type ProgramEntry } from "../program/program-findings";
import { isProgramFileName } from "../workspace/file-kinds";
import { rangeAt } from "../parse/parse-charter";

/**
 * Checking files on disk (CLI, benchmarks): read, decode, find each file's config, analyze,
 * add the cross-file findings, finish. The language server does the same steps with the
 * editor's text instead of the disk's.
 */

export interface FilesCheckOptions {
  today: string;
  /** Use this config file for every charter instead of discovering one per folder. */
  configFile?: string;
  /** Rules from editor settings: below the config file in precedence. */
  baseRules?: RulesConfig;
  /** Stop config discovery at this folder. */
  root?: string;
  /** Text to use instead of reading a file (e.g. `check -` with `--stdin-filepath`). */
  overrides?: ReadonlyMap<string, string>;
  /**
   * What each result keeps. `"all"` (the default): everything `checkCharter` returns.
   * `"findings"`, for reports over many files (`check` on a corpus): the findings, the
   * suppressed findings, the text and its line index, and of the charter data only `id` and
   * `title`; `parsed.doc` and `parsed.data` are undefined. The parsed documents are what makes
   * memory (and garbage collection) grow with the number of files.
   */
  retain?: "all" | "findings";
  /**
   * Called with each file's analysis before `retain` slims it; what it returns (plain data) is
   * kept as the outcome's `summary`. The portfolio reads each charter's facts this way.
   */
  summarize?: (analysis: CharterAnalysis) => unknown;
}

export interface FileOutcome {
  file: string;
  result: CharterResult;
  /** What `FilesCheckOptions.summarize` returned for the file (not for program files). */
  summary?: unknown;
  /** A partner program file (`*.partner-program.yaml`), checked as its own kind. */
  program?: boolean;
}

export interface FilesCheckResult {
  charters: FileOutcome[];
  /** Every config file used, with its own `config` findings. */
  configs: LoadedConfig[];
}

/** A charter file's text, or the located finding that says why it was not read. */
export function readCharterText(file: string): { text: string } | { finding: Finding } {
  const read = readRegularFile(file, MAX_CHARTER_BYTES);
  if (!read.ok) {
    const message =
      read.problem === "too-large"
        ? `This file is ${sizeWords(read.size, MAX_CHARTER_BYTES)}; charters are limited to ${megabytes(MAX_CHARTER_BYTES)}, so it was not checked. Split it, or check that it is really a charter.`
        : `This file could not be read (${readProblemWords(read, MAX_CHARTER_BYTES)}).`;
    return {
      finding: {
        rule: "yaml-syntax",
        severity: "error",
        message,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      },
    };
  }
  const decoded = decodeCharterBytes(read.bytes);
  return decoded.finding ? { finding: decoded.finding } : { text: decoded.text! };
}

/**
 * One file's per-file work, as the main thread hands it out: the file, its text when the caller
 * already has it (standard input, or a file the cache read), and the options of its analysis.
 * Plain data, so a worker thread can receive it.
 */
export interface FileJob {
  file: string;
  text?: string;
  today: string;
  rules: RulesConfig | undefined;
  /** The program the charter is judged against (plain data; discovered once per folder in the plan). */
  program?: ProgramSetting;
  /** A program file: analysed in the plan (its tiers are what the charters are judged against), not by a worker. */
  programFile?: true;
}

/**
 * What makes a job's result what it is, as one string (a SHA-256): the text checked and every
 * option of the job (its rules, today, and whatever option a later job carries, such as the
 * file's program), with `salt` (the tool's version). `--cache` reuses a result whose key is the same.
 */
export function fileJobKey(job: FileJob, text: string, salt: string): string {
  const { file: _file, text: _text, ...options } = job;
  // Loaded on first use, as in charterDigest: node:crypto costs ~4 ms at start, and only --cache needs it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createHash } = require("node:crypto") as typeof Crypto;
  return createHash("sha256")
    .update(salt)
    .update("\0")
    .update(JSON.stringify(options))
    .update("\0")
    .update(text)
    .digest("hex");
}

/**
 * What the per-file work returns for a report over many files: the slim analysis as plain data
 * (no class instances), so it can cross to another thread or into the cache. `fileAnalysis`
 * turns it back into an analysis.
 */
export interface FileSummary {
  text: string;
  findings: Finding[];
  syntaxFindings: Finding[];
  id?: CharterAnalysis["id"];
  charter?: { id?: unknown; title?: unknown };
  scored: boolean;
  /** What the cross-file program rules need of the charter, when it belongs to a program. */
  member?: ProgramMember;
}

/** The main thread's part before the per-file work: each file's config (discovered once per folder), as jobs in input order. */
export interface CheckPlan {
  jobs: FileJob[];
  configs: LoadedConfig[];
  /** Every program file read, by absolute path: those among the files and those found above a charter. */
  programs: Map<string, ProgramAnalysis>;
}

export function planCheck(files: readonly string[], options: FilesCheckOptions): CheckPlan {
  const configs = new Map<string, LoadedConfig>();
  // Charters of one folder share their config file: look it up once per folder.
  const configPathByFolder = new Map<string, string | undefined>();
  const configPathFor = (file: string): string | undefined => {
    if (options.configFile) return options.configFile;
    const folder = path.dirname(path.resolve(file));
    if (configPathByFolder.has(folder)) return configPathByFolder.get(folder);
    const found = findConfigFile(file, options.root);
    configPathByFolder.set(folder, found);
    return found;
  };
  const configFor = (file: string): LoadedConfig | undefined => {
    const configPath = configPathFor(file);
    if (!configPath) return undefined;
    let loaded = configs.get(configPath);
    if (!loaded) {
      loaded = loadConfigFile(configPath);
      configs.set(configPath, loaded);
    }
    return loaded;
  };
  const read = (file: string): { text: string } | { finding: Finding } => {
    const override = options.overrides?.get(file);
    return override !== undefined ? { text: override } : readCharterText(file);
  };
  // Each program file is read and analysed once, whether it is among the files or only found above a charter.
  const programs = new Map<string, ProgramAnalysis>();
  const programAt = (file: string): ProgramAnalysis => {
    let analysis = programs.get(file);
    if (!analysis) {
      const rules = mergeRulesConfigs(options.baseRules, configFor(file)?.rules);
      const text = read(file);
      analysis =
        "finding" in text
          ? { ...unreadableAnalysis(text.finding, rules), ref: { file } }
          : analyzeProgram(text.text, file, { today: options.today, rules });
      programs.set(file, analysis);
    }
    return analysis;
  };
  const finder = new ProgramFinder({ root: options.root, extraFiles: options.overrides?.keys() });
  const jobs = files.map((file): FileJob => {
    const rules = mergeRulesConfigs(options.baseRules, configFor(file)?.rules);
    if (isProgramFileName(path.basename(file))) {
      programAt(path.resolve(file));
      // The other program files of its folder, for program-conflict.
      for (const sibling of finder.programFilesFor(file)) programAt(sibling);
      return { file, today: options.today, rules, programFile: true };
    }
    const program = programSetting(finder.programFilesFor(file), (found) => programAt(found).ref);
    return { file, text: options.overrides?.get(file), today: options.today, rules, program };
  });
  return { jobs, configs: [...configs.values()], programs };
}

/** The per-file work: read (unless the job holds the text), decode, analyze. */
export function analyzeFile(job: FileJob): CharterAnalysis {
  const read = job.text !== undefined ? { text: job.text } : readCharterText(job.file);
  if ("finding" in read) return unreadableAnalysis(read.finding, job.rules);
  return analyzeCharter(read.text, { today: job.today, rules: job.rules, program: job.program ?? {} });
}

/** The per-file work of a report over many files (`retain: "findings"`), in any thread. */
export function summarizeFile(job: FileJob): FileSummary {
  return summaryOf(job, analyzeFile(job));
}

/** What a report over many files keeps of an analysis: plain data, no parsed document. */
function summaryOf(job: FileJob, analysis: CharterAnalysis): FileSummary {
  const { parsed, charter, findings, id, scored } = analysis;
  const summary: FileSummary = { text: parsed.text, findings, syntaxFindings: parsed.syntaxFindings, scored };
  if (id) summary.id = id;
  if (charter) summary.charter = { id: charter.id, title: charter.title };
  const member = job.program && programMember(job.file, analysis, job.program);
  if (member) summary.member = member;
  return summary;
}

/** A summary back as the slim analysis `finishCharter` reads (see FilesCheckOptions.retain). */
export function fileAnalysis(summary: FileSummary, rules: RulesConfig | undefined): CharterAnalysis {
  const parsed: ParsedCharter = {
    text: summary.text,
    lines: new LineIndex(summary.text), // suppression comments are read from it once duplicate-id is known
    doc: undefined,
    data: undefined,
    syntaxFindings: summary.syntaxFindings,
  };
  const analysis: CharterAnalysis = {
    parsed,
    charter: summary.charter as Charter | undefined,
    findings: summary.findings,
    rules,
    scored: summary.scored,
  };
  if (summary.id) analysis.id = summary.id;
  return analysis;
}

/**
 * The main thread's part after the per-file work: the cross-file findings over all files
 * (`duplicate-id` among charters, `program-conflict` and `tier-capacity` over the programs and
 * their members), then each file finished, in input order. `analyses[i]` is job i's analysis
 * (for a program file, the plan's own).
 */
export function finishCheck(
  plan: CheckPlan,
  analyses: readonly CharterAnalysis[],
  members: readonly ProgramMember[],
): FilesCheckResult {
  const charterIds = plan.jobs.flatMap(({ file, programFile }, i) =>
    programFile ? [] : [{ file, id: analyses[i]!.id }],
  );
  const entries = [...plan.programs.values()].map(programEntry);
  const crossFile = [
    duplicateIdFindings(charterIds),
    programConflictFindings(entries),
    tierCapacityFindings(entries, members),
  ];
  const extra = (file: string, program?: boolean): Finding[] =>
    crossFile.flatMap((findings) => findings.get(program ? path.resolve(file) : file) ?? []);
  return {
    charters: plan.jobs.map(({ file, programFile }, i) => ({
      file,
      result: finishCharter(analyses[i]!, extra(file, programFile)),
      ...(programFile ? { program: true } : {}),
    })),
    configs: plan.configs,
  };
}

/** A program file's analysis as the plan holds it. */
function programAnalysis(plan: CheckPlan, job: FileJob): CharterAnalysis {
  return plan.programs.get(path.resolve(job.file))!;
}

/**
 * Runs the per-file work of a plan: one summary per job, in the jobs' order. The CLI's worker
 * pool is one; `checkFiles` runs them in this thread.
 */
export type SummarizeFiles = (jobs: readonly FileJob[]) => Promise<FileSummary[]>;

/** `checkFiles` with the per-file work of the charters handed to `summarize` (e.g. worker threads); always slim. */
export async function checkFilesWith(
  files: readonly string[],
  options: FilesCheckOptions,
  summarize: SummarizeFiles,
): Promise<FilesCheckResult> {
  const plan = planCheck(files, options);
  const summaries = await summarize(plan.jobs.filter((job) => !job.programFile));
  const members: ProgramMember[] = [];
  let next = 0;
  const analyses = plan.jobs.map((job) => {
    if (job.programFile) return programAnalysis(plan, job);
    const summary = summaries[next++]!;
    if (summary.member) members.push(summary.member);
    return fileAnalysis(summary, job.rules);
  });
  return finishCheck(plan, analyses, members);
}

export function checkFiles(files: readonly string[], options: FilesCheckOptions): FilesCheckResult {
  const plan = planCheck(files, options);
  const { summarize } = options;
  const extras: unknown[] = [];
  const members: ProgramMember[] = [];
  const analyses = plan.jobs.map((job) => {
    if (job.programFile) {
      extras.push(undefined);
      return programAnalysis(plan, job);
    }
    const analysis = analyzeFile(job);
    // `summarize` sees the whole analysis, before `retain` slims it
    if (summarize) extras.push(summarize(analysis));
    const summary = summaryOf(job, analysis);
    if (summary.member) members.push(summary.member);
    return options.retain === "findings" ? fileAnalysis(summary, job.rules) : analysis;
  });
  const result = finishCheck(plan, analyses, members);
  if (!summarize) return result;
  return { ...result, charters: result.charters.map((outcome, i) => ({ ...outcome, summary: extras[i] })) };
}

/** What the cross-file program rules need of a charter that belongs to a program. */
export function programMember(
  file: string,
  analysis: CharterAnalysis,
  setting: ProgramSetting,
): ProgramMember | undefined {
  const programFile = setting.program?.file;
  const charter = analysis.charter;
  if (!programFile || !charter) return undefined;
  const tier = typeof charter.tier === "string" ? charter.tier : undefined;
  return {
    file,
    programFile,
    tier,
    ended: charter.status === "ended",
    tierRange: tier ? rangeAt(analysis.parsed, ["tier"], "value") : undefined,
  };
}

/** A program file as the cross-file rules read it: its id's range and each tier's `maxPartners` range. */
export function programEntry(analysis: ProgramAnalysis): ProgramEntry {
  const { parsed, ref } = analysis;
  const capacityRanges: ProgramEntry["capacityRanges"] = {};
  const data = parsed.data;
  if (isRecord(data) && Array.isArray(data.tiers)) {
    data.tiers.forEach((tier, index) => {
      if (isRecord(tier) && typeof tier.tier === "string" && typeof tier.maxPartners === "number") {
        capacityRanges[tier.tier] = rangeAt(parsed, ["tiers", index, "maxPartners"], "value");
      }
    });
  }
  return {
    file: ref.file,
    ref,
    idRange: analysis.id?.range ?? rangeAt(parsed, [], "key"),
    capacityRanges,
  };
}

/** The analysis of a file that could not be read: its one finding, no charter, no score. */
export function unreadableAnalysis(finding: Finding, rules: RulesConfig | undefined): CharterAnalysis {
  return { parsed: parseCharter(""), charter: undefined, findings: [finding], rules, scored: false };
}
