import * as fs from "node:fs";
import * as path from "node:path";
import type * as Globby from "globby";
import { UsageError } from "./errors";

/**
 * Which files `check` reads: files as named, folders searched recursively for charters
 * (honouring .gitignore, skipping node_modules and .git), and globs.
 */

export const CHARTER_GLOB = "**/*.partner.{yaml,yml}";
const ALWAYS_SKIPPED = ["**/node_modules/**", "**/.git/**"];

export interface CollectOptions {
  cwd: string;
}

/**
 * globby, loaded only when a folder or a glob is given: checking named files (pre-commit
 * hooks, editors) does not pay for loading it. It is ESM; esbuild bundles this `require`.
 */
function globby(): typeof Globby {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("globby") as typeof Globby;
}

function searchFolder(folder: string): string[] {
  return globby().globbySync(CHARTER_GLOB, {
    cwd: folder,
    absolute: true,
    onlyFiles: true,
    gitignore: true,
    ignore: ALWAYS_SKIPPED,
    followSymbolicLinks: false,
  });
}

export function collectCharterFiles(paths: readonly string[], options: CollectOptions): string[] {
  const found = new Set<string>();
  const explicit = paths.length > 0;
  for (const given of explicit ? paths : ["."]) {
    const absolute = path.resolve(options.cwd, given);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(absolute);
    } catch {
      stat = undefined;
    }
    if (stat?.isFile()) {
      found.add(absolute);
      continue;
    }
    if (stat?.isDirectory()) {
      const files = searchFolder(absolute);
      if (files.length === 0 && explicit) {
        throw new UsageError(`No charter (*.partner.yaml or *.partner.yml) found in "${given}".`);
      }
      for (const file of files) found.add(path.normalize(file));
      continue;
    }
    if (stat) throw new UsageError(`"${given}" is neither a file nor a folder.`);
    const { globbySync, isDynamicPattern } = globby();
    if (isDynamicPattern(given)) {
      const files = globbySync(given, {
        cwd: options.cwd,
        absolute: true,
        onlyFiles: true,
        gitignore: true,
        ignore: ALWAYS_SKIPPED,
      });
      if (files.length === 0) throw new UsageError(`No file matches "${given}".`);
      for (const file of files) found.add(path.normalize(file));
      continue;
    }
    throw new UsageError(`No such file or folder: "${given}".`);
  }
  return [...found].sort();
}
