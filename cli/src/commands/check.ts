import * as fs from "node:fs";
import * as path from "node:path";
import { checkFiles } from "../../../core/src";
import { parseCommandArgs, parseCount } from "../args";
import { collectCharterFiles } from "../collect-files";
import { UsageError } from "../errors";
import { FORMATTERS } from "../formatters";
import { colorAllowed, writeOutput } from "../output";
import { buildReport } from "../report";
import { localToday, parseDateOption } from "../today";
import type { CommandContext } from "./command";

export const CHECK_HELP = `Usage: partner-charter check [PATH…] [options]

Validates charters (*.partner.yaml, *.partner.yml). PATH is a file, a folder (searched
recursively, honouring .gitignore) or a glob; no PATH means the current folder.

Options:
  --format F          ${Object.keys(FORMATTERS).join(" | ")} (default: stylish)
  --output FILE       write the report to FILE instead of stdout
  --today YYYY-MM-DD  fix "today" for date-relative rules
  --config FILE       use this config instead of discovering .partner-charter.yaml
  --max-warnings N    exit 1 when there are more than N warnings
  --quiet             report errors only

Exit codes: 0 no errors, 1 findings over the bar, 2 the command could not run.`;

export function runCheck(args: string[], context: CommandContext): number {
  const { values, positionals } = parseCommandArgs("check", args, {
    format: { type: "string" },
    output: { type: "string" },
    today: { type: "string" },
    config: { type: "string" },
    "max-warnings": { type: "string" },
    quiet: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    process.stdout.write(`${CHECK_HELP}\n`);
    return 0;
  }
  const format = values.format ?? "stylish";
  const formatter = FORMATTERS[format];
  if (!formatter)
    throw new UsageError(`Unknown format "${format}". Use one of: ${Object.keys(FORMATTERS).join(", ")}.`);
  const today = parseDateOption("--today", values.today) ?? localToday();
  const maxWarnings = parseCount("--max-warnings", values["max-warnings"]);
  let configFile: string | undefined;
  if (values.config !== undefined) {
    configFile = path.resolve(context.cwd, values.config);
    if (!fs.existsSync(configFile) || !fs.statSync(configFile).isFile()) {
      throw new UsageError(`Config file not found: "${values.config}".`);
    }
  }
  const files = collectCharterFiles(positionals, { cwd: context.cwd });
  if (files.length === 0) {
    process.stderr.write(`partner-charter: no charters (*.partner.yaml) found in ${context.cwd}.\n`);
  }
  const result = checkFiles(files, { today, configFile });
  const report = buildReport(result, { cwd: context.cwd, quiet: values.quiet });
  const stream = values.output === undefined ? process.stdout : process.stderr;
  const text = formatter(report, {
    color: values.output === undefined && format === "stylish" && colorAllowed(stream),
    cwd: context.cwd,
    version: context.version,
  });
  writeOutput(text, values.output, context.cwd);
  if (report.summary.errors > 0) return 1;
  if (maxWarnings !== undefined && report.summary.warnings > maxWarnings) return 1;
  return 0;
}
