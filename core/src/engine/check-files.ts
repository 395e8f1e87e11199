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
  /** What `FilesCheckOptions.summarize` returned for the file. */
  summary?: unknown;
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
}

/** The main thread's part before the per-file work: each file's config (discovered once per folder), as jobs in input order. */
export interface CheckPlan {
  jobs: FileJob[];
  configs: LoadedConfig[];
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
  const jobs = files.map((file): FileJob => {
    const rules = mergeRulesConfigs(options.baseRules, configFor(file)?.rules);
    return { file, text: options.overrides?.get(file), today: options.today, rules };
  });
  return { jobs, configs: [...configs.values()] };
}

/** The per-file work: read (unless the job holds the text), decode, analyze. */
export function analyzeFile(job: FileJob): CharterAnalysis {
  const read = job.text !== undefined ? { text: job.text } : readCharterText(job.file);
  if ("finding" in read) return unreadableAnalysis(read.finding, job.rules);
  return analyzeCharter(read.text, { today: job.today, rules: job.rules });
}

/** The per-file work of a report over many files (`retain: "findings"`), in any thread. */
export function summarizeFile(job: FileJob): FileSummary {
  return summaryOf(analyzeFile(job));
}

/** What a report over many files keeps of an analysis: plain data, no parsed document. */
function summaryOf(analysis: CharterAnalysis): FileSummary {
  const { parsed, charter, findings, id, scored } = analysis;
  const summary: FileSummary = { text: parsed.text, findings, syntaxFindings: parsed.syntaxFindings, scored };
  if (id) summary.id = id;
  if (charter) summary.charter = { id: charter.id, title: charter.title };
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

/** The main thread's part after the per-file work: the cross-file findings over all files, then each file finished, in input order. */
export function finishCheck(plan: CheckPlan, analyses: readonly CharterAnalysis[]): FilesCheckResult {
  const duplicates = duplicateIdFindings(plan.jobs.map(({ file }, i) => ({ file, id: analyses[i]!.id })));
  return {
    charters: plan.jobs.map(({ file }, i) => ({ file, result: finishCharter(analyses[i]!, duplicates.get(file)) })),
    configs: plan.configs,
  };
}

/**
 * Runs the per-file work of a plan: one summary per job, in the jobs' order. The CLI's worker
 * pool is one; `checkFiles` runs them in this thread.
 */
export type SummarizeFiles = (jobs: readonly FileJob[]) => Promise<FileSummary[]>;

/** `checkFiles` with the per-file work handed to `summarize` (e.g. worker threads); always slim. */
export async function checkFilesWith(
  files: readonly string[],
  options: FilesCheckOptions,
  summarize: SummarizeFiles,
): Promise<FilesCheckResult> {
  const plan = planCheck(files, options);
  const summaries = await summarize(plan.jobs);
  return finishCheck(
    plan,
    summaries.map((summary, i) => fileAnalysis(summary, plan.jobs[i]!.rules)),
  );
}

export function checkFiles(files: readonly string[], options: FilesCheckOptions): FilesCheckResult {
  const plan = planCheck(files, options);
  const { summarize } = options;
  const extras: unknown[] = [];
  const analyses = plan.jobs.map((job) => {
    const analysis = analyzeFile(job);
    // `summarize` sees the whole analysis, before `retain` slims it
    if (summarize) extras.push(summarize(analysis));
    return options.retain === "findings" ? fileAnalysis(summaryOf(analysis), job.rules) : analysis;
  });
  const result = finishCheck(plan, analyses);
  if (!summarize) return result;
  return { ...result, charters: result.charters.map((outcome, i) => ({ ...outcome, summary: extras[i] })) };
}

/** The analysis of a file that could not be read: its one finding, no charter, no score. */
export function unreadableAnalysis(finding: Finding, rules: RulesConfig | undefined): CharterAnalysis {
  return { parsed: parseCharter(""), charter: undefined, findings: [finding], rules, scored: false };
}
