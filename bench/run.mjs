// `npm run bench` (after `npm run build`): measures the core, the language server and the CLI
// against the physical floor and against Red Hat's yaml-language-server, in one run and on the
// same generated inputs, and prints one table (medians, min–max, ratios). Writes
// bench/results/latest.json (every sample) and bench/results/latest.md (the table).
//
//   node bench/run.mjs [--quick] [--only startup,core,servers,cli,portfolio]
//
// --quick: few iterations, for checking that the benchmark itself works (numbers meaningless).
// --quick and --only write bench/results/partial.{md,json}; only a full run writes latest.*.
// BENCH_INPUTS=DIR: where the generated charters and corpora go (default: the OS temp folder,
// outside any git work tree, because the CLI honours .gitignore and bench/results/ is ignored).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildBench, ourDebounceMs } from "./lib/build.mjs";
import { generateCharter, generateCorpus, TODAY } from "./lib/generate.mjs";
import { runCore } from "./sections/core.mjs";
import { runServerPeakMemory, runServerRelease, runServers, runServerStartup } from "./sections/servers.mjs";
import { runCli, runCliStartup } from "./sections/cli.mjs";
import { runPortfolioCli, runPortfolioServer } from "./sections/portfolio.mjs";
import { buildRows, renderTable } from "./lib/report.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const quick = args.includes("--quick");
const onlyIndex = args.indexOf("--only");
const only = onlyIndex >= 0 ? new Set(args[onlyIndex + 1].split(",")) : undefined;
const want = (section) => !only || only.has(section);

const SIZES = [100, 1000, 10000, 50000];
const MAX_MB = 2; // core/src/parse/parse-charter.ts MAX_CHARTER_BYTES: the 50,000-line charter must stay under it
const CORPORA = [1000, 10000];

// Iteration counts: enough for stable medians on a busy 2-core machine, within ~10 minutes.
const PLAN = quick
  ? {
      startup: { cliRuns: 3, serverRounds: 2 },
      core: [
        { lines: 100, warmup: 20, samples: 20 },
        { lines: 1000, warmup: 5, samples: 6 },
        { lines: 10000, warmup: 1, samples: 3 },
        { lines: 50000, warmup: 0, samples: 1 },
      ],
      servers: {
        sizes: [
          { lines: 100, opens: 2, edits: 4 },
          { lines: 1000, opens: 2, edits: 4 },
          { lines: 10000, opens: 1, edits: 2 },
          { lines: 50000, opens: 1, edits: 2 },
        ],
        flat: { lines: 10000, cycles: 2, servers: ["ours", "floor", "yls"] },
        peak: { rounds: 1, sizes: [1000, 10000], edits: 2 },
        release: { charters: 200, cycles: 2, lines: 100 },
      },
      cli: {
        files: SIZES.map((lines) => ({ lines, runs: 2 })),
        corpora: [
          { files: 1000, runs: 1, workersRuns: true },
          { files: 10000, runs: 1, workersRuns: true },
        ],
        cache: { files: 10000, changed: 10, runs: 1 },
        workers: availableParallelism(),
      },
      portfolio: { cli: { files: 1000, runs: 1 }, server: { files: 1000, edits: 3 } },
    }
  : {
      startup: { cliRuns: 15, serverRounds: 8 },
      core: [
        { lines: 100, warmup: 200, samples: 200 },
        { lines: 1000, warmup: 30, samples: 50 },
        { lines: 10000, warmup: 3, samples: 12 },
        { lines: 50000, warmup: 1, samples: 4 },
      ],
      servers: {
        sizes: [
          { lines: 100, opens: 8, edits: 25 },
          { lines: 1000, opens: 6, edits: 25 },
          { lines: 10000, opens: 4, edits: 21 },
          { lines: 50000, opens: 2, edits: 5 },
        ],
        flat: { lines: 10000, cycles: 4, servers: ["ours", "floor", "yls"] },
        peak: { rounds: 5, sizes: [1000, 10000, 50000], edits: 3 },
        release: { charters: 200, cycles: 10, lines: 100 },
      },
      cli: {
        files: [
          { lines: 100, runs: 15 },
          { lines: 1000, runs: 8 },
          { lines: 10000, runs: 5 },
          { lines: 50000, runs: 3 },
        ],
        corpora: [
          { files: 1000, runs: 5, workersRuns: true },
          { files: 10000, runs: 3, workersRuns: true },
        ],
        cache: { files: 10000, changed: 10, runs: 3 },
        // "all cores": one worker per core for ours (--jobs) and for the floor (--workers)
        workers: availableParallelism(),
      },
      portfolio: { cli: { files: 10000, runs: 3 }, server: { files: 10000, edits: 11 } },
    };

const log = (message) => process.stderr.write(`${message}\n`);

function machine() {
  let commit = "";
  try {
    commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
  } catch {
    // not a git work tree
  }
  let yls = "not installed";
  try {
    yls = JSON.parse(readFileSync(join(root, "node_modules/yaml-language-server/package.json"), "utf8")).version;
  } catch {
    // the server section will fail and say so
  }
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    yamlLanguageServer: yls,
    commit,
    loadAverageAtStart: loadavg().map((x) => Number(x.toFixed(2))),
  };
}

async function main() {
  if (!existsSync(join(root, "dist/cli.js"))) throw new Error("dist/cli.js is missing: run `npm run build` first.");
  const hasServer = existsSync(join(root, "dist/server.js"));
  const started = Date.now();
  const info = machine();
  log(
    `Partner Charter benchmark${quick ? " (quick: numbers are not meaningful)" : ""}: ${info.cpus} × ${info.cpuModel}, node ${info.node}, load ${info.loadAverageAtStart.join(" ")}`,
  );

  const inputs = process.env.BENCH_INPUTS ?? join(tmpdir(), "partner-charter-bench");
  mkdirSync(inputs, { recursive: true });
  const charterFile = (lines) => join(inputs, `charter-${lines}.partner.yaml`);
  const texts = new Map();
  for (const lines of SIZES) {
    const text = generateCharter(lines);
    if (text.length > MAX_MB * 1024 * 1024)
      throw new Error(`the ${lines}-line charter is over the core's ${MAX_MB} MB limit`);
    texts.set(lines, text);
    writeFileSync(charterFile(lines), text);
  }
  const corpora = {};
  for (const files of CORPORA) {
    log(`generating the ${files}-file corpus…`);
    corpora[files] = generateCorpus(join(inputs, `corpus-${files}`), files);
  }
  const build = await buildBench(root);
  const ctx = {
    root,
    today: TODAY,
    inputs,
    build,
    charterFile,
    charterText: (lines) => texts.get(lines),
    corpusDir: (files) => join(inputs, `corpus-${files}`),
  };
  const debounceMs = ourDebounceMs(root);
  const raw = {};

  if (want("startup")) {
    log("start-up…");
    raw.cliStartup = await runCliStartup(ctx, { runs: PLAN.startup.cliRuns }, log);
    if (hasServer)
      raw.serverStartup = await runServerStartup(ctx, { rounds: PLAN.startup.serverRounds, lines: 100 }, log);
  }
  if (want("core")) {
    log("core in process…");
    raw.core = await runCore(ctx, { sizes: PLAN.core }, log);
  }
  if (want("servers") && hasServer) {
    log("language servers…");
    raw.servers = await runServers(ctx, PLAN.servers, log);
    raw.servers.peak = await runServerPeakMemory(ctx, PLAN.servers.peak, log);
    raw.servers.peakPlan = PLAN.servers.peak;
    raw.servers.release = await runServerRelease(ctx, PLAN.servers.release, log);
  } else if (!hasServer) log("dist/server.js is missing: the language-server measurements are skipped.");
  if (want("cli")) {
    log("CLI…");
    raw.cli = await runCli(ctx, PLAN.cli, log);
  }

  if (want("portfolio")) {
    log("portfolio…");
    raw.portfolio = { cli: await runPortfolioCli(ctx, PLAN.portfolio.cli, log) };
    if (hasServer) raw.portfolio.server = await runPortfolioServer(ctx, PLAN.portfolio.server, log);
  }

  info.loadAverageAtEnd = loadavg().map((x) => Number(x.toFixed(2)));
  info.durationSeconds = Math.round((Date.now() - started) / 1000);
  const inputsInfo = {
    today: TODAY,
    charters: Object.fromEntries(SIZES.map((lines) => [lines, { lines, bytes: Buffer.byteLength(texts.get(lines)) }])),
    corpora,
  };
  const rows = buildRows(raw, { debounceMs, workers: PLAN.cli.workers });
  const table = renderTable(rows);
  const header =
    `Partner Charter benchmark, ${new Date().toISOString().slice(0, 10)}${info.commit ? ` (commit ${info.commit})` : ""}: ` +
    `${info.cpus} × ${info.cpuModel}, ${info.memoryGiB} GiB, node ${info.node}, yaml-language-server ${info.yamlLanguageServer}; ` +
    `load average ${info.loadAverageAtStart[0]} at start, ${info.loadAverageAtEnd[0]} at end; ${info.durationSeconds} s.` +
    (quick ? " QUICK RUN: not meaningful." : "");
  const kb = (bytes) => `${(bytes / 1024).toFixed(bytes < 10240 ? 1 : 0)} KB`;
  const inputsLine =
    `Inputs: charters of ${SIZES.map((n) => n.toLocaleString("en-US")).join(" / ")} lines ` +
    `(${SIZES.map((n) => kb(inputsInfo.charters[n].bytes)).join(" / ")}; limit ${MAX_MB} MB), valid, no findings; corpora of ` +
    CORPORA.map(
      (n) =>
        `${n.toLocaleString("en-US")} files (${corpora[n].lines.toLocaleString("en-US")} lines, ` +
        `${(corpora[n].bytes / 2 ** 20).toFixed(1)} MB, ${corpora[n].withMistakes} with a mistake)`,
    ).join(" and ") +
    `; today = ${TODAY}.`;
  const md = `${header}\n\n${inputsLine}\n\n${table}\n`;
  process.stdout.write(`\n${md}`);
  const out = join(root, "bench/results");
  mkdirSync(out, { recursive: true });
  // Only a full run is "latest"; --quick or --only runs go to partial.* so they never replace it.
  const name = quick || only ? "partial" : "latest";
  writeFileSync(join(out, `${name}.md`), md);
  writeFileSync(
    join(out, `${name}.json`),
    JSON.stringify(
      { machine: info, quick, debounceMs, inputs: inputsInfo, plan: PLAN, rows, raw: compact(raw) },
      null,
      1,
    ),
  );
  log(`\nwritten: bench/results/${name}.md, bench/results/${name}.json (${info.durationSeconds} s)`);
}

/** Keeps every sample but drops the per-run output excerpts from the JSON. */
function compact(raw) {
  return JSON.parse(JSON.stringify(raw, (key, value) => (key === "head" || key === "stderr" ? undefined : value)));
}

main().catch((error) => {
  process.stderr.write(`bench: ${error.stack ?? error}\n`);
  process.exitCode = 1;
});
