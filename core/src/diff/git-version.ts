import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

/**
 * A charter as it is at a git revision, for `partner-charter diff git:REV:PATH` and the editor's
 * "Compare with Git HEAD". REV comes from a user (a command line, a CI script): it is checked to
 * be a commit with `--end-of-options` before anything else, and every git command gets it after
 * `--end-of-options`, so a REV such as `--output=file` is never taken for an option.
 */

export class GitVersionError extends Error {}

interface GitRun {
  ok: boolean;
  stdout: Buffer;
  /** git's first message line, without its `fatal:` prefix. */
  message: string;
}

function git(args: string[], cwd: string): GitRun {
  const run = spawnSync("git", args, { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, LC_ALL: "C" } });
  if (run.error) {
    const code = (run.error as NodeJS.ErrnoException).code;
    throw new GitVersionError(code === "ENOENT" ? "git is not installed" : `git could not run (${code})`);
  }
  const message =
    run.stderr
      .toString("utf8")
      .split("\n")
      .map((line) => line.replace(/^(fatal|error): /, "").trim())
      .find(Boolean) ?? `git exited with ${run.status}`;
  return { ok: run.status === 0, stdout: run.stdout, message };
}

/** The top folder of the repository `cwd` is in. */
export function gitRoot(cwd: string): string {
  const run = git(["rev-parse", "--show-toplevel"], cwd);
  if (!run.ok) throw new GitVersionError(run.message);
  return run.stdout.toString("utf8").trim() || cwd;
}

/** Throws unless `rev` names a commit of the repository (a branch, a tag, `HEAD~2`, a hash…). */
export function verifyRevision(rev: string, cwd: string): void {
  if (rev === "" || !git(["rev-parse", "--verify", "--quiet", "--end-of-options", `${rev}^{commit}`], cwd).ok) {
    throw new GitVersionError(`"${rev}" is not a revision of this repository`);
  }
}

export interface GitVersion {
  /** The file's bytes at the revision; undefined when the file does not exist there (a new charter). */
  bytes: Buffer | undefined;
}

/**
 * The bytes of `repoPath` (relative to the repository root, or to `cwd` when it starts with
 * `./` or `../`) at revision `rev`, read in `cwd`'s repository.
 */
export function readAtRevision(rev: string, repoPath: string, cwd: string): GitVersion {
  verifyRevision(rev, cwd);
  const object = `${rev}:${repoPath}`;
  if (!git(["cat-file", "-e", "--end-of-options", object], cwd).ok) return { bytes: undefined };
  const show = git(["show", "--end-of-options", object], cwd);
  if (!show.ok) throw new GitVersionError(show.message);
  return { bytes: show.stdout };
}

/** A file of the working tree as it is at `rev` (the editor's "Compare with Git HEAD"). */
export function fileAtRevision(file: string, rev = "HEAD"): GitVersion & { repoPath: string } {
  // git gives the root with symbolic links resolved: so must the file's folder be.
  const folder = fs.realpathSync(path.dirname(file));
  const root = gitRoot(folder);
  const repoPath = path
    .relative(root, path.join(folder, path.basename(file)))
    .split(path.sep)
    .join("/");
  return { ...readAtRevision(rev, repoPath, folder), repoPath };
}
