import * as assert from "node:assert/strict";
import { assertUsageError, CLEAN, insertLinesAfter, TempDir } from "./helpers";

/** `check -` with `--stdin-filepath`, and `--write-baseline` / `--baseline` (CLI.md, issue 6). */

interface JsonReport {
  files: { path: string; diagnostics: { rule: string; line: number; message: string }[] }[];
  summary: { errors: number; warnings: number; infos: number; baselined?: number };
}

/** Two schema errors and an unknown key: three findings to accept into a baseline. */
const LEGACY = CLEAN.replace("tier: strategic", "tier: strategc")
  .replace(/^ {2}exitCriteria:/m, "  exitCritera:")
  .replace("owner: priya.shah@acme.example\n", "owner: priya.shah@acme.example\nnotes: kept for the finance export\n");

describe("check - (standard input)", () => {
  let temp: TempDir;
  beforeEach(() => (temp = new TempDir()));
  afterEach(() => temp.remove());

  it("reads the charter from stdin and reports it under --stdin-filepath", () => {
    const run = temp.cli(["check", "-", "--stdin-filepath", "x/acme.partner.yaml", "--format", "json"], LEGACY);
    assert.equal(run.status, 1, run.stderr);
    const report = JSON.parse(run.stdout) as JsonReport;
    assert.deepEqual(
      report.files.map((file) => file.path),
      ["x/acme.partner.yaml"],
    );
    assert.equal(report.files[0]!.diagnostics.length, 3);
  });

  it("defaults the path to <stdin> and checks only stdin, not the current folder", () => {
    temp.write("other.partner.yaml", LEGACY);
    const run = temp.cli(["check", "-", "--format", "json"], CLEAN);
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout) as JsonReport;
    assert.deepEqual(
      report.files.map((file) => file.path),
      ["<stdin>"],
    );
  });

  it("finds the config from --stdin-filepath's folder", () => {
    temp.write("team/.partner-charter.yaml", "rules:\n  schema: warning\n");
    const run = temp.cli(["check", "-", "--stdin-filepath", "team/acme.partner.yaml", "--format", "json"], LEGACY);
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout) as JsonReport;
    assert.equal(report.summary.errors, 0);
    assert.equal(report.summary.warnings, 3);
  });

  it("--stdin-filepath without - is a usage error", () => {
    assertUsageError(temp.cli(["check", "--stdin-filepath", "a.partner.yaml"], CLEAN), /standard input/);
  });
});

describe("check --write-baseline / --baseline", () => {
  let temp: TempDir;
  beforeEach(() => (temp = new TempDir()));
  afterEach(() => temp.remove());

  const check = (args: string[]) => {
    const run = temp.cli(["check", ...args, "--format", "json"]);
    return { status: run.status, report: JSON.parse(run.stdout) as JsonReport, stderr: run.stderr };
  };

  it("writes today's findings (file, rule, content hash, count) and exits 0", () => {
    temp.write("partners/acme.partner.yaml", LEGACY);
    const run = temp.cli(["check", "--write-baseline", "baseline.json"]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /baseline written to baseline\.json \(3 findings\)/);
    const baseline = JSON.parse(temp.read("baseline.json")) as {
      version: number;
      entries: { file: string; rule: string; hash: string; count: number }[];
    };
    assert.equal(baseline.version, 1);
    assert.equal(baseline.entries.length, 3);
    for (const entry of baseline.entries) {
      assert.equal(entry.file, "partners/acme.partner.yaml");
      assert.equal(entry.rule, "schema");
      assert.match(entry.hash, /^[0-9a-f]{32}$/);
      assert.equal(entry.count, 1);
    }
    assert.ok(!JSON.stringify(baseline).includes('"line"'), "no line numbers in a baseline");
  });

  it("hides known findings, also after lines move, and reports only new ones", () => {
    temp.write("partners/acme.partner.yaml", LEGACY);
    assert.equal(temp.cli(["check", "--write-baseline", "baseline.json"]).status, 0);

    let result = check(["--baseline", "baseline.json"]);
    assert.equal(result.status, 0, "nothing new: exit 0");
    assert.deepEqual(result.report.files[0]!.diagnostics, []);
    assert.equal(result.report.summary.errors, 0);

    const moved = insertLinesAfter(LEGACY, "title:", 5);
    temp.write("partners/acme.partner.yaml", moved);
    result = check(["--baseline", "baseline.json"]);
    assert.equal(result.status, 0, "inserting lines above keeps the findings known");
    assert.deepEqual(result.report.files[0]!.diagnostics, []);

    temp.write("partners/acme.partner.yaml", moved.replace("  reviewCadence: monthly", "  reviewCadence: fortnightly"));
    const fresh = check(["--baseline", "baseline.json"]);
    assert.equal(fresh.status, 1, "a new error fails again");
    const diagnostics = fresh.report.files[0]!.diagnostics;
    assert.equal(diagnostics.length, 1);
    assert.match(diagnostics[0]!.message, /fortnightly/);
    assert.equal(fresh.report.summary.errors, 1);
  });

  it("matches by count: a second identical problem is new", () => {
    const once = CLEAN.replace("  marquee: true\n", "  marquee: true\n  extra: 1\n");
    temp.write("a.partner.yaml", once);
    assert.equal(temp.cli(["check", "--write-baseline", "b.json"]).status, 0);
    temp.write("a.partner.yaml", once.replace("  choice: partner\n", "  choice: partner\n  extra: 1\n"));
    const result = check(["--baseline", "b.json"]);
    assert.equal(result.status, 1);
    assert.equal(result.report.files[0]!.diagnostics.length, 1);
  });

  it("a fixed finding leaves the rest as they were; markdown counts the baselined ones", () => {
    temp.write("a.partner.yaml", LEGACY);
    assert.equal(temp.cli(["check", "--write-baseline", "b.json"]).status, 0);
    temp.write("a.partner.yaml", LEGACY.replace("notes: kept for the finance export\n", ""));
    assert.equal(check(["--baseline", "b.json"]).status, 0);
    const markdown = temp.cli(["check", "--baseline", "b.json", "--format", "markdown"]);
    assert.match(markdown.stdout, /2 in baseline/);
    const stylish = temp.cli(["check", "--baseline", "b.json"]);
    assert.match(stylish.stdout, /✔ 1 file checked, no problems, 2 baselined\./);
    assert.equal(check(["--baseline", "b.json"]).report.summary.baselined, 2);
    assert.equal(check([]).report.summary.baselined, undefined, "no baseline, no count");
  });

  it("a missing or invalid baseline is a usage error (exit 2, one line)", () => {
    temp.write("a.partner.yaml", CLEAN);
    assertUsageError(temp.cli(["check", "--baseline", "nope.json"]), /Baseline file not found: "nope\.json"/);
    temp.write("bad.json", "{ not json");
    assertUsageError(
      temp.cli(["check", "--baseline", "bad.json"]),
      /not a partner-charter baseline: it is not valid JSON/,
    );
    temp.write("bad.json", JSON.stringify({ version: 1, entries: [{ file: "a", rule: "schema" }] }));
    assertUsageError(temp.cli(["check", "--baseline", "bad.json"]), /entry 1 needs/);
    temp.write("bad.json", JSON.stringify({ version: 7, entries: [] }));
    assertUsageError(temp.cli(["check", "--baseline", "bad.json"]), /unsupported version 7/);
    assertUsageError(temp.cli(["check", "--baseline", "b.json", "--write-baseline", "b.json"]), /either/);
  });
});
