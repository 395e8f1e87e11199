import type { Finding } from "../../../core/src";
import type { Formatter } from "./formatter";

/** `--format json`, the shape documented in docs/ci.md (1-based lines and columns, endColumn exclusive). */

export function jsonDiagnostic(finding: Finding) {
  return {
    rule: finding.rule,
    severity: finding.severity,
    message: finding.message,
    line: finding.range.start.line + 1,
    column: finding.range.start.character + 1,
    endLine: finding.range.end.line + 1,
    endColumn: finding.range.end.character + 1,
  };
}

export const formatJson: Formatter = (report) =>
  `${JSON.stringify(
    {
      version: 1,
      files: report.files.map((file) => ({ path: file.path, diagnostics: file.findings.map(jsonDiagnostic) })),
      // `baselined`: the findings `--baseline` accepted (only with --baseline).
      summary: report.baselined === undefined ? report.summary : { ...report.summary, baselined: report.baselined },
    },
    null,
    2,
  )}\n`;
