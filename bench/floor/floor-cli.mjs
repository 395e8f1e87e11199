// The floor CLI: the least a command-line YAML + JSON Schema checker of charters can do.
// For each file (named, or found under a named folder): read it, yaml.parseDocument, and one
// validation of doc.toJS() with the SAME precompiled ajv validator as the core
// (core/generated/charter-validator.js). Prints one line with the counts; no messages, no
// ranges, no rules. Exit code 1 when a problem was found, like a linter.
//
//   node floor-cli.mjs [--workers N] PATH…   (N = 0: the main thread alone, the default)
//   node floor-cli.mjs --version
//
// The benchmark bundles it with esbuild like dist/cli.js (bench/results/build/floor-cli.cjs),
// so both load one file. Heavy modules are required lazily: `--version` loads nothing.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
const CHARTER = /\.partner\.ya?ml$/;

async function checkFiles(files) {
  // Dynamic imports with literal specifiers: esbuild bundles them, and evaluates them only here.
  const { parseDocument } = await import("yaml");
  const validate = (await import("../../core/generated/charter-validator.js")).default;
  let problems = 0;
  let failed = 0;
  for (const file of files) {
    const doc = parseDocument(readFileSync(file, "utf8"));
    let count = doc.errors.length;
    if (count === 0 && !validate(doc.toJS())) count = validate.errors.length;
    problems += count;
    if (count) failed++;
  }
  return { files: files.length, problems, failed };
}

function collect(paths) {
  const files = [];
  for (const given of paths) {
    if (statSync(given).isFile()) {
      files.push(given);
      continue;
    }
    for (const entry of readdirSync(given, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !CHARTER.test(entry.name)) continue;
      const parent = entry.parentPath ?? entry.path;
      if (/(^|\/)(node_modules|\.git)(\/|$)/.test(parent)) continue;
      files.push(join(parent, entry.name));
    }
  }
  return files.sort();
}

async function main(argv) {
  if (argv[0] === "--version") {
    process.stdout.write("floor 1.0.0\n");
    return 0;
  }
  let workers = 0;
  const paths = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--workers") workers = Number(argv[++i]);
    else paths.push(argv[i]);
  }
  const files = collect(paths.length ? paths : ["."]);
  let total;
  if (workers > 0 && files.length > 1) {
    const n = Math.min(workers, files.length);
    const slices = Array.from({ length: n }, (_, w) => files.filter((_, i) => i % n === w));
    const self = process.argv[1]; // this script, bundled (.cjs) or not (.mjs)
    const results = await Promise.all(
      slices.map(
        (slice) =>
          new Promise((resolve, reject) => {
            const worker = new Worker(self, { workerData: { files: slice } });
            worker.once("message", resolve);
            worker.once("error", reject);
          }),
      ),
    );
    total = results.reduce((a, b) => ({
      files: a.files + b.files,
      problems: a.problems + b.problems,
      failed: a.failed + b.failed,
    }));
  } else total = await checkFiles(files);
  process.stdout.write(`${total.files} files checked, ${total.problems} problems in ${total.failed} files.\n`);
  return total.problems ? 1 : 0;
}

if (isMainThread) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error) => {
      process.stderr.write(`floor-cli: ${error.message}\n`);
      process.exitCode = 2;
    },
  );
} else {
  checkFiles(workerData.files).then((result) => parentPort.postMessage(result));
}
