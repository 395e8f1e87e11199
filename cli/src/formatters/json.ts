import { fileURLToPath } from "node:url";
import type { Finding, Range, RelatedLocation } from "../../../core/src";
import { relativePath } from "../report";
import type { Formatter } from "./formatter";

/** `--format json`, the shape documented in docs/ci.md (1-based lines and columns, endColumn exclusive). */

function position(range: Range) {
  return {
    line: range.start.line + 1,
    column: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

/** A finding's second place (`related`): its file as the report names files, or the finding's own. */
function jsonRelated(related: RelatedLocation, ownPath: string, cwd: string) {
  const file = related.file?.startsWith("file:") ? fileURLToPath(related.file) : related.file;
  return {
    path: file === undefined ? ownPath : relativePath(cwd, file),
    ...position(related.range),
    message: related.message,
  };
}

export function jsonDiagnostic(finding: Finding, ownPath: string, cwd: string) {
  return {
    rule: finding.rule,
    severity: finding.severity,
    message: finding.message,
    ...position(finding.range),
    ...(finding.related?.length
      ? { related: finding.related.map((related) => jsonRelated(related, ownPath, cwd)) }
      : {}),
  };
}

export const formatJson: Formatter = (report, context) =>
  `${JSON.stringify(
    {
      version: 1,
      files: report.files.map((file) => ({
        path: file.path,
        diagnostics: file.findings.map((finding) => jsonDiagnostic(finding, file.path, context.cwd)),
      })),
      // `baselined`: the findings `--baseline` accepted (only with --baseline).
      summary: report.baselined === undefined ? report.summary : { ...report.summary, baselined: report.baselined },
    },
    null,
    2,
  )}\n`;
