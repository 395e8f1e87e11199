import * as fs from "node:fs";
import * as path from "node:path";
import {
  CHARTER_FILES,
  findGlobSync,
  isCharterFileName,
  isGlob,
  isProgramFileName,
  searchFolderSync,
  UnreadableFolderError,
} from "../../core/src/workspace";
import { UsageError } from "./errors";
import { noteInput } from "./run-inputs";

/**
 * Which files `check` reads: files as named, folders searched recursively for charters and
 * program files (dot-folders too, honouring .gitignore, skipping node_modules and .git), and
 * globs. A charter's program is found by `checkFiles` whether or not it is among them.
 */

export interface CollectOptions {
  cwd: string;
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
      const files = searchCharters(absolute, given);
      if (files.length === 0 && explicit) {
        const [yaml, yml] = CHARTER_FILES.suffixes;
        throw new UsageError(`No charter (*${yaml} or *${yml}) found in "${given}".`);
      }
      for (const file of files) found.add(file);
      continue;
    }
    if (stat) throw new UsageError(`"${given}" is neither a file nor a folder.`);
    if (isGlob(given)) {
      // A glob as given: links to folders are followed, unlike in a folder search.
      const files = findGlobSync(options.cwd, given);
      if (files.length === 0) throw new UsageError(`No file matches "${given}".`);
      for (const file of files) found.add(file);
      continue;
    }
    throw new UsageError(`No such file or folder: "${given}".`);
  }
  for (const file of found) noteInput(file);
  return [...found].sort();
}

function searchCharters(folder: string, given: string): string[] {
  try {
    return searchFolderSync(folder, (name) => isCharterFileName(name) || isProgramFileName(name));
  } catch (error) {
    if (!(error instanceof UnreadableFolderError)) throw error;
    const where = path.relative(folder, error.folder) || ".";
    const why = error.code === "EACCES" ? "permission denied" : (error.code ?? "read error");
    throw new UsageError(`Cannot search "${given}": the folder "${where}" cannot be read (${why}).`);
  }
}
