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
