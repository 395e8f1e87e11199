import { spawnSync } from "node:child_process";
import { CLI } from "./paths";

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
  durationMs: number;
}

/** Runs the bundled CLI as a user would: a fresh `node dist/cli.js` process. */
export function runCli(
  args: string[],
  options: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {},
): CliRun {
  const started = Date.now();
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd,
    input: options.input,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined, ...options.env },
    timeout: 60_000,
    // Reports of very large inputs run to megabytes (the default buffer is 1 MB).
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, durationMs: Date.now() - started };
}

/**
 * Runs the CLI in a shell whose file size limit is `limitKb` (`ulimit -f`): every write past
 * it fails with EFBIG, as on a full disk or a quota, to show that a failed write loses nothing.
 */
export function runCliWithFileSizeLimit(limitKb: number, args: string[], options: { cwd: string }): CliRun {
  const started = Date.now();
  const result = spawnSync("bash", ["-c", `ulimit -f ${limitKb}; exec "$0" "$@"`, process.execPath, CLI, ...args], {
    cwd: options.cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, durationMs: Date.now() - started };
}
