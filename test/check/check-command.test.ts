import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import Ajv from "ajv";
import reportSchema from "../schemas/json-report.schema.json";
import { CLI, FIXTURES, TEST_TODAY } from "../support/paths";
import { runCli } from "../support/run-cli";

/** `partner-charter check` as a subprocess, option by option (CLI.md). */

const CLEAN = fs.readFileSync(path.join(FIXTURES, "structure", "format-md-example.partner.yaml"), "utf8");
const BROKEN = CLEAN.replace("tier: strategic", "tier: strategc").replace(/^ {2}exitCriteria:/m, "  exitCritera:");

interface JsonReport {
  version: number;
  files: { path: string; diagnostics: { rule: string; severity: string; line: number; column: number }[] }[];
  summary: { files: number; errors: number; warnings: number; infos: number; hints: number; suppressed?: number };
}

describe("partner-charter check", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "pc-check-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function write(relative: string, text: string): string {
    const file = path.join(dir, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return relative;
  }
  const withId = (text: string, id: string): string => text.replace("id: acme-cloudco-msp", `id: ${id}`);
  const json = (args: string[]): { status: number | null; report: JsonReport; stderr: string } => {
    const today = args.includes("--today") ? [] : ["--today", TEST_TODAY];
    const run = runCli(["check", ...args, "--format", "json", ...today], { cwd: dir });
    return { status: run.status, report: JSON.parse(run.stdout) as JsonReport, stderr: run.stderr };
  };

  it("the JSON report matches the CLI.md shape field for field", () => {
    write("partners/a.partner.yaml", withId(BROKEN, "a"));
    write("partners/b.partner.yml", withId(CLEAN, "b"));
    const { status, report } = json([]);
    assert.equal(status, 1);
    const validate = new Ajv({ allErrors: true }).compile(reportSchema);
    assert.ok(validate(report), JSON.stringify(validate.errors, null, 2));
    assert.deepEqual(
      report.files.map((file) => file.path),
      ["partners/a.partner.yaml", "partners/b.partner.yml"],
    );
    assert.deepEqual(report.files[1]!.diagnostics, [], "a clean file still appears, with an empty list");
    const lines = report.files[0]!.diagnostics.map((d) => d.line);
    assert.deepEqual(
      lines,
      [...lines].sort((x, y) => x - y),
      "diagnostics sorted by position",
    );
    assert.equal(report.summary.errors, 2);
    assert.equal(report.summary.files, 2);
  });

  it("1-based columns, exclusive end column", () => {
    write("a.partner.yaml", BROKEN);
    const { report } = json(["a.partner.yaml"]);
    const tier = report.files[0]!.diagnostics.find(
      (d) => d.line === BROKEN.split("\n").indexOf("tier: strategc") + 1,
    ) as { column: number; endColumn: number } | undefined;
    assert.ok(tier);
    assert.equal(tier.column, 7);
    assert.equal(tier.endColumn, 15);
  });

  it("exit 0 for clean charters, 1 for errors", () => {
    write("ok.partner.yaml", CLEAN);
    assert.equal(runCli(["check", "--today", TEST_TODAY], { cwd: dir }).status, 0);
    write("bad.partner.yaml", withId(BROKEN, "bad"));
    const run = runCli(["check", "--today", TEST_TODAY], { cwd: dir });
    assert.equal(run.status, 1);
    assert.match(run.stdout, /bad\.partner\.yaml/);
    assert.match(run.stdout, /did you mean "strategic"\?/);
    assert.match(run.stdout, / schema$/m, "stylish shows the rule id");
  });

  it("globs, folders and .gitignore; node_modules and .git are skipped", () => {
    write("a/one.partner.yaml", withId(CLEAN, "one"));
    write("b/two.partner.yaml", withId(CLEAN, "two"));
    write("ignored/three.partner.yaml", withId(BROKEN, "three"));
    write("node_modules/pkg/four.partner.yaml", withId(BROKEN, "four"));
    write(".git/five.partner.yaml", withId(BROKEN, "five"));
    write(".gitignore", "ignored/\n");
    assert.deepEqual(
      json(["."]).report.files.map((f) => f.path),
      ["a/one.partner.yaml", "b/two.partner.yaml"],
    );
    assert.deepEqual(
      json(["b/*.partner.yaml"]).report.files.map((f) => f.path),
      ["b/two.partner.yaml"],
    );
    assert.deepEqual(
      json(["a"]).report.files.map((f) => f.path),
      ["a/one.partner.yaml"],
    );
  });

  it("duplicate-id across the files of one run, on each id", () => {
    write("x.partner.yaml", CLEAN);
    write("y.partner.yaml", CLEAN);
    const { report } = json([]);
    for (const file of report.files) {
      assert.deepEqual(
        file.diagnostics.map((d) => `${d.rule}@${d.line}:${d.column}`),
        ["duplicate-id@4:5"],
      );
    }
  });

  it("--output writes the report to a file", () => {
    write("bad.partner.yaml", BROKEN);
    const run = runCli(["check", "--format", "json", "--output", "out/report.json", "--today", TEST_TODAY], {
      cwd: dir,
    });
    assert.equal(run.status, 1);
    assert.equal(run.stdout, "");
    const report = JSON.parse(fs.readFileSync(path.join(dir, "out/report.json"), "utf8")) as JsonReport;
    assert.equal(report.summary.errors, 2);
  });

  it("--quiet reports errors only; --max-warnings N turns warnings into a failure", () => {
    const warningOnly = CLEAN.replace(/^ {2}escalation: .*\n/m, "");
    write("w.partner.yaml", warningOnly);
    const all = json([]);
    const warnings = all.report.summary.warnings;
    assert.ok(warnings >= 1, JSON.stringify(all.report));
    assert.equal(all.report.summary.errors, 0);
    assert.equal(all.status, 0);
    const quiet = json(["--quiet"]);
    assert.equal(quiet.report.summary.warnings, 0);
    assert.equal(runCli(["check", "--max-warnings", String(warnings), "--today", TEST_TODAY], { cwd: dir }).status, 0);
    assert.equal(
      runCli(["check", "--max-warnings", String(warnings - 1), "--today", TEST_TODAY], { cwd: dir }).status,
      1,
    );
  });

  it("--today changes date-relative findings", () => {
    const dated = CLEAN.replace("updated: 2026-11-02", "updated: 2026-01-02");
    write("d.partner.yaml", dated);
    const stale = json(["--today", "2026-11-24"]).report.files[0]!.diagnostics.map((d) => d.rule);
    const fresh = json(["--today", "2026-02-01"]).report.files[0]!.diagnostics.map((d) => d.rule);
    assert.notDeepEqual(stale, fresh);
  });

  it("--config uses the given file instead of discovery; config problems are reported in that file", () => {
    write("c.partner.yaml", BROKEN);
    write(".partner-charter.yaml", "rules:\n  schema: off\n");
    assert.equal(json([]).report.summary.errors, 0, "the discovered config turns schema off");
    write("strict.yaml", "rules:\n  schema: error\n  phase-durations: off\n");
    const { report, status } = json(["--config", "strict.yaml"]);
    assert.equal(status, 1);
    const configFile = report.files.find((file) => file.path === "strict.yaml");
    assert.ok(configFile, JSON.stringify(report.files));
    assert.deepEqual(
      configFile.diagnostics.map((d) => `${d.rule}@${d.line}:${d.column}`),
      ["config@3:3"],
    );
  });

  it("usage problems exit 2 with one line on stderr", () => {
    for (const args of [
      ["check", "--format", "xml"],
      ["check", "--today", "2026-13-01"],
      ["check", "--max-warnings", "lots"],
      ["check", "--config", "missing.yaml"],
      ["check", "missing.partner.yaml"],
      ["check", "--nope"],
      ["frobnicate"],
    ]) {
      const run = runCli(args, { cwd: dir });
      assert.equal(run.status, 2, args.join(" "));
      assert.equal(run.stdout, "");
      assert.match(run.stderr, /^partner-charter: [^\n]+\n$/, `${args.join(" ")}: ${run.stderr}`);
    }
  });

  it("colour only on a TTY and never with NO_COLOR", () => {
    write("bad.partner.yaml", BROKEN);
    const piped = runCli(["check", "--today", TEST_TODAY], { cwd: dir, env: { NO_COLOR: undefined, CI: "true" } });
    assert.doesNotMatch(piped.stdout, /\u001b\[/, "no colour when piped, even in CI");
    const tty = (env: Record<string, string>) =>
      spawnSync("script", ["-qec", `node ${CLI} check --today ${TEST_TODAY}`, "/dev/null"], {
        cwd: dir,
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "", ...env },
      }).stdout;
    assert.match(tty({}), /\u001b\[31m/, "colour on a terminal");
    assert.doesNotMatch(tty({ NO_COLOR: "1" }), /\u001b\[/, "NO_COLOR wins on a terminal");
  });
});
