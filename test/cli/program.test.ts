import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { FIXTURES } from "../support/paths";
import { CLEAN, TempDir } from "./helpers";

/**
 * Partner programs in `check` (CLI.md, RULES.md "Partner program"): a charter is judged against
 * the nearest program file whether or not it is among the paths; program files in a folder are
 * checked as their own kind; two programs in one folder conflict; a charter naming a program
 * that does not apply is reported.
 */

const PROGRAM = fs
  .readFileSync(path.join(FIXTURES, "rules", "program-tiers", "passes", "acme.partner-program.yaml"), "utf8")
  .replace(/^#.*\n/, "");

/** The FORMAT.md program with Premier asking for `n` exit criteria (the clean charter lists 2). */
function programAsking(exitCriteria: number, extra = ""): string {
  return PROGRAM.replace(
    "      maxRevenueSharePercent: 20\n",
    `      maxRevenueSharePercent: 20\n      minExitCriteria: ${exitCriteria}\n${extra}`,
  );
}

interface JsonReport {
  files: { path: string; diagnostics: { rule: string; message: string; line: number }[] }[];
}

function json(stdout: string): JsonReport {
  return JSON.parse(stdout) as JsonReport;
}

function rulesOf(report: JsonReport, file: string): string[] {
  return (report.files.find((entry) => entry.path === file)?.diagnostics ?? []).map((d) => d.rule);
}

describe("check: partner programs", () => {
  let temp: TempDir;
  beforeEach(() => {
    temp = new TempDir();
  });
  afterEach(() => temp.remove());

  it("judges a charter against the program of a parent folder when only the charter is checked", () => {
    temp.write("acme.partner-program.yaml", programAsking(3));
    temp.write("emea/cloudco/cloudco.partner.yaml", CLEAN);
    const run = temp.cli(["check", "emea/cloudco/cloudco.partner.yaml", "--format", "json"]);
    assert.equal(run.status, 1, run.stderr);
    const report = json(run.stdout);
    assert.deepEqual(
      report.files.map((file) => file.path),
      ["emea/cloudco/cloudco.partner.yaml"],
    );
    const [finding] = report.files[0]!.diagnostics;
    assert.equal(finding?.rule, "tier-requirements");
    assert.match(finding!.message, /^Premier requires at least 3 exit criteria; this charter lists 2\./);
  });

  it("uses the nearest program file: one in the charter's own folder wins over the parent's", () => {
    temp.write("acme.partner-program.yaml", programAsking(3));
    temp.write("emea/emea.partner-program.yaml", PROGRAM.replace("id: acme-partner-network", "id: acme-emea"));
    temp.write("emea/cloudco.partner.yaml", CLEAN);
    const run = temp.cli(["check", "emea/cloudco.partner.yaml", "--format", "json"]);
    assert.equal(run.status, 0, run.stdout);
  });

  it("checks the program files of a folder as their own kind, with the charters' findings", () => {
    temp.write(
      "programs/acme.partner-program.yaml",
      programAsking(2)
        .replace("name: Premier", "name: Premier\n    provides: [custom-co-marketing]")
        .replace(
          "    provides: [partner-manager, executive-relationship, custom-co-marketing, revenue-objectives]\n",
          "",
        ),
    );
    temp.write("programs/cloudco.partner.yaml", CLEAN);
    const run = temp.cli(["check", "programs", "--format", "json"]);
    assert.equal(run.status, 0, run.stdout);
    const report = json(run.stdout);
    assert.deepEqual(
      report.files.map((file) => file.path),
      ["programs/acme.partner-program.yaml", "programs/cloudco.partner.yaml"],
    );
    assert.deepEqual(rulesOf(report, "programs/acme.partner-program.yaml"), ["tier-benefits"]);
    assert.deepEqual(rulesOf(report, "programs/cloudco.partner.yaml"), []);
  });

  it("reports a program schema problem at its place, with the charter path it most likely meant", () => {
    temp.write(
      "acme.partner-program.yaml",
      PROGRAM.replace("fields: [governance.partnerManager]", "fields: [governance.partnerManagr]"),
    );
    const run = temp.cli(["check", "acme.partner-program.yaml"]);
    assert.equal(run.status, 1, run.stdout);
    assert.match(
      run.stdout,
      /36:\d+ +error +"governance\.partnerManagr" is not a field of a charter: did you mean "governance\.partnerManager"\? +schema/,
    );
    assert.doesNotMatch(run.stdout + run.stderr, /at .*\.js:\d+/); // no stack trace
  });

  it("two programs in one folder: each names the other, and their charters are judged against neither", () => {
    temp.write("acme.partner-program.yaml", programAsking(5));
    temp.write(
      "resellers.partner-program.yaml",
      programAsking(5).replace("id: acme-partner-network", "id: acme-resellers"),
    );
    temp.write("cloudco.partner.yaml", CLEAN);
    const run = temp.cli(["check", ".", "--format", "json"]);
    assert.equal(run.status, 1);
    const report = json(run.stdout);
    assert.deepEqual(rulesOf(report, "acme.partner-program.yaml"), ["program-conflict"]);
    assert.deepEqual(rulesOf(report, "resellers.partner-program.yaml"), ["program-conflict"]);
    assert.match(report.files[0]!.diagnostics[0]!.message, /resellers\.partner-program\.yaml is here too/);
    assert.deepEqual(rulesOf(report, "cloudco.partner.yaml"), [], "no tier-requirements under a conflict");
    // Checked alone, the charter is still judged against neither.
    assert.equal(temp.cli(["check", "cloudco.partner.yaml"]).status, 0);
  });

  it("a charter naming a program that does not apply: program-unknown, and no program judges it", () => {
    temp.write("acme.partner-program.yaml", programAsking(5));
    temp.write("cloudco.partner.yaml", CLEAN.replace("status: active", "status: active\nprogram: acme-resellers"));
    const run = temp.cli(["check", "cloudco.partner.yaml", "--format", "json"]);
    assert.equal(run.status, 1);
    const report = json(run.stdout);
    assert.deepEqual(rulesOf(report, "cloudco.partner.yaml"), ["program-unknown"]);
    assert.match(
      report.files[0]!.diagnostics[0]!.message,
      /names the program "acme-resellers", but the program here is "acme-partner-network"/,
    );
    // With no program at all.
    temp.write(
      "elsewhere/cloudco.partner.yaml",
      CLEAN.replace("status: active", "status: active\nprogram: acme-resellers"),
    );
    fs.rmSync(path.join(temp.dir, "acme.partner-program.yaml"));
    const alone = temp.cli(["check", "elsewhere/cloudco.partner.yaml"]);
    assert.equal(alone.status, 1);
    assert.match(alone.stdout, /no program file applies to it/);
  });

  it("render: the page names our company and the tier as the program does", () => {
    temp.write("acme.partner-program.yaml", programAsking(2));
    temp.write("cloudco.partner.yaml", CLEAN.replace(/^company: .*\n/m, ""));
    const run = temp.cli(["render", "cloudco.partner.yaml", "--format", "markdown", "--audience", "partner"]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /\| Acme and CloudCo \| Premier \(Tier 3/);
    // Without the program: "our company", and the level's own words.
    fs.rmSync(path.join(temp.dir, "acme.partner-program.yaml"));
    const alone = temp.cli(["render", "cloudco.partner.yaml", "--format", "markdown", "--audience", "partner"]);
    assert.doesNotMatch(alone.stdout, /Premier/);
  });

  it("init --program writes a program that passes; init in its folder offers its tiers and meets their requirements", () => {
    const program = temp.cli(["init", "--program", "acme.partner-program.yaml"]);
    assert.equal(program.status, 0, program.stderr);
    assert.equal(temp.cli(["check", "acme.partner-program.yaml"]).status, 0);
    for (const name of ["Registered", "Select", "Premier"]) {
      const made = temp.cli(["init", `teams/${name}.partner.yaml`, "--tier", name, "--partner", `Globex ${name}`]);
      assert.equal(made.status, 0, made.stderr);
      assert.match(made.stdout, new RegExp(`a ${name} \\(Tier`));
      assert.match(temp.read(`teams/${name}.partner.yaml`), /^program: acme$/m);
      const run = temp.cli(["check", `teams/${name}.partner.yaml`, "--format", "json"]);
      const rules = new Set(json(run.stdout).files[0]!.diagnostics.map((d) => d.rule));
      assert.deepEqual([...rules], ["todo-placeholder"], `${name}: only open decisions`);
    }
    // The Select skeleton carries what Select requires: the partner's engineering, two exit criteria.
    const select = temp.read("teams/Select.partner.yaml");
    assert.match(select, /type: engineering, detail: TODO — Select asks for this/);
    const unknown = temp.cli(["init", "teams/gold.partner.yaml", "--tier", "Gold"]);
    assert.equal(unknown.status, 2);
    assert.match(
      unknown.stderr,
      /does not offer the tier "Gold"\. Use one of: Registered \(integration\), Select \(partnership\), Premier \(strategic\)/,
    );
  });

  it("diff of two program versions: requirement changes per tier, and the charters they would break", () => {
    temp.write("base.yaml", programAsking(2));
    temp.write("net/acme.partner-program.yaml", programAsking(3));
    temp.write("net/cloudco.partner.yaml", CLEAN);
    temp.write("net/other/plain.partner.yaml", CLEAN.replace(/^tier: strategic$/m, "tier: integration"));
    const run = temp.cli(["diff", "base.yaml", "net/acme.partner-program.yaml"]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /Premier: minimum exit criteria 2 → 3/);
    assert.match(
      run.stdout,
      /Charters it would break \(1\):\n {2}- net\/cloudco\.partner\.yaml \(Premier, 1 requirement\): Premier requires at least 3 exit criteria; this charter lists 2\./,
    );
    const same = temp.cli([
      "diff",
      "net/acme.partner-program.yaml",
      "net/acme.partner-program.yaml",
      "--format",
      "json",
    ]);
    const parsed = JSON.parse(same.stdout) as { changes: string[]; broken: unknown[] };
    assert.deepEqual([parsed.changes, parsed.broken], [[], []]);
  });

  it("render of a program: the decision with its inputs, the tiers side by side, and each tier's charters with their health", () => {
    temp.write("acme.partner-program.yaml", programAsking(3));
    temp.write("teams/cloudco.partner.yaml", CLEAN);
    const markdown = temp.cli(["render", "acme.partner-program.yaml", "--format", "markdown"]);
    assert.equal(markdown.status, 0, markdown.stderr);
    assert.match(markdown.stdout, /the decision tree says curated/);
    assert.match(
      markdown.stdout,
      /\| Tier \| Registered \(integration\) \| Select \(partnership\) \| Premier \(strategic\) \|/,
    );
    assert.match(markdown.stdout, /at least 3 exit criteria/);
    assert.match(markdown.stdout, /teams\/cloudco\.partner\.yaml \(health \d+\)/);
    const html = temp.cli(["render", "acme.partner-program.yaml"]);
    assert.match(html.stdout, /^<!DOCTYPE html>/);
    assert.match(html.stdout, /<caption>Each tier side by side<\/caption>/);
    assert.doesNotMatch(html.stdout, /<script/i);
  });

  it("tier-capacity counts the charters of the run that have not ended, and names them", () => {
    temp.write("acme.partner-program.yaml", programAsking(2).replace("    maxPartners: 5\n", "    maxPartners: 1\n"));
    temp.write("a/cloudco.partner.yaml", CLEAN);
    temp.write("b/datalake.partner.yaml", CLEAN.replace(/^id: .*$/m, "id: acme-datalake"));
    temp.write(
      "c/oldco.partner.yaml",
      CLEAN.replace(/^id: .*$/m, "id: acme-oldco").replace("status: active", "status: ended"),
    );
    const run = temp.cli(["check", ".", "--format", "json"]);
    const report = json(run.stdout);
    const program = report.files.find((file) => file.path === "acme.partner-program.yaml")!;
    const capacity = program.diagnostics.find((d) => d.rule === "tier-capacity");
    assert.ok(capacity, run.stdout);
    assert.match(
      capacity.message,
      /^Premier serves at most 1, but 2 charters that have not ended are at this tier \(a\/cloudco\.partner\.yaml and b\/datalake\.partner\.yaml\)/,
    );
    const sarif = JSON.parse(temp.cli(["check", ".", "--format", "sarif"]).stdout) as {
      runs: { results: { ruleId: string; relatedLocations?: unknown[] }[] }[];
    };
    const result = sarif.runs[0]!.results.find((r) => r.ruleId === "tier-capacity");
    assert.equal(result?.relatedLocations?.length, 2);
  });
});
