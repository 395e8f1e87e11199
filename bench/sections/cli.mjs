// The CLI as a fresh process, ours (dist/cli.js check) vs the floor CLI, interleaved run by
// run (alternating which goes first): wall time, CPU time (user + system, all threads) and
// peak RSS, per single file and per corpus. Also start-up: `--version`.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
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
  const ours = (paths, ...options) => [
    join(ctx.root, "dist/cli.js"),
    "check",
    ...paths,
    "--today",
    ctx.today,
    ...options,
  ];
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
    // ours and the floor on the main thread alone, and (workersRuns) both with one worker per core
    const extra = workersRuns
      ? { oursWorkers: ours([dir], "--jobs", String(plan.workers)), floorWorkers: floor([dir], plan.workers) }
      : {};
    data.corpora[files] = await pairs(ctx, runs, ours([dir], "--jobs", "1"), floor([dir]), extra);
    log(`  cli ${files}-file corpus: ${brief(data.corpora[files])}`);
  }
  if (plan.cache) data.cache = await runCache(ctx, plan.cache, ours, log);
  return data;
}

/**
 * `check --cache` on a corpus after changing `changed` of its files (a comment line added at
 * the end, a new one each run), the cache warm from the run before: what a CI job or a
 * pre-commit hook costs on a tree where little changed. The files are restored afterwards.
 */
async function runCache(ctx, { files, changed, runs }, ours, log) {
  const dir = ctx.corpusDir(files);
  const charters = readdirSync(dir, { recursive: true })
    .filter((name) => name.endsWith(".partner.yaml"))
    .sort();
  const step = Math.floor(charters.length / changed);
  const targets = Array.from({ length: changed }, (_, i) => join(dir, charters[i * step]));
  const originals = targets.map((file) => readFileSync(file, "utf8"));
  const args = ours([dir], "--cache", "--cache-location", join(ctx.inputs, `cache-${files}.json`));
  const samples = [];
  try {
    await runMeasured(args, { cwd: ctx.root }); // the cache of an earlier run
    for (let i = 0; i < runs; i++) {
      targets.forEach((file, k) => writeFileSync(file, `${originals[k]}\n# edited in run ${i}\n`));
      const result = await runMeasured(args, { cwd: ctx.root });
      if (result.code === 2 || result.code === null) throw new Error(`check --cache failed: ${result.stderr}`);
      samples.push(result);
    }
  } finally {
    targets.forEach((file, k) => writeFileSync(file, originals[k]));
  }
  log(`  cli --cache, ${files}-file corpus, ${changed} changed: ${brief({ ours: samples })}`);
  return { files, changed, ours: samples };
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
