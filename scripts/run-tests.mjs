// Runs the mocha suites, then the end-to-end suite in real VS Code, streaming their output,
// and ends with one line "total: N passed, N failed" that CI reads as the count of both.
import { spawn } from "node:child_process";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const suites = [
  { name: "mocha", command: join(root, "node_modules", ".bin", "mocha"), args: [] },
  { name: "e2e", command: process.execPath, args: [join(root, "test", "e2e", "run-e2e.mjs")] },
];

function run({ command, args }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
    let last;
    let buffer = "";
    child.stdout.on("data", (chunk) => {
      process.stdout.write(chunk);
      buffer += chunk.toString("utf8");
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines) {
        const match = /^(?:\w+: )?(\d+) passed, (\d+) failed/.exec(line.replace(/\u001b\[[0-9;]*m/g, "").trim());
        if (match) last = { passed: Number(match[1]), failed: Number(match[2]) };
      }
    });
    child.on("close", (code) => resolve({ code: code ?? 1, counts: last }));
  });
}

let passed = 0;
let failed = 0;
let exitCode = 0;
for (const suite of suites) {
  const { code, counts } = await run(suite);
  if (counts) {
    passed += counts.passed;
    failed += counts.failed;
  }
  if (code !== 0 || !counts) {
    exitCode = 1;
    if (!counts) {
      failed += 1; // a suite that could not report its count counts as a failure
      console.log(`${suite.name}: exited ${code} without a result line`);
    }
  }
}
console.log(`total: ${passed} passed, ${failed} failed`);
process.exit(exitCode);
