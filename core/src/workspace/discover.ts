import * as fs from "node:fs";
import * as path from "node:path";
import type * as Globby from "globby";
import type { Ignore } from "ignore";

/**
 * Finding files in a folder, for the CLI (`check <folder>`, globs) and the language server
 * (its workspace search and watched files), with the same rules for both: every folder is
 * searched, dot-folders such as `.github/` included, except `node_modules` and `.git`; and
 * `.gitignore` files are honoured as git does (patterns are case-sensitive, a deeper file
 * overrides a shallower one, nothing inside an ignored folder comes back; the `.gitignore`
 * files of the searched folder and below count). Names are never matched by a
 * glob engine (which skips names with a line break): each file's name is tested as it is.
 * Paths come back absolute and normalised. Searches only: the caller decides what a file means.
 */

/** Folders never searched nor validated, even when a file watcher reports a file in them. */
export const SKIPPED_FOLDERS = ["node_modules", ".git"] as const;
const SKIPPED_GLOBS = SKIPPED_FOLDERS.map((name) => `**/${name}/**`);
const SKIPPED_SEGMENT = new RegExp(
  `(^|[\\\\/])(${SKIPPED_FOLDERS.map((name) => name.replace(/\./g, "\\.")).join("|")})([\\\\/]|$)`,
);

export interface SearchOptions {
  /** Pass over a folder that cannot be read (no permission) instead of failing. Default: no. */
  skipUnreadable?: boolean;
}

/** A folder below the search that could not be read. */
export class UnreadableFolderError extends Error {
  override name = "UnreadableFolderError";
  constructor(
    readonly folder: string,
    readonly code: string | undefined,
  ) {
    super(`Cannot read the folder ${folder} (${code ?? "read error"}).`);
  }
}

function ignoreLibrary(): (options?: { ignorecase?: boolean }) => Ignore {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require("ignore") as { default?: unknown };
  return (loaded.default ?? loaded) as (options?: { ignorecase?: boolean }) => Ignore;
}

/**
 * What the `.gitignore` files say about paths below `top`: each file is read once, and a path
 * is judged by the deepest `.gitignore` that has a say (a later line within a file wins).
 */
class GitIgnores {
  private readonly matchers = new Map<string, Ignore | undefined>();
  private readonly createIgnore = ignoreLibrary();

  constructor(readonly top: string) {}

  private matcherOf(dir: string): Ignore | undefined {
    if (this.matchers.has(dir)) return this.matchers.get(dir);
    let matcher: Ignore | undefined;
    try {
      const text = fs.readFileSync(path.join(dir, ".gitignore"), "utf8");
      matcher = this.createIgnore({ ignorecase: false }).add(text);
    } catch {
      matcher = undefined; // no .gitignore here (or not readable: git would not read it either)
    }
    this.matchers.set(dir, matcher);
    return matcher;
  }

  /** Whether the `.gitignore` files ignore this very path (its folders are judged by the caller). */
  ignoresEntry(absolute: string, isFolder: boolean): boolean {
    for (let dir = path.dirname(absolute); ; dir = path.dirname(dir)) {
      const matcher = this.matcherOf(dir);
      if (matcher) {
        const relative = path.relative(dir, absolute).split(path.sep).join("/") + (isFolder ? "/" : "");
        const verdict = matcher.test(relative);
        if (verdict.ignored) return true;
        if (verdict.unignored) return false;
      }
      if (dir === this.top || path.dirname(dir) === dir || !isInside(dir, this.top)) return false;
    }
  }

  /** Whether a path is ignored, itself or through a folder above it (up to `top`). */
  ignores(absolute: string): boolean {
    const folders: string[] = [];
    for (let dir = path.dirname(absolute); dir !== this.top && isInside(dir, this.top); dir = path.dirname(dir)) {
      folders.unshift(dir);
    }
    return folders.some((folder) => this.ignoresEntry(folder, true)) || this.ignoresEntry(absolute, false);
  }
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
}

/** One step of a search: read this folder, then carry on. */
type Walk = Generator<string, void, fs.Dirent[] | undefined>;

/** The search itself, written once for both drivers: it yields each folder to read and is sent its entries. */
function* walk(folder: string, accept: (name: string) => boolean, found: string[]): Walk {
  const ignores = new GitIgnores(folder);
  const pending = [folder];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    const entries = yield dir;
    if (!entries) continue;
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!(SKIPPED_FOLDERS as readonly string[]).includes(entry.name) && !ignores.ignoresEntry(full, true)) {
          pending.push(full);
        }
      } else if (entry.isFile() && accept(entry.name) && !ignores.ignoresEntry(full, false)) {
        found.push(path.normalize(full));
      }
    }
  }
}

function unreadable(dir: string, error: unknown, options: SearchOptions): undefined {
  if (options.skipUnreadable) return undefined;
  throw new UnreadableFolderError(dir, (error as NodeJS.ErrnoException).code);
}

/** The files below `folder` whose name `accept`s. */
export function searchFolderSync(
  folder: string,
  accept: (name: string) => boolean,
  options: SearchOptions = {},
): string[] {
  const found: string[] = [];
  const steps = walk(path.resolve(folder), accept, found);
  for (let step = steps.next(); !step.done;) {
    let entries: fs.Dirent[] | undefined;
    try {
      entries = fs.readdirSync(step.value, { withFileTypes: true });
    } catch (error) {
      entries = unreadable(step.value, error, options);
    }
    step = steps.next(entries);
  }
  return found.sort();
}

/** As `searchFolderSync`, without blocking: for a server that must keep answering meanwhile. */
export async function searchFolder(
  folder: string,
  accept: (name: string) => boolean,
  options: SearchOptions = {},
): Promise<string[]> {
  const found: string[] = [];
  const steps = walk(path.resolve(folder), accept, found);
  for (let step = steps.next(); !step.done;) {
    let entries: fs.Dirent[] | undefined;
    try {
      entries = await fs.promises.readdir(step.value, { withFileTypes: true });
    } catch (error) {
      entries = unreadable(step.value, error, options);
    }
    step = steps.next(entries);
  }
  return found.sort();
}

/**
 * globby, loaded on the first glob: a CLI run on named files (pre-commit hooks, editors) does
 * not pay for loading it. It is ESM; esbuild bundles this `require`.
 */
function globby(): typeof Globby {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("globby") as typeof Globby;
}

/**
 * The files a glob given on the command line matches (`partners/*.partner.yaml`), relative to
 * `cwd`; links to folders are followed, as a shell would. The `.gitignore` files and the
 * skipped folders apply as in a folder search.
 */
export function findGlobSync(cwd: string, pattern: string): string[] {
  const ignores = new GitIgnores(cwd);
  return globby()
    .globbySync([pattern], {
      cwd,
      absolute: true,
      onlyFiles: true,
      dot: true,
      ignore: SKIPPED_GLOBS,
      followSymbolicLinks: true,
    })
    .map((file) => path.normalize(file))
    .filter((file) => !ignores.ignores(file))
    .sort();
}

/** Whether a command-line argument is a glob (`partners/*.partner.yaml`) rather than a path. */
export function isGlob(text: string): boolean {
  return globby().isDynamicPattern(text);
}

/** Whether a file is ignored by the .gitignore files of `folder` (the same test the searches make). */
export async function gitIgnoreMatcher(folder: string): Promise<(file: string) => boolean> {
  const ignores = new GitIgnores(path.resolve(folder));
  return (file) => ignores.ignores(path.resolve(file));
}

/** A path inside node_modules or .git: never validated, whoever reports it. */
export function isInSkippedFolder(file: string): boolean {
  return SKIPPED_SEGMENT.test(file);
}
