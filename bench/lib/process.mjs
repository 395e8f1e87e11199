// Runs a command as a fresh process and measures it: wall time (spawn → exit, in the
// benchmark process), CPU time and peak RSS (reported by the process itself through
// bench/lib/rusage.cjs on fd 3). Output is drained and counted, never kept.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const RUSAGE = fileURLToPath(new URL("./rusage.cjs", import.meta.url));

export function runMeasured(args, { cwd, env } = {}) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ["--require", RUSAGE, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: "1", ...env },
      stdio: ["ignore", "pipe", "pipe", "pipe"],
    });
    let stdoutBytes = 0;
    let stderr = "";
    let usage = "";
    let head = "";
    child.stdout.on("data", (chunk) => {
      stdoutBytes += chunk.length;
      if (head.length < 400) head += chunk.toString().slice(0, 400);
    });
    child.stderr.on("data", (chunk) => {
      if (stderr.length < 4000) stderr += chunk;
    });
    child.stdio[3].on("data", (chunk) => (usage += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      let parsed = {};
      try {
        parsed = JSON.parse(usage);
      } catch {
        // no usage: the process died before its exit handler
      }
      resolve({
        code,
        wallMs,
        cpuMs: (parsed.userMs ?? NaN) + (parsed.systemMs ?? NaN),
        peakRssMiB: (parsed.maxRssKiB ?? NaN) / 1024,
        stdoutBytes,
        head,
        stderr,
      });
    });
  });
}
