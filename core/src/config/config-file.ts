import * as fs from "node:fs";
import * as path from "node:path";
import { decodeCharterBytes } from "../engine/decode";
import { resolveFixes } from "../engine/fixes";
import { readProblemWords, readRegularFile } from "../engine/read-file";
import { MAX_CHARTER_BYTES, parseCharter, rangeAt } from "../parse/parse-charter";
import { didYouMean } from "../schema/did-you-mean";
import { describeValue } from "../schema/charter-schema";
import { compareFindings, type Finding, type Range } from "../types";
import { CONFIG_FILE_NAMES } from "../workspace/file-kinds";
import { validateRulesConfig, type RulesConfig } from "./rules-config";

/**
 * `.partner-charter.yaml`: found in the charter's folder or the nearest parent. It is data
 * only (YAML, never code). Its own problems are `config` findings located in that file.
 */

export { CONFIG_FILE_NAMES };

export interface LoadedConfig {
  /** Absolute path of the config file. */
  file: string;
  rules: RulesConfig;
  /** `config` findings, located in the config file. */
  findings: Finding[];
}

export function parseConfigText(text: string, file: string): LoadedConfig {
  const parsed = parseCharter(text);
  if (parsed.syntaxFindings.length > 0) {
    return {
      file,
      rules: {},
      findings: parsed.syntaxFindings.map((finding) => ({
        ...finding,
        rule: "config",
        message: `Configuration file: ${finding.message}`,
      })),
    };
  }
  const data = parsed.data;
  const findings: Finding[] = [];
  const report = (at: (string | number)[], anchor: "key" | "value", message: string, suggestion?: string): void => {
    const finding: Finding = { rule: "config", severity: "error", message, range: rangeAt(parsed, at, anchor) };
    if (suggestion) {
      const fixes = resolveFixes(parsed, [
        { title: `Change to "${suggestion}"`, safe: true, edits: [{ kind: "replace", at, anchor, text: suggestion }] },
      ]);
      if (fixes.length) finding.fixes = fixes;
    }
    findings.push(finding);
  };
  if (data === null || data === undefined) return { file, rules: {}, findings };
  if (typeof data !== "object" || Array.isArray(data)) {
    report([], "key", `The configuration file must be a section with a "rules:" key; found ${describeValue(data)}.`);
    return { file, rules: {}, findings };
  }
  for (const key of Object.keys(data)) {
    if (key !== "rules") {
      const hint = didYouMean(key, ["rules"]) ? ' Did you mean "rules"?' : "";
      report([key], "key", `Unknown key "${key}" in the configuration file; it has only "rules".${hint}`);
    }
  }
  const { config, problems } = validateRulesConfig((data as Record<string, unknown>).rules);
  for (const problem of problems) report([...problem.path], problem.anchor, problem.message, problem.suggestion);
  return { file, rules: config, findings: findings.sort(compareFindings) };
}

/**
 * The nearest config file for a charter: its folder, then each parent up to `stopDir`
 * (the workspace root) or the filesystem root.
 */
export function findConfigFile(charterFile: string, stopDir?: string): string | undefined {
  let dir = path.dirname(path.resolve(charterFile));
  const stop = stopDir ? path.resolve(stopDir) : undefined;
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (isFile(candidate)) return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir || dir === stop) return undefined;
    dir = parent;
  }
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** A configuration is a few lines; the charters' limit is far more than any needs. */
export const MAX_CONFIG_BYTES = MAX_CHARTER_BYTES;

function unreadableConfig(file: string, message: string, range: Range): LoadedConfig {
  return { file, rules: {}, findings: [{ rule: "config", severity: "error", message, range }] };
}

/** Reads and validates a config file; an unreadable file is itself a `config` finding. */
export function loadConfigFile(file: string): LoadedConfig {
  const read = readRegularFile(file, MAX_CONFIG_BYTES);
  if (!read.ok) {
    const message = `The configuration file could not be read: ${readProblemWords(read, MAX_CONFIG_BYTES)}.`;
    return unreadableConfig(file, message, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  }
  const decoded = decodeCharterBytes(read.bytes);
  if (decoded.finding)
    return unreadableConfig(file, `Configuration file: ${decoded.finding.message}`, decoded.finding.range);
  return parseConfigText(decoded.text, file);
}
