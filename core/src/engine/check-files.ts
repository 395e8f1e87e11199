import * as fs from "node:fs";
import { findConfigFile, loadConfigFile, type LoadedConfig } from "../config/config-file";
import { mergeRulesConfigs, type RulesConfig } from "../config/rules-config";
import { parseCharter } from "../parse/parse-charter";
import type { Finding } from "../types";
import { analyzeCharter, finishCharter, type CharterAnalysis, type CharterResult } from "./check-charter";
import { decodeCharterBytes } from "./decode";
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
}

export interface FileOutcome {
  file: string;
  result: CharterResult;
}

export interface FilesCheckResult {
  charters: FileOutcome[];
  /** Every config file used, with its own `config` findings. */
  configs: LoadedConfig[];
}

export function readCharterText(file: string): { text: string } | { finding: Finding } {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "EISDIR" ? "it is a folder" : code === "EACCES" ? "permission denied" : (code ?? "read error");
    return {
      finding: {
        rule: "yaml-syntax",
        severity: "error",
        message: `This file could not be read (${why}).`,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      },
    };
  }
  const decoded = decodeCharterBytes(bytes);
  return decoded.finding ? { finding: decoded.finding } : { text: decoded.text! };
}

export function checkFiles(files: readonly string[], options: FilesCheckOptions): FilesCheckResult {
  const configs = new Map<string, LoadedConfig>();
  const configFor = (file: string): LoadedConfig | undefined => {
    const configPath = options.configFile ?? findConfigFile(file, options.root);
    if (!configPath) return undefined;
    let loaded = configs.get(configPath);
    if (!loaded) {
      loaded = loadConfigFile(configPath);
      configs.set(configPath, loaded);
    }
    return loaded;
  };
  const analyses: { file: string; analysis: CharterAnalysis }[] = [];
  for (const file of files) {
    const config = configFor(file);
    const rules = mergeRulesConfigs(options.baseRules, config?.rules);
    const override = options.overrides?.get(file);
    const read = override !== undefined ? { text: override } : readCharterText(file);
    if ("finding" in read) {
      const parsed = parseCharter("");
      analyses.push({ file, analysis: { parsed, charter: undefined, findings: [read.finding], rules } });
      continue;
    }
    analyses.push({ file, analysis: analyzeCharter(read.text, { today: options.today, rules }) });
  }
  const duplicates = duplicateIdFindings(
    analyses.map(({ file, analysis }) => ({ file, id: analysis.id, rules: analysis.rules })),
  );
  return {
    charters: analyses.map(({ file, analysis }) => ({ file, result: finishCharter(analysis, duplicates.get(file)) })),
    configs: [...configs.values()],
  };
}
