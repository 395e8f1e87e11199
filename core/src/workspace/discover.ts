import * as path from "node:path";
import type * as Globby from "globby";

/**
 * Finding files in a folder, for the CLI (`check <folder>`, globs) and the language server
 * (its workspace search and watched files), with the same rules for both: .gitignore is
 * honoured, node_modules and .git are never searched, and paths come back absolute and
 * normalised. Searches only: the caller decides what a file found means.
 */

/** Folders never searched nor validated, even when a file watcher reports a file in them. */
export const SKIPPED_FOLDERS = ["node_modules", ".git"] as const;
const SKIPPED_GLOBS = SKIPPED_FOLDERS.map((name) => `**/${name}/**`);
const SKIPPED_SEGMENT = new RegExp(
  `(^|[\\\\/])(${SKIPPED_FOLDERS.map((name) => name.replace(/\./g, "\\.")).join("|")})([\\\\/]|$)`,
);

export interface SearchOptions {
  /** Also search folders whose name starts with a dot (`.github`, …). Default: no. */
  dotFolders?: boolean;
  /** Follow symbolic links to folders. Default: no (a link may loop or lead out of the folder). */
  followLinks?: boolean;
  /** Pass over what cannot be read (a folder without permission) instead of failing. Default: no. */
  skipUnreadable?: boolean;
}

/**
 * globby, loaded on the first search: a CLI run on named files (pre-commit hooks, editors)
 * does not pay for loading it. It is ESM; esbuild bundles this `require`.
 */
function globby(): typeof Globby {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("globby") as typeof Globby;
}

function globOptions(folder: string, options: SearchOptions): Globby.Options {
  return {
    cwd: folder,
    absolute: true,
    onlyFiles: true,
    gitignore: true,
    ignore: SKIPPED_GLOBS,
    dot: options.dotFolders ?? false,
    followSymbolicLinks: options.followLinks ?? false,
    suppressErrors: options.skipUnreadable ?? false,
  };
}

/** The files below `folder` that match `patterns` (globs relative to it). */
export function findFilesSync(
  folder: string,
  patterns: string | readonly string[],
  options: SearchOptions = {},
): string[] {
  return globby()
    .globbySync([patterns].flat(), globOptions(folder, options))
    .map((file) => path.normalize(file));
}

/** As `findFilesSync`, without blocking: for a server that must keep answering meanwhile. */
export async function findFiles(
  folder: string,
  patterns: string | readonly string[],
  options: SearchOptions = {},
): Promise<string[]> {
  const files = await globby().globby([patterns].flat(), globOptions(folder, options));
  return files.map((file) => path.normalize(file));
}

/** Whether a command-line argument is a glob (`partners/*.partner.yaml`) rather than a path. */
export function isGlob(text: string): boolean {
  return globby().isDynamicPattern(text);
}

/** Whether a file is ignored by the .gitignore files of `folder` (the same test the searches make). */
export async function gitIgnoreMatcher(folder: string): Promise<(file: string) => boolean> {
  const isIgnored = await globby().isGitIgnored({ cwd: folder });
  return (file) => isIgnored(file);
}

/** A path inside node_modules or .git: never validated, whoever reports it. */
export function isInSkippedFolder(file: string): boolean {
  return SKIPPED_SEGMENT.test(file);
}
