import * as path from "node:path";
import { findConfigFile, loadConfigFile, type LoadedConfig } from "../config/config-file";
import { mergeRulesConfigs, type RulesConfig } from "../config/rules-config";
import { MAX_CHARTER_BYTES, parseCharter, type ParsedCharter } from "../parse/parse-charter";
import type { Charter } from "../model/charter";
import type { Finding } from "../types";
import { analyzeCharter, finishCharter, type CharterAnalysis, type CharterResult } from "./check-charter";
import { decodeCharterBytes } from "./decode";
import { megabytes, readProblemWords, readRegularFile, sizeWords } from "./read-file";
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

export function checkFiles(files: readonly string[], options: FilesCheckOptions): FilesCheckResult {
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
  const slim = options.retain === "findings";
  const analyses: { file: string; analysis: CharterAnalysis; summary?: unknown }[] = [];
  const summarize = options.summarize;
  for (const file of files) {
    const config = configFor(file);
    const rules = mergeRulesConfigs(options.baseRules, config?.rules);
    const override = options.overrides?.get(file);
    const read = override !== undefined ? { text: override } : readCharterText(file);
    if ("finding" in read) {
      const analysis = unreadableAnalysis(read.finding, rules);
      analyses.push({ file, analysis, summary: summarize?.(analysis) });
      continue;
    }
    const analysis = analyzeCharter(read.text, { today: options.today, rules });
    const summary = summarize?.(analysis);
    analyses.push({ file, analysis: slim ? slimAnalysis(analysis) : analysis, summary });
  }
  const duplicates = duplicateIdFindings(analyses.map(({ file, analysis }) => ({ file, id: analysis.id })));
  return {
    charters: analyses.map(({ file, analysis, summary }) => ({
      file,
      result: finishCharter(analysis, duplicates.get(file)),
      ...(summarize ? { summary } : {}),
    })),
    configs: [...configs.values()],
  };
}

/** The analysis of a file that could not be read: its one finding, no charter, no score. */
export function unreadableAnalysis(finding: Finding, rules: RulesConfig | undefined): CharterAnalysis {
  return { parsed: parseCharter(""), charter: undefined, findings: [finding], rules, scored: false };
}

/** What `retain: "findings"` keeps of an analysis (see FilesCheckOptions.retain). */
function slimAnalysis(analysis: CharterAnalysis): CharterAnalysis {
  const { parsed, charter } = analysis;
  const slimParsed: ParsedCharter = {
    text: parsed.text,
    lines: parsed.lines, // suppression comments are read from it once duplicate-id is known
    doc: undefined,
    data: undefined,
    syntaxFindings: parsed.syntaxFindings,
  };
  const slimCharter: Charter | undefined = charter && { id: charter.id, title: charter.title };
  return { ...analysis, parsed: slimParsed, charter: slimCharter, facts: undefined };
}
