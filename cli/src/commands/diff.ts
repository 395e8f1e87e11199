import * as fs from "node:fs";
import * as path from "node:path";
import {
  analyzeProgram,
  checkFiles,
  decodeCharterBytes,
  localToday,
  parseCharter,
  chartersOfProgram,
  readCharterText,
} from "../../../core/src";
import { isCharterFileName, isProgramFileName, searchFolderSync } from "../../../core/src/workspace";
import {
  diffCharters,
  diffPrograms,
  formatProgramDiff,
  formatDiffJson,
  formatDiffMarkdown,
  formatDiffText,
  gitRoot,
  GitVersionError,
  readAtRevision,
  type DiffSide,
} from "../../../core/src/diff";
import { chooseFormat, configOption, DOCUMENT_OPTIONS, existingFile, parseCommandArgs } from "../args";
import { UsageError } from "../errors";
import { writeOutput } from "../output";
import { parseDateOption } from "../today";
import type { CommandContext } from "./command";

export const DIFF_HELP = `Usage: partner-charter diff BASE HEAD [options]

Shows what a reviewer must see between two versions of a charter: commitments added,
removed or changed (with amounts), tier and leverage changes, phase dates moved, go/no-go
bars lowered, exit criteria removed, signatures the change invalidates, and findings
introduced or fixed. BASE and HEAD are files or git:REV:PATH (read with "git show REV:PATH"
in the current folder's repository; PATH is relative to the repository root, or to the
current folder when it starts with ./). A BASE that does not exist (a charter new in this
pull request) shows HEAD as a new charter.

For two versions of a partner program (*.partner-program.yaml): the requirement changes of
each tier, by the program's tier names ("Premier: minimum exit criteria 2 → 3"), and the
charters of the program (its folder and below) that the change would break.

Options:
  --format F          text | markdown | json (default: text)
  --output FILE       write the diff to FILE instead of stdout
  --today YYYY-MM-DD  fix "today" for date-relative findings
  --config FILE       use this config instead of discovering .partner-charter.yaml

Exit codes: 0 the diff ran (it reports, it does not judge), 2 the command could not run.`;

const FORMATS = ["text", "markdown", "json"] as const;

interface Version {
  /** Absolute path the text stands for (config discovery). */
  file: string;
  /** Text to check instead of reading `file` (git versions). */
  text?: string;
  /** The version does not exist (a BASE for a charter new in this pull request). */
  missing?: boolean;
}

function readVersion(given: string, cwd: string, role: "BASE" | "HEAD"): Version {
  const match = /^git:([^:]*):(.+)$/.exec(given);
  if (!match) {
    if (given.startsWith("git:")) throw new UsageError(`"${given}" is not git:REV:PATH.`);
    const file = path.resolve(cwd, given);
    // A BASE that does not exist is a new charter; a HEAD must exist.
    if (role === "BASE" && !fs.existsSync(file)) return { file, missing: true };
    return { file: existingFile(given, cwd) };
  }
  const [, rev, gitPath] = match as unknown as [string, string, string];
  if (rev === "") throw new UsageError(`"${given}" names no revision; write git:REV:PATH, e.g. git:main:${gitPath}.`);
  try {
    const relativeToCwd = /^\.\.?\//.test(gitPath);
    const root = relativeToCwd ? cwd : gitRoot(cwd);
    const { bytes } = readAtRevision(rev, gitPath, cwd);
    const file = path.resolve(root, gitPath);
    if (bytes === undefined) {
      if (role === "BASE") return { file, missing: true };
      throw new UsageError(`Cannot read "${given}": ${gitPath} does not exist at ${rev}.`);
    }
    const decoded = decodeCharterBytes(bytes);
    if (decoded.finding) throw new UsageError(`"${given}" is not UTF-8 text: ${decoded.finding.message}`);
    return { file, text: decoded.text };
  } catch (error) {
    if (error instanceof GitVersionError) throw new UsageError(`Cannot read "${given}": ${error.message}.`);
    throw error;
  }
}

function analyze(label: string, version: Version, today: string, configFile: string | undefined): DiffSide {
  if (version.missing) return { label, charter: undefined, findings: [], missing: true };
  const overrides = new Map<string, string>();
  if (version.text !== undefined) overrides.set(version.file, version.text);
  const { result } = checkFiles([version.file], { today, configFile, overrides }).charters[0]!;
  return { label, charter: result.charter, findings: result.findings, facts: result.facts };
}

export function runDiff(args: string[], context: CommandContext): number {
  const { values, positionals } = parseCommandArgs("diff", args, DOCUMENT_OPTIONS);
  if (values.help) {
    process.stdout.write(`${DIFF_HELP}\n`);
    return 0;
  }
  const format = chooseFormat(values.format, FORMATS);
  if (positionals.length !== 2) {
    throw new UsageError(`diff: give BASE and HEAD (files or git:REV:PATH). Run "partner-charter diff --help".`);
  }
  const today = parseDateOption("--today", values.today) ?? localToday();
  const configFile = configOption(values.config, context.cwd);
  const [baseArg, headArg] = positionals as [string, string];
  const base = readVersion(baseArg, context.cwd, "BASE");
  const head = readVersion(headArg, context.cwd, "HEAD");
  if (isProgramFileName(path.basename(head.file))) {
    writeOutput(
      formatProgramDiff(programDiff(baseArg, base, headArg, head, context.cwd), format),
      values.output,
      context.cwd,
    );
    return 0;
  }
  const diff = diffCharters(analyze(baseArg, base, today, configFile), analyze(headArg, head, today, configFile));
  const text =
    format === "json" ? formatDiffJson(diff) : format === "markdown" ? formatDiffMarkdown(diff) : formatDiffText(diff);
  writeOutput(text, values.output, context.cwd);
  return 0;
}

/** A version's text: read from git, or from the file. */
function textOf(version: Version): string | undefined {
  if (version.missing) return undefined;
  if (version.text !== undefined) return version.text;
  const read = readCharterText(version.file);
  if ("finding" in read) throw new UsageError(`Cannot read "${version.file}": ${read.finding.message}`);
  return read.text;
}

/** Two versions of a program, and the charters that belong to HEAD's program file (its folder and below). */
function programDiff(baseArg: string, base: Version, headArg: string, head: Version, cwd: string) {
  const program = (version: Version) => {
    const text = textOf(version);
    return text === undefined ? undefined : analyzeProgram(text, version.file, { today: localToday() }).ref;
  };
  const headProgram = program(head)!;
  const charters = chartersOfProgram(head.file, (folder) => searchFolderSync(folder, isCharterFileName)).flatMap(
    (file) => {
      const read = readCharterText(file);
      return "finding" in read
        ? []
        : [{ label: path.relative(cwd, file).split(path.sep).join("/"), data: parseCharter(read.text).data }];
    },
  );
  return diffPrograms({ label: baseArg, program: program(base) }, { label: headArg, program: headProgram }, charters);
}
