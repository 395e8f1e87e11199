import * as fs from "node:fs";
import * as path from "node:path";
import { charterHealth, countSeverities, type FilesCheckResult, type Finding, type Severity } from "../../core/src";

/**
 * The report every CLI output format renders: files sorted by path, findings by position,
 * a summary. Formatters only convert it; they decide nothing.
 */

export interface ReportFile {
  /** Relative to the current folder, with `/` separators. */
  path: string;
  absolutePath: string;
  kind: "charter" | "config";
  findings: Finding[];
  /** Findings silenced by suppression comments. */
  suppressed: Finding[];
  /** Health score of a charter (docs/extension.md); undefined for config files and files that are no readable charter. */
  health?: number;
  /** The charter's id and title when it has them (markdown and SARIF use them). */
  id?: string;
  title?: string;
  /** The file's text (for formats that fingerprint content). */
  text?: string;
  /** Findings hidden because `--baseline` already accepts them. */
  baselined?: number;
}

export interface Report {
  files: ReportFile[];
  summary: { files: number; errors: number; warnings: number; infos: number; hints: number; suppressed: number };
  /** Findings hidden by `--baseline` (not part of `summary`, whose shape is the JSON contract). */
  baselined?: number;
}

export function relativePath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file) || path.basename(file);
  return relative.split(path.sep).join("/");
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

export interface ReportOptions {
  cwd: string;
  /** Report errors only. */
  quiet?: boolean;
}

export function buildReport(result: FilesCheckResult, options: ReportOptions): Report {
  const keep = (finding: Finding): boolean => !options.quiet || finding.severity === "error";
  const files: ReportFile[] = result.charters.map(({ file, result: charter }) => ({
    path: relativePath(options.cwd, file),
    absolutePath: file,
    kind: "charter",
    findings: charter.findings.filter(keep),
    suppressed: charter.suppressed,
    health: charterHealth(charter),
    id: typeof charter.charter?.id === "string" ? charter.charter.id : undefined,
    title: typeof charter.charter?.title === "string" ? charter.charter.title : undefined,
    text: charter.parsed.text,
  }));
  for (const config of result.configs) {
    if (config.findings.length === 0) continue;
    files.push({
      path: relativePath(options.cwd, config.file),
      absolutePath: config.file,
      kind: "config",
      findings: config.findings.filter(keep),
      suppressed: [],
      text: readText(config.file),
    });
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const all = files.flatMap((file) => file.findings);
  const counts = countSeverities(all);
  return {
    files,
    summary: { files: files.length, ...counts, suppressed: files.reduce((n, file) => n + file.suppressed.length, 0) },
  };
}

export function severityCount(report: Report, severity: Severity): number {
  return report.files.reduce(
    (n, file) => n + file.findings.filter((finding) => finding.severity === severity).length,
    0,
  );
}
