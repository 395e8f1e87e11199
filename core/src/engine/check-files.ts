import * as path from "node:path";
import { findConfigFile, loadConfigFile, type LoadedConfig } from "../config/config-file";
import { mergeRulesConfigs, type RulesConfig } from "../config/rules-config";
import { MAX_CHARTER_BYTES, parseCharter, type ParsedCharter } from "../parse/parse-charter";
import { isRecord } from "../facts/read";
import type { Charter } from "../model/charter";
import { analyzeProgram, type ProgramAnalysis } from "../program/analyze-program";
import { ProgramFinder, programSetting } from "../program/discover-program";
import type { ProgramMember, ProgramSetting } from "../program/program";
import { programConflictFindings, tierCapacityFindings, type ProgramEntry } from "../program/program-findings";
import { isProgramFileName } from "../workspace/file-kinds";
import { rangeAt } from "../parse/parse-charter";
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
}

export interface FileOutcome {
  file: string;
  result: CharterResult;
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
  const analyses: { file: string; analysis: CharterAnalysis; program?: boolean }[] = [];
  const members: ProgramMember[] = [];
  for (const file of files) {
    if (isProgramFileName(path.basename(file))) {
      analyses.push({ file, analysis: programAt(path.resolve(file)), program: true });
      // The other program files of its folder, for program-conflict.
      for (const sibling of finder.programFilesFor(file)) programAt(sibling);
      continue;
    }
    const config = configFor(file);
    const rules = mergeRulesConfigs(options.baseRules, config?.rules);
    const text = read(file);
    if ("finding" in text) {
      analyses.push({ file, analysis: unreadableAnalysis(text.finding, rules) });
      continue;
    }
    const program = programSetting(finder.programFilesFor(file), (found) => programAt(found).ref);
    const analysis = analyzeCharter(text.text, { today: options.today, rules, program });
    const member = programMember(file, analysis, program);
    if (member) members.push(member);
    analyses.push({ file, analysis: slim ? slimAnalysis(analysis) : analysis });
  }
  const duplicates = duplicateIdFindings(
    analyses.filter((entry) => !entry.program).map(({ file, analysis }) => ({ file, id: analysis.id })),
  );
  const entries = [...programs.values()].map(programEntry);
  const crossFile = [duplicates, programConflictFindings(entries), tierCapacityFindings(entries, members)];
  const extra = (file: string, program?: boolean): Finding[] =>
    crossFile.flatMap((findings) => findings.get(program ? path.resolve(file) : file) ?? []);
  return {
    charters: analyses.map(({ file, analysis, program }) => ({
      file,
      result: finishCharter(analysis, extra(file, program)),
      ...(program ? { program } : {}),
    })),
    configs: [...configs.values()],
  };
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
