import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "./errors";

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
