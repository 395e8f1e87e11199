// Preloaded (`node --expose-gc --require`) into every language server the benchmark starts,
// ours, the floor's and yaml-language-server alike. It only listens: on SIGUSR2 it runs a full
// garbage collection and writes process.memoryUsage() as one line to stderr
// ("memory-probe {json}"), so that "flat after closing documents" can be judged on the live
// heap rather than on an RSS that the allocator may keep. It changes nothing else.
"use strict";
process.on("SIGUSR2", () => {
  if (typeof global.gc === "function") {
    global.gc();
    global.gc();
  }
  process.stderr.write(`memory-probe ${JSON.stringify(process.memoryUsage())}\n`);
});
