import { createColors } from "picocolors";
import { plural, showControlCharacters, type Severity } from "../../../core/src";
import type { Formatter } from "./formatter";

/**
 * `--format stylish`: for people at a terminal. Colour only when the context allows it. Paths
 * and messages carry text from charters (keys, values, folder names): their control
 * characters are shown as escapes, so a charter cannot drive the terminal.
 */

export const formatStylish: Formatter = (report, context) => {
  const c = createColors(context.color);
  const paint: Record<Severity, (text: string) => string> = {
    error: c.red,
    warning: c.yellow,
    info: c.cyan,
    hint: c.dim,
  };
  const out: string[] = [];
  for (const file of report.files) {
    if (file.findings.length === 0) continue;
    const health = file.health !== undefined ? c.dim(`  health ${file.health}/100`) : "";
    out.push(`${c.underline(showControlCharacters(file.path))}${health}`);
    const rows = file.findings.map((finding) => [
      `${finding.range.start.line + 1}:${finding.range.start.character + 1}`,
      finding.severity,
      showControlCharacters(finding.message),
      finding.rule,
    ]);
    const posWidth = Math.max(...rows.map((row) => row[0]!.length));
    const sevWidth = Math.max(...rows.map((row) => row[1]!.length));
    for (const [pos, severity, message, rule] of rows) {
      out.push(
        `  ${c.dim(pos!.padEnd(posWidth))}  ${paint[severity as Severity](severity!.padEnd(sevWidth))}  ${message}  ${c.dim(rule!)}`,
      );
    }
    out.push("");
  }
  const { errors, warnings, infos, hints, suppressed, files } = report.summary;
  const problems = errors + warnings + infos + hints;
  // Findings `--baseline` accepts are not problems, but the count is said: a clean line must
  // not hide that a baseline holds 36 of them.
  const notes = [suppressed ? `${suppressed} suppressed` : "", report.baselined ? `${report.baselined} baselined` : ""];
  const suppressedNote = notes
    .filter(Boolean)
    .map((note) => `, ${note}`)
    .join("");
  if (problems === 0) {
    out.push(c.green(`✔ ${plural(files, "file")} checked, no problems${suppressedNote}.`));
  } else {
    const parts = [plural(errors, "error"), plural(warnings, "warning"), plural(infos, "info")];
    if (hints) parts.push(plural(hints, "hint"));
    const line = `✖ ${plural(problems, "problem")} (${parts.join(", ")}) in ${plural(files, "file")}${suppressedNote}.`;
    out.push(errors ? c.red(c.bold(line)) : c.yellow(c.bold(line)));
  }
  return `${out.join("\n")}\n`;
};
