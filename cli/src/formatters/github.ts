import type { Severity } from "../../../core/src";
import type { Formatter } from "./formatter";

/**
 * `--format github`: GitHub Actions workflow commands, one line per finding, which GitHub
 * shows as annotations on the pull request's files:
 * `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=RULE::message`.
 */

const COMMANDS: Record<Severity, string> = { error: "error", warning: "warning", info: "notice", hint: "notice" };

/** Escaping of a command's message (GitHub's `escapeData`). */
export function escapeData(value: string): string {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Escaping of a command's property values (GitHub's `escapeProperty`). */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

export const formatGithub: Formatter = (report) => {
  const lines: string[] = [];
  for (const file of report.files) {
    for (const finding of file.findings) {
      const { start, end } = finding.range;
      const properties = [
        `file=${escapeProperty(file.path)}`,
        `line=${start.line + 1}`,
        `col=${start.character + 1}`,
        `endLine=${end.line + 1}`,
        `endColumn=${end.character + 1}`,
        `title=${escapeProperty(finding.rule)}`,
      ];
      lines.push(`::${COMMANDS[finding.severity]} ${properties.join(",")}::${escapeData(finding.message)}`);
    }
  }
  return lines.length ? `${lines.join("\n")}\n` : "";
};
