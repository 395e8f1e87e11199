import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "./errors";
import { noteInput } from "./run-inputs";

/** Node's own argument parser, with its errors turned into one-line usage errors. */
type Parsed<T extends Options> = ReturnType<
  typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>
>;
type Options = NonNullable<ParseArgsConfig["options"]>;

export function parseCommandArgs<T extends Options>(command: string, args: string[], options: T): Parsed<T> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true }) as Parsed<T>;
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, "");
    throw new UsageError(`${command}: ${message.replace(/\.$/, "")}. Run "partner-charter ${command} --help".`);
  }
}

export function parseCount(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`${name} must be a whole number ≥ 0; got "${value}".`);
  return Number(value);
}

/** Resolves a FILE argument that must be an existing file. */
export function existingFile(given: string, cwd: string): string {
  const file = path.resolve(cwd, given);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new UsageError(`No such file: "${given}".`);
  }
  if (!stat.isFile()) throw new UsageError(`"${given}" is not a file.`);
  noteInput(file);
  return file;
}

/** Resolves `--config FILE`: undefined when not given; a usage error when the file is missing. */
export function configOption(given: string | undefined, cwd: string): string | undefined {
  if (given === undefined) return undefined;
  const file = path.resolve(cwd, given);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new UsageError(`Config file not found: "${given}".`);
  noteInput(file);
  return file;
}

/** The options of the commands that write one document (`render`, `diff`). */
export const DOCUMENT_OPTIONS = {
  format: { type: "string" },
  output: { type: "string" },
  today: { type: "string" },
  config: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const satisfies Options;

/** `--format`, one of `formats` (the first is the default). */
export function chooseFormat<F extends string>(given: string | undefined, formats: readonly F[]): F {
  const format = given ?? formats[0]!;
  if (!(formats as readonly string[]).includes(format)) {
    throw new UsageError(`Unknown format "${format}". Use one of: ${formats.join(", ")}.`);
  }
  return format as F;
}
