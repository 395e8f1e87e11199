import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import Ajv from "ajv";
import { REPO_ROOT } from "../support/paths";
import { runCli } from "../support/run-cli";
import { assertUsageError, expectGolden, GOLDEN, TempDir } from "./helpers";

/**
 * `partner-charter portfolio` through the bundled CLI: a folder of charters at every stage
 * (test/golden/portfolio/charters) with today fixed.
 */

const CHARTERS = path.join(GOLDEN, "portfolio", "charters");
const TODAY = "2026-12-02";

function portfolio(args: string[]): { status: number | null; stdout: string; stderr: string } {
  return runCli(["portfolio", "charters", "--today", TODAY, ...args], { cwd: path.dirname(CHARTERS) });
}

interface Json {
  charters: { id?: string; stage?: string; nextMilestone?: { id: string; date: string }; health: number | null }[];
  attention: { kind: string; id?: string; date?: string; line: number; file: string }[];
  totals: { byStage: Record<string, number> };
}

describe("CLI portfolio", () => {
  it("writes the json portfolio of a folder at every stage (golden), valid against its schema", () => {
    const run = portfolio(["--format", "json"]);
    assert.equal(run.status, 0, run.stderr);
    expectGolden(run.stdout, "portfolio/portfolio.json");
    const schema = JSON.parse(
      fs.readFileSync(path.join(REPO_ROOT, "schemas", "partner-charter-portfolio.schema.json"), "utf8"),
    );
    const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
    const data = JSON.parse(run.stdout) as Json;
    assert.ok(validate(data), JSON.stringify(validate.errors, null, 2));
    const stages = Object.fromEntries(data.charters.map((charter) => [charter.id, charter.stage]));
    assert.deepEqual(stages, {
      "hooli-connector": "crawl",
      "vandelay-imports": "ended",
      "initech-sync": "planned",
      "umbrella-analytics": "run",
      "wayne-payments": "walk",
      "globex-webhooks": "walk",
    });
  });

  it("puts overdue items first in needs attention, each with its file and line", () => {
    const data = JSON.parse(portfolio(["--format", "json"]).stdout) as Json;
    const kinds = data.attention.map((item) => `${item.kind}:${item.id}`);
    assert.deepEqual(kinds.slice(0, 4), [
      "review-overdue:umbrella-analytics",
      "decision-overdue:hooli-connector",
      "launch:globex-webhooks",
      "decision-due:globex-webhooks",
    ]);
    const overdue = data.attention[1]!;
    const lines = fs.readFileSync(path.join(path.dirname(CHARTERS), overdue.file), "utf8").split("\n");
    assert.match(lines[overdue.line - 1]!, /end: 2026-11-20/);
  });

  it("keeps upcoming decisions out of needs attention beyond --horizon", () => {
    const near = JSON.parse(portfolio(["--format", "json", "--horizon", "10"]).stdout) as Json;
    assert.ok(!near.attention.some((item) => item.kind === "decision-due"));
    assert.ok(!near.attention.some((item) => item.kind === "launch"));
  });

  it("counts the same errors and warnings as check", () => {
    const check = runCli(["check", "charters", "--today", TODAY, "--format", "json"], {
      cwd: path.dirname(CHARTERS),
    });
    const report = JSON.parse(check.stdout) as { files: { path: string; diagnostics: { severity: string }[] }[] };
    const data = JSON.parse(portfolio(["--format", "json"]).stdout) as {
      charters: { file: string; errors: number; warnings: number }[];
    };
    assert.equal(report.files.length, data.charters.length);
    for (const file of report.files) {
      const row = data.charters.find((charter) => charter.file === file.path);
      assert.ok(row, file.path);
      const count = (severity: string): number => file.diagnostics.filter((d) => d.severity === severity).length;
      assert.deepEqual([row.errors, row.warnings], [count("error"), count("warning")], file.path);
    }
  });

  it("says what the rules say: days overdue, launch items not done, review age", () => {
    const check = runCli(["check", "charters", "--today", TODAY, "--format", "json"], {
      cwd: path.dirname(CHARTERS),
    });
    const report = JSON.parse(check.stdout) as {
      files: { path: string; diagnostics: { rule: string; message: string }[] }[];
    };
    const message = (file: string, rule: string): string =>
      report.files.find((f) => f.path.endsWith(file))!.diagnostics.find((d) => d.rule === rule)!.message;
    const data = JSON.parse(portfolio(["--format", "json"]).stdout) as {
      attention: { kind: string; file: string; message: string; daysUntil?: number }[];
    };
    const item = (kind: string) => data.attention.find((a) => a.kind === kind)!;
    assert.match(message("crawl-overdue-hooli.partner.yaml", "decision-overdue"), /12 days overdue/);
    assert.match(item("decision-overdue").message, /overdue by 12 days/);
    const launch = message("walk-launch-globex.partner.yaml", "launch-readiness");
    assert.match(launch, /with 5 items not done/);
    assert.match(item("launch").message, /5 pre-launch items not done/);
    for (const name of [
      "caseStudy",
      "integrationValidated",
      "salesEnablement",
      "supportTrained",
      "marketplaceListing",
    ]) {
      assert.ok(launch.includes(name) && item("launch").message.includes(name), name);
    }
    // stale-charter: reviewed 212 days ago, every 120 days: due 92 days ago.
    assert.match(message("run-review-umbrella.partner.yaml", "stale-charter"), /212 days ago/);
    assert.equal(item("review-overdue").daysUntil, -92);
  });

  it("draws stylish tables within 100 columns", () => {
    const run = portfolio([]);
    assert.equal(run.status, 0, run.stderr);
    for (const line of run.stdout.split("\n")) assert.ok([...line].length <= 100, `too wide: ${line}`);
    assert.match(run.stdout, /Needs attention/);
    assert.match(run.stdout, /Hooli — crawl go\/no-go decision overdue by 12 days/);
    assert.doesNotMatch(run.stdout, /\u001b\[/);
  });

  it("writes markdown tables", () => {
    const run = portfolio(["--format", "markdown"]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^# Partnership portfolio/);
    assert.match(run.stdout, /\| Partner \| Tier \| Status \| Stage \| Next milestone \| Owner \| Health \| File \|/);
    assert.match(
      run.stdout,
      /\| Initech \| integration \| signed \| planned \| crawl go\/no-go decision 2027-02-19 \|/,
    );
  });

  it("writes --output atomically and refuses bad options with one line", () => {
    const temp = new TempDir();
    try {
      fs.cpSync(CHARTERS, path.join(temp.dir, "charters"), { recursive: true });
      const run = runCli(["portfolio", "charters", "--today", TODAY, "--format", "json", "--output", "out/p.json"], {
        cwd: temp.dir,
      });
      assert.equal(run.status, 0, run.stderr);
      assert.equal(JSON.parse(temp.read("out/p.json")).version, 1);
      assertUsageError(temp.cli(["portfolio", "--format", "pdf"]), /Unknown format "pdf"/);
      assertUsageError(temp.cli(["portfolio", "--horizon", "soon"]), /--horizon must be a whole number/);
      const charter = "charters/planned-initech.partner.yaml";
      const before = temp.read(charter);
      assertUsageError(temp.cli(["portfolio", "charters", "--output", charter]), /is a file this run reads/);
      assert.equal(temp.read(charter), before, "the charter is untouched");
      const help = temp.cli(["portfolio", "--help"]);
      assert.equal(help.status, 0);
      assert.match(help.stdout, /--horizon DAYS/);
    } finally {
      temp.remove();
    }
  });
});
