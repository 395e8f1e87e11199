import * as fs from "node:fs";
import * as path from "node:path";
import { isProgramFileName } from "../workspace/file-kinds";
import type { ProgramRef, ProgramSetting } from "./program";

/**
 * Which program file a charter belongs to (RULES.md "Partner program"): the program files of
 * the charter's folder, else of the nearest parent folder that has one, up to the root (the
 * workspace root, or the filesystem root). Found the same way by the CLI and the language
 * server, whether or not the program file is among the files checked. Each folder is listed
 * once per finder.
 */

export interface ProgramFinderOptions {
  /** Stop at this folder (the workspace root). Default: the filesystem root. */
  root?: string;
  /** Program files that count as present although they are not on disk (text given by the editor or a test). */
  extraFiles?: Iterable<string>;
}

/** The program files of each folder, nearest first: `programFilesFor(charter)`. */
export class ProgramFinder {
  private readonly nearest = new Map<string, readonly string[]>();
  private readonly extra = new Map<string, string[]>();
  private readonly stop: string | undefined;

  constructor(options: ProgramFinderOptions = {}) {
    this.stop = options.root ? path.resolve(options.root) : undefined;
    for (const file of options.extraFiles ?? []) {
      if (!isProgramFileName(path.basename(file))) continue;
      const folder = path.dirname(path.resolve(file));
      this.extra.set(folder, [...(this.extra.get(folder) ?? []), path.resolve(file)]);
    }
  }

  /** The program files that apply to a charter: none, one, or (a conflict) several in one folder. */
  programFilesFor(charterFile: string): readonly string[] {
    return this.inFolderOrAbove(path.dirname(path.resolve(charterFile)));
  }

  private inFolderOrAbove(folder: string): readonly string[] {
    const known = this.nearest.get(folder);
    if (known) return known;
    let found: readonly string[] = programFilesIn(folder, this.extra.get(folder));
    if (found.length === 0) {
      const parent = path.dirname(folder);
      found = parent === folder || folder === this.stop ? [] : this.inFolderOrAbove(parent);
    }
    this.nearest.set(folder, found);
    return found;
  }
}

/** The program files directly in `folder` (sorted), with `extra` ones not on disk. */
export function programFilesIn(folder: string, extra: readonly string[] = []): string[] {
  const found = new Set(extra);
  let entries: fs.Dirent[] = [];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch {
    // An unreadable folder holds no program we can apply.
  }
  for (const entry of entries) {
    if ((entry.isFile() || entry.isSymbolicLink()) && isProgramFileName(entry.name))
      found.add(path.join(folder, entry.name));
  }
  return [...found].sort();
}

/** The program a charter is judged against, from the program files that apply to it. */
export function programSetting(files: readonly string[], load: (file: string) => ProgramRef): ProgramSetting {
  if (files.length === 0) return {};
  if (files.length > 1) return { conflicting: files };
  return { program: load(files[0]!) };
}

/**
 * The charters that belong to a program file: those in its folder and below whose nearest
 * program file it is (`search` lists the charter files below a folder: the workspace search).
 */
export function chartersOfProgram(programFile: string, search: (folder: string) => string[]): string[] {
  const finder = new ProgramFinder({ extraFiles: [programFile] });
  let files: string[];
  try {
    files = search(path.dirname(programFile));
  } catch {
    return []; // a folder that cannot be searched has no charters to show
  }
  return files.filter((file) => {
    const found = finder.programFilesFor(file);
    return found.length === 1 && found[0] === programFile;
  });
}
