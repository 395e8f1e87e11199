// Preloaded (`node --require`) into every CLI process the benchmark times, ours and the
// floor's alike: at exit it writes the process's own resource usage (all threads) as JSON to
// file descriptor 3, which the benchmark reads. CPU time = user + system; maxRSS = peak RSS.
// (Preloads run in worker threads too: only the main thread reports.)
"use strict";
const fs = require("node:fs");
const { isMainThread } = require("node:worker_threads");
if (isMainThread) {
  process.on("exit", () => {
    const usage = process.resourceUsage();
    try {
      fs.writeSync(
        3,
        JSON.stringify({
          userMs: usage.userCPUTime / 1000,
          systemMs: usage.systemCPUTime / 1000,
          maxRssKiB: usage.maxRSS,
        }),
      );
    } catch {
      // not run by the benchmark
    }
  });
}
