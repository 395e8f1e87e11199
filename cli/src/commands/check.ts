import * as path from "node:path";
import {
  checkFilesWith,
  decodeCharterBytes,
  localToday,
  MAX_CHARTER_BYTES,
  own,
  plural,
  showControlCharacters,
} from "../../../core/src";
import { configOption, parseCommandArgs, parseCount } from "../args";
import { applyBaseline, readBaseline, writeBaseline } from "../baseline";
import { cacheFile, CheckCache } from "../check-cache";
import { collectCharterFiles } from "../collect-files";
import { UsageError } from "../errors";
import { FORMATTERS } from "../formatters";
import { colorAllowed, writeOutput } from "../output";
import { buildReport } from "../report";
import { noteInput } from "../run-inputs";
import { readStandardInput } from "../stdin";
import { parseDateOption } from "../today";
import { workerCount, workerPool } from "../worker-pool";
import type { CommandContext } from "./command";

export const CHECK_HELP = `Usage: partner-charter check [PATH…] [options]

Validates charters (*.partner.yaml, *.partner.yml). PATH is a file, a folder (searched
recursively, honouring .gitignore) or a glob; no PATH means the current folder; "-" reads
one charter from standard input.

Options:
  --format F          ${Object.keys(FORMATTERS).join(" | ")} (default: stylish)
  --output FILE       write the report to FILE instead of stdout
  --today YYYY-MM-DD  fix "today" for date-relative rules
  --config FILE       use this config instead of discovering .partner-charter.yaml
  --max-warnings N    exit 1 when there are more than N warnings
  --quiet             report errors only
  --stdin-filepath P  with "-": the path the text stands for (config lookup, reported path)
  --write-baseline F  record today's findings in F (JSON) and exit 0
  --baseline F        report only findings that F does not already record
  --cache             re-check only the charters that changed since the last run
                      with --cache (their text, config, today or this tool's version)
  --cache-location F  the cache file (default: .partner-charter-cache here); a
                      folder puts it there
  --jobs N            check on N threads (default: one per core when there are
                      100 charters or more; 1: the main thread alone)

Exit codes: 0 no errors, 1 findings over the bar, 2 the command could not run.`;

export async function runCheck(args: string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs("check", args, {
    format: { type: "string" },
    output: { type: "string" },
    today: { type: "string" },
    config: { type: "string" },
    "max-warnings": { type: "string" },
    quiet: { type: "boolean" },
    "stdin-filepath": { type: "string" },
    baseline: { type: "string" },
    "write-baseline": { type: "string" },
    jobs: { type: "string" },
    cache: { type: "boolean" },
    "cache-location": { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    process.stdout.write(`${CHECK_HELP}\n`);
    return 0;
  }
  const format = values.format ?? "stylish";
  const formatter = own(FORMATTERS, format);
  if (!formatter)
    throw new UsageError(`Unknown format "${format}". Use one of: ${Object.keys(FORMATTERS).join(", ")}.`);
  const today = parseDateOption("--today", values.today) ?? localToday();
  const maxWarnings = parseCount("--max-warnings", values["max-warnings"]);
  const jobs = parseCount("--jobs", values.jobs);
  if (jobs === 0) throw new UsageError("--jobs must be 1 or more; got 0.");
  const configFile = configOption(values.config, context.cwd);
  if (values["cache-location"] !== undefined && !values.cache) {
    throw new UsageError("--cache-location names the cache of --cache; give --cache too.");
  }
  if (values.baseline !== undefined && values["write-baseline"] !== undefined) {
    throw new UsageError("Use either --baseline or --write-baseline, not both.");
  }
  const baseline = values.baseline !== undefined ? readBaseline(values.baseline, context.cwd) : undefined;
  const { files, overrides } = inputs(positionals, values["stdin-filepath"], context.cwd);
  // A report needs findings, ids and texts, not the parsed documents: keep memory flat on corpora.
  const pool = (count: number) => workerPool(workerCount(count, jobs));
  const cache = values.cache
    ? new CheckCache(cacheFile(values["cache-location"], context.cwd), context.version)
    : undefined;
  const summarize = cache ? cache.summarizer(pool) : pool(files.length);
  const result = await checkFilesWith(files, { today, configFile, overrides, retain: "findings" }, summarize);
  const unsaved = cache?.save();
  if (unsaved !== undefined) {
    process.stderr.write(
      `partner-charter: the cache could not be written to ${showControlCharacters(cache!.file)} (${unsaved}); the next run checks every charter again.\n`,
    );
  }
  if (values["write-baseline"] !== undefined) {
    const written = writeBaseline(buildReport(result, { cwd: context.cwd }), values["write-baseline"], context.cwd);
    const total = written.entries.reduce((n, entry) => n + entry.count, 0);
    process.stderr.write(
      `partner-charter: baseline written to ${values["write-baseline"]} (${plural(total, "finding")}).\n`,
    );
    return 0;
  }
  let report = buildReport(result, { cwd: context.cwd, quiet: values.quiet });
  if (baseline) report = applyBaseline(report, baseline.baseline, baseline.file);
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

/** The files to check, and the text of standard input for "-" (under `--stdin-filepath`'s name). */
function inputs(
  positionals: string[],
  stdinPath: string | undefined,
  cwd: string,
): { files: string[]; overrides: Map<string, string> } {
  const stdin = positionals.includes("-");
  if (stdinPath !== undefined && !stdin) {
    throw new UsageError('--stdin-filepath names the text read from standard input; give "-" as the PATH.');
  }
  const overrides = new Map<string, string>();
  const paths = positionals.filter((given) => given !== "-");
  // "-" alone checks standard input only (no PATH would otherwise mean the current folder).
  const files = stdin && paths.length === 0 ? [] : collectCharterFiles(paths, { cwd });
  if (stdin) {
    const file = path.resolve(cwd, stdinPath ?? "<stdin>");
    noteInput(file);
    overrides.set(file, readStdin());
    if (!files.includes(file)) files.push(file);
  }
  if (files.length === 0) {
    process.stderr.write(`partner-charter: no charters (*.partner.yaml) found in ${showControlCharacters(cwd)}.\n`);
  }
  return { files, overrides };
}

/** The whole of standard input, decoded as a charter file would be. */
function readStdin(): string {
  const bytes = readStandardInput(MAX_CHARTER_BYTES, "charters");
  const decoded = decodeCharterBytes(bytes);
  if (decoded.finding) throw new UsageError(`Standard input is not UTF-8 text: ${decoded.finding.message}`);
  return decoded.text;
}
