import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Worker } from "node:worker_threads";
import { summarizeFile, type FileJob, type FileSummary, type SummarizeFiles } from "../../core/src";

/**
 * The per-file work of `check` on worker threads. The main thread plans (finds each folder's
 * config), hands out the jobs in small batches to whichever worker is free, puts the summaries
 * back in input order, and does every cross-file step itself (`checkFilesWith` in the core).
 * The workers run dist/check-worker.js (cli/src/check-worker.ts), bundled next to the CLI.
 */

/**
 * Below this many files the workers cost more than they save, so an automatic run stays in the
 * main thread. Measured on this project's 2-core machine (node 20, loaded 5× by other work, so
 * every figure inflated alike; docs/performance.md): each worker adds ≈ 0.3–0.4 s of CPU (its
 * start and loading dist/check-worker.js) where a charter of ≈ 120 lines costs ≈ 6 ms; with 2
 * workers, 50 files took 1.8–2.9 s against 2.3 s on one thread, 100 files 1.5–2.0 s against
 * 1.7–3.1 s. On a quiet machine both costs shrink alike, so the break-even stays near 100 files.
 */
export const PARALLEL_BREAK_EVEN_FILES = 100;
/** Each worker gets at least this many files: fewer would not pay for its start. */
const FILES_PER_WORKER = PARALLEL_BREAK_EVEN_FILES / 2;
/** Jobs sent at a time: large enough to make messages cheap, small enough to balance the load. */
const BATCH = 16;

/**
 * Each worker's young generation (V8's nursery), in MB: smaller than V8's default, which a worker
 * fills with the short-lived objects of each analysis and then keeps resident. Measured with two
 * workers on the 1,000-file corpus: peak RSS 216 MB by default, 189 MB at 8 MB, 182 MB at 4 MB;
 * CPU time the same within noise at 8 MB, +6% at 4 MB.
 */
const YOUNG_GENERATION_MB = 8;

/** The worker script: next to the bundled CLI. Absent when the CLI runs from its sources. */
export const WORKER_FILE = path.join(__dirname, "check-worker.js");

/**
 * How many worker threads a run of `files` files uses: `jobs` when given (`--jobs 1`: none, the
 * main thread alone), otherwise one per available core when the run is big enough to pay for them.
 */
export function workerCount(files: number, jobs: number | undefined): number {
  if (files < 2 || !fs.existsSync(WORKER_FILE)) return 0;
  if (jobs !== undefined) return jobs <= 1 ? 0 : Math.min(jobs, files);
  if (files < PARALLEL_BREAK_EVEN_FILES) return 0;
  return Math.max(0, Math.min(os.availableParallelism(), Math.floor(files / FILES_PER_WORKER)));
}

interface Reply {
  batch: number;
  summaries?: FileSummary[];
  error?: string;
}

/**
 * The per-file work over `count` worker threads (started on the call, stopped when done); with
 * no worker, the same work in the main thread.
 */
export function workerPool(count: number): SummarizeFiles {
  if (count === 0) return async (jobs) => jobs.map(summarizeFile);
  const inWorkers = pool(count);
  return async (jobs) => (jobs.length === 0 ? [] : inWorkers(jobs));
}

function pool(count: number): SummarizeFiles {
  return (jobs) =>
    new Promise<FileSummary[]>((resolve, reject) => {
      const results: FileSummary[] = new Array(jobs.length);
      const batches = Math.ceil(jobs.length / BATCH);
      let next = 0;
      let done = 0;
      let failed = false;
      const workers: Worker[] = [];
      const stop = (): void => {
        for (const worker of workers) void worker.terminate();
      };
      const fail = (error: Error): void => {
        if (failed) return;
        failed = true;
        stop();
        reject(error);
      };
      const feed = (worker: Worker): void => {
        if (next >= batches) return;
        const batch = next++;
        const slice: FileJob[] = jobs.slice(batch * BATCH, (batch + 1) * BATCH);
        worker.postMessage({ batch, jobs: slice });
      };
      for (let i = 0; i < Math.min(count, batches); i++) {
        const worker = new Worker(WORKER_FILE, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
        workers.push(worker);
        worker.on("message", (reply: Reply) => {
          if (reply.error !== undefined || !reply.summaries) return fail(new Error(reply.error));
          reply.summaries.forEach((summary, j) => (results[reply.batch * BATCH + j] = summary));
          if (++done === batches) {
            stop();
            resolve(results);
          } else feed(worker);
        });
        worker.on("error", fail);
        worker.on("exit", (code) => {
          if (done < batches) fail(new Error(`a worker thread stopped (exit code ${code}) before the check was done`));
        });
        // Two batches in flight per worker: it never waits for the main thread between them.
        feed(worker);
        feed(worker);
      }
    });
}
