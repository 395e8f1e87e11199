import { parentPort } from "node:worker_threads";
import { summarizeFile, type FileJob } from "../../core/src/engine/check-files";

/**
 * A worker thread of `check` (cli/src/worker-pool.ts; bundled as dist/check-worker.js): the
 * per-file work of each batch of jobs it is sent, its summaries sent back in the batch's order.
 */
parentPort?.on("message", ({ batch, jobs }: { batch: number; jobs: FileJob[] }) => {
  try {
    parentPort!.postMessage({ batch, summaries: jobs.map(summarizeFile) });
  } catch (error) {
    parentPort!.postMessage({ batch, error: (error as Error)?.message ?? String(error) });
  }
});
