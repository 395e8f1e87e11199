// `npm run examples`: runs `partner-charter check examples` for the reader, then confirms that
// the findings are exactly the mistakes the examples announce. An announcement is a comment
//   # MISTAKE (rule-id[, rule-id…]): what is wrong
// on the line(s) above the YAML line the finding points at.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const cli = join(root, "dist", "cli.js");
const today = ["--today", "2026-11-24"];

const shown = spawnSync(process.execPath, [cli, "check", "examples", ...today], { cwd: root, stdio: "inherit" });
const run = spawnSync(process.execPath, [cli, "check", "examples", "--format", "json", ...today], {
  cwd: root,
  encoding: "utf8",
});
if (run.status === 2 || !run.stdout) {
  process.stderr.write(run.stderr);
  process.exit(2);
}
const report = JSON.parse(run.stdout);

const problems = [];
let announced = 0;
for (const file of report.files) {
  const lines = readFileSync(join(root, file.path), "utf8").split(/\r?\n/);
  const expected = [];
  let pending = [];
  lines.forEach((line, index) => {
    const match = /^\s*# MISTAKE \(([^)]+)\)/.exec(line);
    if (match) pending.push(...match[1].split(",").map((id) => id.trim()));
    else if (!/^\s*#/.test(line) && line.trim() !== "") {
      for (const rule of pending) expected.push({ rule, line: index + 1 });
      pending = [];
    }
  });
  announced += expected.length;
  for (const diagnostic of file.diagnostics) {
    const at = expected.findIndex((e) => e.rule === diagnostic.rule && e.line === diagnostic.line);
    if (at === -1)
      problems.push(`${file.path}:${diagnostic.line} unannounced finding ${diagnostic.rule}: ${diagnostic.message}`);
    else expected.splice(at, 1);
  }
  for (const missing of expected)
    problems.push(`${file.path}:${missing.line} announced ${missing.rule}, but it was not found`);
}

if (problems.length) {
  console.error(`\nThe examples do not behave as their comments announce:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
console.log(
  `\nAll ${report.files.length} examples checked: the ${announced} findings above are exactly the mistakes announced in their comments` +
    (shown.status === 1 ? " (so `partner-charter check` exited 1, as it does in CI for such charters)." : "."),
);
