// The core in process: checkCharter vs the floor on the same text, in a child process of its
// own (node --expose-gc), so that nothing else the benchmark does is on its heap.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const CHILD = fileURLToPath(new URL("./core-child.cjs", import.meta.url));

export function runCore(ctx, plan, log) {
  const config = {
    root: ctx.root,
    coreBundle: ctx.build.core,
    today: ctx.today,
    sizes: plan.sizes.map((s) => ({ ...s, file: ctx.charterFile(s.lines) })),
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--expose-gc", CHILD, JSON.stringify(config)], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`core benchmark failed (${code}): ${err}`));
      const results = JSON.parse(out);
      for (const r of results) {
        const med = (xs) => [...xs].sort((a, b) => a - b)[(xs.length - 1) >> 1];
        log(`  core ${r.lines} lines: ours ${med(r.ours).toFixed(2)} ms, floor ${med(r.floor).toFixed(2)} ms`);
      }
      resolve(results);
    });
  });
}
