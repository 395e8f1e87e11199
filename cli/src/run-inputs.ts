import * as fs from "node:fs";
import * as path from "node:path";
import { isCharterFileName, isConfigFileName, isProgramFileName } from "../../core/src/workspace";
import { UsageError } from "./errors";

/**
 * The files a run reads: the charters and program files it checks or renders, its config file,
 * its baseline, the path standard input stands for. A report, a page or a baseline is never
 * written over one of them (`check x.partner.yaml --output x.partner.yaml` would replace a
 * signed agreement by its own report), nor over any file named as a charter, a program or a
 * config file, whether this run read it or not.
 */

const inputs = new Set<string>();

/** Records a file this run reads (absolute path). */
export function noteInput(file: string): void {
  inputs.add(path.resolve(file));
}

function identity(file: string): string | undefined {
  try {
    const stats = fs.statSync(file);
    return `${stats.dev}:${stats.ino}`;
  } catch {
    return undefined;
  }
}

/** The input that `target` is (the same path, or the same file by another name: a link). */
function inputAt(target: string): string | undefined {
  if (inputs.has(target)) return target;
  const id = identity(target);
  if (id === undefined) return undefined;
  return [...inputs].find((input) => identity(input) === id);
}

/** Throws the one-line usage error when writing `target` (given as `given` to `option`) would replace an input. */
export function refuseToOverwriteInputs(target: string, given: string, option: string): void {
  const name = path.basename(target);
  const kind = isCharterFileName(name)
    ? "a charter"
    : isProgramFileName(name)
      ? "a partner program"
      : isConfigFileName(name)
        ? "a configuration file"
        : undefined;
  if (inputAt(path.resolve(target)) !== undefined) {
    throw new UsageError(
      `${option} "${given}" is a file this run reads${kind ? ` (${kind})` : ""}; it was left as it is. Choose another file.`,
    );
  }
  if (kind) {
    throw new UsageError(
      `${option} "${given}" is named as ${kind}; reports are never written to such a file. Choose another name.`,
    );
  }
}
