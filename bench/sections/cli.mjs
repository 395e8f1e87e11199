// The CLI as a fresh process, ours (dist/cli.js check) vs the floor CLI, interleaved run by
// run (alternating which goes first): wall time, CPU time (user + system, all threads) and
// peak RSS, per single file and per corpus. Also start-up: `--version`.
import { join } from "node:path";
import { runMeasured } from "../lib/process.mjs";

async function pairs(ctx, runs, ours, floor, extra = {}) {
  const out = { ours: [], floor: [], ...Object.fromEntries(Object.keys(extra).map((k) => [k, []])) };
  const entries = [["ours", ours], ["floor", floor], ...Object.entries(extra)];
  for (let i = 0; i < runs; i++) {
    const order = i % 2 === 0 ? entries : [...entries].reverse();
    for (const [key, args] of order) {
      const result = await runMeasured(args, { cwd: ctx.root });
      if (result.code === 2 || result.code === null) {
        throw new Error(`${key} failed (exit ${result.code}): ${args.join(" ")}\n${result.stderr}`);
      }
      out[key].push(result);
    }
  }
  return out;
}

export async function runCli(ctx, plan, log) {
  const ours = (paths) => [join(ctx.root, "dist/cli.js"), "check", ...paths, "--today", ctx.today];
  const floor = (paths, workers = 0) => [
    ctx.build.floorCli,
    ...(workers ? ["--workers", String(workers)] : []),
    ...paths,
  ];
  const data = { files: {}, corpora: {} };
  for (const { lines, runs } of plan.files) {
    const file = ctx.charterFile(lines);
    // one untimed run each: the file is in the page cache, like the second run in CI
    await runMeasured(ours([file]), { cwd: ctx.root });
    await runMeasured(floor([file]), { cwd: ctx.root });
    data.files[lines] = await pairs(ctx, runs, ours([file]), floor([file]));
    log(`  cli ${lines}-line file: ${brief(data.files[lines])}`);
  }
  for (const { files, runs, workersRuns } of plan.corpora) {
    const dir = ctx.corpusDir(files);
    await runMeasured(floor([dir]), { cwd: ctx.root }); // warm the page cache
    const extra = workersRuns ? { floorWorkers: floor([dir], plan.workers) } : {};
    data.corpora[files] = await pairs(ctx, runs, ours([dir]), floor([dir]), extra);
    log(`  cli ${files}-file corpus: ${brief(data.corpora[files])}`);
  }
  return data;
}

export async function runCliStartup(ctx, { runs }, log) {
  // One untimed run of a command first: dist/cli.js keeps V8's compiled code of a run in the
  // OS temp folder (cli/launcher.cjs), as it has after any earlier use.
  await runMeasured([join(ctx.root, "dist/cli.js"), "check", ctx.charterFile(100), "--today", ctx.today], {
    cwd: ctx.root,
  });
  const data = await pairs(ctx, runs, [join(ctx.root, "dist/cli.js"), "--version"], [ctx.build.floorCli, "--version"], {
    bareNode: ["-e", "0"],
  });
  log(`  cli --version: ${brief(data)}`);
  return data;
}

function brief(pairs) {
  const med = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return s[(s.length - 1) >> 1];
  };
  return Object.entries(pairs)
    .map(
      ([k, runs]) =>
        `${k} ${med(runs.map((r) => r.wallMs)).toFixed(0)} ms wall, ${med(runs.map((r) => r.peakRssMiB)).toFixed(0)} MiB`,
    )
    .join("; ");
}
