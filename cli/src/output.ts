import * as fs from "node:fs";
import * as path from "node:path";
import { UsageError } from "./errors";
import { refuseToOverwriteInputs } from "./run-inputs";
import { writeFileAtomic } from "./write-file";

/** Writes a report to `--output FILE` or stdout. */
export function writeOutput(text: string, outputFile: string | undefined, cwd: string): void {
  if (outputFile === undefined) {
    process.stdout.write(text);
    return;
  }
  const target = path.resolve(cwd, outputFile);
  refuseToOverwriteInputs(target, outputFile, "--output");
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    writeFileAtomic(target, text);
  } catch (error) {
    throw new UsageError(
      `Cannot write "${outputFile}": ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`,
    );
  }
}

/** Colour only on a terminal, never with NO_COLOR (https://no-color.org). */
export function colorAllowed(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  return Boolean(stream.isTTY);
}
