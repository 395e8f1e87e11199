// `node bench/program-overhead.mjs [--runs N]` (after `npm run build`): the cost of a partner
// program on the CLI's corpus check. The benchmark's 1,000-file corpus is checked as it is and
// with a program file at its root (examples/acme-partner-network's program: three tiers with
// requirements, so every charter is judged against its tier), run by run, alternating which
// goes first. Prints the median wall and CPU times of each and their ratio (target: ≤ 1.1×).
import { cpSync, existsSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateCorpus, TODAY } from "./lib/generate.mjs";
import { runMeasured } from "./lib/process.mjs";
import { quantile } from "./lib/stats.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const runsIndex = process.argv.indexOf("--runs");
const runs = runsIndex >= 0 ? Number(process.argv[runsIndex + 1]) : 7;
const inputs = process.env.BENCH_INPUTS ?? join(tmpdir(), "partner-charter-bench");
const plain = join(inputs, "corpus-1000");
const withProgram = join(inputs, "corpus-1000-program");

mkdirSync(inputs, { recursive: true });
generateCorpus(plain, 1000);
if (!existsSync(join(withProgram, "acme.partner-program.yaml"))) {
  rmSync(withProgram, { recursive: true, force: true });
  cpSync(plain, withProgram, { recursive: true });
  cpSync(
    join(root, "examples/acme-partner-network/acme-partner-network.partner-program.yaml"),
    join(withProgram, "acme.partner-program.yaml"),
  );
}

const check = (dir) => [join(root, "dist/cli.js"), "check", dir, "--today", TODAY, "--format", "json"];
const samples = { plain: [], program: [] };
await runMeasured(check(plain), { cwd: root }); // page cache and code cache warm
await runMeasured(check(withProgram), { cwd: root });
for (let i = 0; i < runs; i++) {
  const order = i % 2 === 0 ? ["plain", "program"] : ["program", "plain"];
  for (const key of order) {
    const result = await runMeasured(check(key === "plain" ? plain : withProgram), { cwd: root });
    if (result.code === 2 || result.code === null) throw new Error(`${key} failed: ${result.stderr}`);
    samples[key].push(result);
  }
}
const median = (list, field) =>
  quantile(
    list.map((sample) => sample[field]),
    0.5,
  );
for (const field of ["wallMs", "cpuMs"]) {
  const a = median(samples.plain, field);
  const b = median(samples.program, field);
  console.log(
    `${field}: without a program ${a.toFixed(0)} ms, with one ${b.toFixed(0)} ms, ratio ${(b / a).toFixed(3)}×`,
  );
}
