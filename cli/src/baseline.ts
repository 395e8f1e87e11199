import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { countSeverities, LineIndex, readProblemWords, readRegularFile, type Finding } from "../../core/src";
import { UsageError } from "./errors";
import type { Report, ReportFile } from "./report";
import { noteInput, refuseToOverwriteInputs } from "./run-inputs";
import { writeFileAtomic } from "./write-file";

/**
 * Content identity of findings, for `--baseline` and SARIF `partialFingerprints`: a finding is
 * known by its file, its rule and the text of the lines it points at (whitespace-normalized),
 * never by line numbers, so inserting lines above it keeps it the same finding. Identical
 * findings (same file, rule and text) are told apart by their order of occurrence.
 */

/** The lines a finding points at, trimmed, with runs of whitespace folded to one space. */
export function normalizedLines(lines: LineIndex, finding: Finding): string {
  const { start, end } = finding.range;
  // A range ending at column 0 of a later line does not include that line.
  const last = end.line > start.line && end.character === 0 ? end.line - 1 : end.line;
  const out: string[] = [];
  for (let line = start.line; line <= Math.max(start.line, last); line++) {
    out.push(lines.lineText(line).trim().replace(/\s+/g, " "));
  }
  return out.join("\n");
}

function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

export interface KeyedFinding {
  finding: Finding;
  /** Hash of the normalized text the finding points at (32 hex digits). */
  hash: string;
  /** 0-based index among the file's findings with the same rule and hash, in position order. */
  occurrence: number;
}

/** Content keys of a file's findings, in the order given (the report's position order). */
export function keyFindings(file: ReportFile, findings: readonly Finding[] = file.findings): KeyedFinding[] {
  const lines = new LineIndex(file.text ?? "");
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const hash = sha256(normalizedLines(lines, finding)).slice(0, 32);
    const key = `${finding.rule}\u0000${hash}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return { finding, hash, occurrence };
  });
}

/** The SARIF partial fingerprint: path + rule + content hash + occurrence. */
export function contentFingerprint(filePath: string, keyed: KeyedFinding): string {
  return sha256([filePath, keyed.finding.rule, keyed.hash, String(keyed.occurrence)].join("\u0000"));
}

// ─── baseline files ──────────────────────────────────────────────────────────

export interface BaselineEntry {
  /** Relative to the baseline file's folder, with `/` separators. */
  file: string;
  rule: string;
  hash: string;
  count: number;
  /** The first such finding's message, for people reviewing the baseline (not matched on). */
  message?: string;
}

export interface Baseline {
  version: 1;
  entries: BaselineEntry[];
}

function baselinePath(baselineFile: string, file: ReportFile): string {
  const relative = path.relative(path.dirname(baselineFile), file.absolutePath) || path.basename(file.absolutePath);
  return relative.split(path.sep).join("/");
}

export function createBaseline(report: Report, baselineFile: string): Baseline {
  const entries = new Map<string, BaselineEntry>();
  for (const file of report.files) {
    const where = baselinePath(baselineFile, file);
    for (const { finding, hash } of keyFindings(file)) {
      const key = `${where}\u0000${finding.rule}\u0000${hash}`;
      const entry = entries.get(key);
      if (entry) entry.count++;
      else entries.set(key, { file: where, rule: finding.rule, hash, count: 1, message: finding.message });
    }
  }
  const sorted = [...entries.values()].sort(
    (a, b) => compare(a.file, b.file) || compare(a.rule, b.rule) || compare(a.hash, b.hash),
  );
  return { version: 1, entries: sorted };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function writeBaseline(report: Report, given: string, cwd: string): Baseline {
  const target = path.resolve(cwd, given);
  refuseToOverwriteInputs(target, given, "--write-baseline");
  const baseline = createBaseline(report, target);
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    writeFileAtomic(target, `${JSON.stringify(baseline, null, 2)}\n`);
  } catch (error) {
    throw new UsageError(
      `Cannot write baseline "${given}": ${(error as NodeJS.ErrnoException).code ?? "write error"}.`,
    );
  }
  return baseline;
}

/** A baseline holds a line per accepted finding: thousands of charters' worth fit in far less. */
export const MAX_BASELINE_BYTES = 32 * 1024 * 1024;

function invalid(given: string, why: string): UsageError {
  return new UsageError(`Baseline "${given}" is not a partner-charter baseline: ${why}.`);
}

export function readBaseline(given: string, cwd: string): { file: string; baseline: Baseline } {
  const file = path.resolve(cwd, given);
  noteInput(file);
  const read = readRegularFile(file, MAX_BASELINE_BYTES);
  if (!read.ok && read.problem === "missing") {
    throw new UsageError(`Baseline file not found: "${given}" (create it with --write-baseline ${given}).`);
  }
  if (!read.ok) throw new UsageError(`Cannot read baseline "${given}": ${readProblemWords(read, MAX_BASELINE_BYTES)}.`);
  const text = read.bytes.toString("utf8");
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw invalid(given, "it is not valid JSON");
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) throw invalid(given, "expected a JSON object");
  const { version, entries } = data as { version?: unknown; entries?: unknown };
  if (version !== 1) throw invalid(given, `unsupported version ${JSON.stringify(version)} (expected 1)`);
  if (!Array.isArray(entries)) throw invalid(given, `"entries" must be a list`);
  entries.forEach((entry: unknown, i) => {
    const e = entry as Partial<BaselineEntry> | null;
    const ok =
      e !== null &&
      typeof e === "object" &&
      typeof e.file === "string" &&
      typeof e.rule === "string" &&
      typeof e.hash === "string" &&
      Number.isInteger(e.count) &&
      (e.count as number) > 0;
    if (!ok) throw invalid(given, `entry ${i + 1} needs "file", "rule", "hash" and a whole "count" ≥ 1`);
  });
  return { file, baseline: { version: 1, entries: entries as BaselineEntry[] } };
}

/**
 * The report without the findings the baseline already accepts: matched on file, rule and
 * content hash, up to each entry's count (so a second identical problem is still reported).
 */
export function applyBaseline(report: Report, baseline: Baseline, baselineFile: string): Report {
  const budget = new Map<string, number>();
  for (const entry of baseline.entries) {
    const key = `${entry.file}\u0000${entry.rule}\u0000${entry.hash}`;
    budget.set(key, (budget.get(key) ?? 0) + entry.count);
  }
  let baselined = 0;
  const files = report.files.map((file): ReportFile => {
    const where = baselinePath(baselineFile, file);
    const kept: Finding[] = [];
    for (const { finding, hash } of keyFindings(file)) {
      const key = `${where}\u0000${finding.rule}\u0000${hash}`;
      const left = budget.get(key) ?? 0;
      if (left > 0) budget.set(key, left - 1);
      else kept.push(finding);
    }
    const hidden = file.findings.length - kept.length;
    baselined += hidden;
    return { ...file, findings: kept, baselined: hidden };
  });
  const counts = countSeverities(files.flatMap((file) => file.findings));
  return { ...report, files, summary: { ...report.summary, ...counts }, baselined };
}
