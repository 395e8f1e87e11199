import { countSeverities, plural, type Severity } from "../../../core/src";
import { markdownCode, markdownMessage, markdownTable } from "../../../core/src/render";
import type { Formatter } from "./formatter";

/**
 * `--format markdown`: a report for a pull-request comment or `$GITHUB_STEP_SUMMARY`: a
 * one-line summary first, a table of files with their health score and counts, then each
 * file's findings (line, severity, rule linked to its documentation, message).
 */

const ICONS: Record<Severity, string> = { error: "🔴 error", warning: "🟠 warning", info: "🔵 info", hint: "⚪ hint" };

export const formatMarkdown: Formatter = (report) => {
  const { errors, warnings, infos, hints, suppressed, files } = report.summary;
  const notes: string[] = [];
  if (suppressed) notes.push(`${suppressed} suppressed`);
  if (report.baselined) notes.push(`${report.baselined} in baseline`);
  const extra = notes.length ? ` · ${notes.join(" · ")}` : "";
  const parts = [plural(errors, "error"), plural(warnings, "warning"), plural(infos, "info")];
  if (hints) parts.push(plural(hints, "hint"));
  const icon = errors ? "❌" : warnings ? "⚠️" : "✅";
  const out: string[] = [];
  if (files === 0) {
    out.push("**Partner charters:** no charters checked.");
    return `${out.join("\n")}\n`;
  }
  out.push(`**Partner charters:** ${icon} ${parts.join(", ")} in ${plural(files, "file")}${extra}`, "");
  out.push(
    markdownTable(
      ["File", "Health", "Errors", "Warnings", "Infos", "Suppressed"],
      report.files.map((file) => {
        const counts = countSeverities(file.findings);
        return [
          markdownCode(file.path, true),
          file.health === undefined ? "—" : `${file.health}/100`,
          String(counts.errors),
          String(counts.warnings),
          String(counts.infos + counts.hints),
          String(file.suppressed.length),
        ];
      }),
      ["left", "right", "right", "right", "right", "right"],
    ),
  );
  for (const file of report.files) {
    if (file.findings.length === 0) continue;
    const health = file.health === undefined ? "" : ` — health ${file.health}/100`;
    out.push("", `### ${markdownCode(file.path)}${health}`, "");
    out.push(
      markdownTable(
        ["Line", "Severity", "Rule", "Message"],
        file.findings.map((finding) => [
          String(finding.range.start.line + 1),
          ICONS[finding.severity],
          markdownCode(finding.rule),
          markdownMessage(finding.message, true),
        ]),
        ["right", "left", "left", "left"],
      ),
    );
    const notesForFile: string[] = [];
    if (file.suppressed.length)
      notesForFile.push(`${plural(file.suppressed.length, "finding")} suppressed by comments`);
    if (file.baselined) notesForFile.push(`${file.baselined} accepted by the baseline`);
    if (notesForFile.length) out.push("", `<sub>${notesForFile.join(" · ")}</sub>`);
  }
  return `${out.join("\n")}\n`;
};
