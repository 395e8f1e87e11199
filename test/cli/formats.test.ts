import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import type * as sarif from "sarif";
import { RULES } from "../../core/src";
import { rulePage } from "../../core/src/rules/docs-page";
import { TEST_TODAY } from "../support/paths";
import { runCli } from "../support/run-cli";
import { CLEAN, expectGolden, GOLDEN, insertLinesAfter, TempDir } from "./helpers";

/** `check --format sarif | github | junit | markdown` (CLI.md), as a subprocess. */

const CHECK_DIR = path.join(GOLDEN, "check");
const WEIRD = fs.readFileSync(path.join(CHECK_DIR, "weird.partner.yaml"), "utf8");
/** Two schema errors of the same rule on different lines, and a third one. */
const TWO_PROBLEMS = CLEAN.replace("tier: strategic", "tier: strategc").replace(
  /^ {2}exitCriteria:/m,
  "  exitCritera:",
);

function golden(args: string[]): { status: number | null; stdout: string; stderr: string } {
  return runCli(["check", ...args, "--today", TEST_TODAY], { cwd: CHECK_DIR });
}

describe("check --format sarif", () => {
  let temp: TempDir;
  beforeEach(() => (temp = new TempDir()));
  afterEach(() => temp.remove());

  const sarifOf = (args: string[], input?: string): sarif.Log => {
    const run = temp.cli(["check", ...args, "--format", "sarif"], input);
    assert.ok(run.status === 0 || run.status === 1, run.stderr);
    return JSON.parse(run.stdout) as sarif.Log;
  };

  it("validates against the SARIF 2.1.0 JSON Schema", () => {
    temp.write("partners/bad.partner.yaml", TWO_PROBLEMS);
    temp.write("partners/weird.partner.yaml", WEIRD);
    const log = sarifOf([]);
    const schema = JSON.parse(fs.readFileSync(path.join(__dirname, "schemas", "sarif-2.1.0.schema.json"), "utf8"));
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    assert.equal(log.version, "2.1.0");
    assert.ok(log.runs[0]!.results!.length >= 5);
  });

  it("describes every rule of the catalog, with its documentation page as help, no helpUri, and default level", () => {
    const driver = sarifOf(["-"], CLEAN).runs[0]!.tool.driver;
    assert.equal(driver.name, "partner-charter");
    assert.match(driver.version!, /^\d+\.\d+\.\d+/);
    // No documentation address is configured, so none is made up.
    assert.equal(driver.informationUri, undefined);
    assert.deepEqual(
      driver.rules!.map((rule) => rule.id),
      RULES.map((rule) => rule.meta.id),
    );
    for (const rule of driver.rules!) {
      const meta = RULES.find((r) => r.meta.id === rule.id)!.meta;
      assert.equal(rule.helpUri, undefined);
      const page = rulePage(RULES.find((r) => r.meta.id === rule.id)!);
      assert.ok(rule.help!.markdown!.includes(meta.rationale), rule.id);
      assert.ok(rule.help!.markdown!.includes(`# \`${rule.id}\``), rule.id);
      assert.ok(page.includes("## Why it matters") && rule.help!.markdown!.includes("## Why it matters"), rule.id);
      assert.doesNotMatch(
        rule.help!.markdown!,
        /\]\((?!https?:)[^)]*\)/,
        "no link to a page that is not shipped with the report",
      );
      assert.equal(rule.shortDescription!.text, meta.summary);
      assert.equal(rule.fullDescription!.text, meta.rationale);
      const expected = { error: "error", warning: "warning", info: "note", hint: "note" }[meta.defaultSeverity];
      assert.equal(rule.defaultConfiguration!.level, expected);
    }
  });

  it("results carry rule, level, a %SRCROOT%-relative location and a 1-based region", () => {
    temp.write("partners/bad.partner.yaml", TWO_PROBLEMS);
    const run = sarifOf([]).runs[0]!;
    const rules = run.tool.driver.rules!;
    const tier = run.results!.find((result) => result.message.text!.includes("strategc"))!;
    assert.equal(tier.ruleId, "schema");
    assert.equal(rules[tier.ruleIndex!]!.id, "schema");
    assert.equal(tier.level, "error");
    const location = tier.locations![0]!.physicalLocation!;
    assert.deepEqual(location.artifactLocation, { uri: "partners/bad.partner.yaml", uriBaseId: "%SRCROOT%" });
    const line = TWO_PROBLEMS.split("\n").indexOf("tier: strategc") + 1;
    assert.deepEqual(location.region, { startLine: line, startColumn: 7, endLine: line, endColumn: 15 });
    assert.equal(run.columnKind, "utf16CodeUnits");
    assert.ok(run.originalUriBaseIds!["%SRCROOT%"]!.uri!.startsWith("file://"));
  });

  it("fingerprints follow content, not line numbers, and tell findings apart", () => {
    temp.write("a.partner.yaml", WEIRD);
    const before = sarifOf(["a.partner.yaml"]).runs[0]!.results!;
    temp.write("a.partner.yaml", insertLinesAfter(WEIRD, "title:", 3));
    const after = sarifOf(["a.partner.yaml"]).runs[0]!.results!;
    const fingerprints = (results: sarif.Result[]) =>
      results.map((result) => Object.values(result.partialFingerprints!)[0]);
    assert.equal(before.length, after.length);
    assert.ok(before.length >= 4);
    assert.deepEqual(fingerprints(after), fingerprints(before), "same fingerprints after inserting 3 lines above");
    const lines = (results: sarif.Result[]) =>
      results.map((r) => r.locations![0]!.physicalLocation!.region!.startLine!);
    assert.deepEqual(
      lines(after),
      lines(before).map((line) => line + 3),
      "the findings did move",
    );
    assert.equal(new Set(fingerprints(before)).size, before.length, "different findings, different fingerprints");
  });

  it("identical findings get different fingerprints (occurrence index)", () => {
    const twice = CLEAN.replace("  marquee: true\n", "  marquee: true\n  extra: 1\n").replace(
      "  choice: partner\n",
      "  choice: partner\n  extra: 1\n",
    );
    const results = sarifOf(["-"], twice).runs[0]!.results!;
    const extra = results.filter((result) => /"extra"/.test(result.message.text!));
    assert.equal(extra.length, 2);
    assert.notEqual(Object.values(extra[0]!.partialFingerprints!)[0], Object.values(extra[1]!.partialFingerprints!)[0]);
  });
});

describe("check --format github", () => {
  it("prints one workflow command per finding, exactly as the golden file", () => {
    const run = golden(["--format", "github"]);
    assert.equal(run.status, 1, run.stderr);
    expectGolden(run.stdout, "check/github.txt");
    assert.match(
      run.stdout,
      /^::error file=weird\.partner\.yaml,line=\d+,col=1,endLine=\d+,endColumn=\d+,title=schema::/m,
    );
    assert.match(run.stdout, /^::warning .*title=config::/m);
    assert.match(run.stdout, /^::notice .*title=unused-suppression::/m);
    assert.match(
      run.stdout,
      /Unknown key "50%25 \| off%0Anow" .*Allowed keys: apiVersion, kind/,
      "data: % and newline",
    );
  });

  it("escapes : and , in properties (the file path)", () => {
    const run = runCli(
      ["check", "-", "--stdin-filepath", "odd: name, 100%.partner.yaml", "--format", "github", "--today", TEST_TODAY],
      { cwd: CHECK_DIR, input: TWO_PROBLEMS },
    );
    assert.equal(run.status, 1, run.stderr);
    expectGolden(run.stdout, "check/github-stdin.txt");
    assert.match(run.stdout, /^::error file=odd%3A name%2C 100%25\.partner\.yaml,line=/m);
  });

  it("prints nothing for clean charters", () => {
    const run = golden(["clean.partner.yaml", "--format", "github"]);
    assert.equal(run.status, 0);
    assert.equal(run.stdout, "");
  });
});

describe("check --format junit", () => {
  let temp: TempDir;
  beforeEach(() => (temp = new TempDir()));
  afterEach(() => temp.remove());

  it("is well-formed JUnit XML: one testcase per file, a failure per error, correct counts", () => {
    temp.write("a.partner.yaml", TWO_PROBLEMS.replace("id: acme-cloudco-msp", "id: a"));
    temp.write("b.partner.yaml", CLEAN.replace("id: acme-cloudco-msp", "id: b"));
    temp.write("c.partner.yaml", WEIRD);
    const run = temp.cli(["check", "--format", "junit"]);
    assert.equal(run.status, 1, run.stderr);
    assert.equal(XMLValidator.validate(run.stdout), true);
    const xml = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: "",
      isArray: (name) => ["testcase", "failure"].includes(name),
    }).parse(run.stdout);
    const suites = xml.testsuites;
    const suite = suites.testsuite;
    assert.equal(suites.tests, "3");
    assert.equal(suites.failures, "2");
    assert.equal(suite.tests, "3");
    assert.equal(suite.failures, "2");
    const cases = suite.testcase as { name: string; classname: string; failure?: unknown[]; "system-out"?: string }[];
    assert.deepEqual(
      cases.map((c) => [c.classname, c.name]),
      [
        ["a.partner.yaml", "a.partner.yaml"],
        ["b.partner.yaml", "b.partner.yaml"],
        ["c.partner.yaml", "c.partner.yaml"],
      ],
    );
    assert.equal(cases[0]!.failure!.length, 2, "one failure per error finding");
    assert.equal(cases[1]!.failure, undefined);
    assert.equal(cases[2]!.failure!.length, 2);
    assert.match(cases[2]!["system-out"]!, /warning: Unknown rule "no-such-rule"/, "warnings go to system-out");
    assert.match(run.stdout, /message="schema: Unknown key &quot;50% \| off now&quot;/, "attribute text escaped");
  });
});

describe("check --format markdown", () => {
  it("matches the golden report: summary line, table of files, findings with escaped messages", () => {
    const run = golden(["--format", "markdown"]);
    assert.equal(run.status, 1, run.stderr);
    expectGolden(run.stdout, "check/markdown.md");
    const lines = run.stdout.split("\n");
    assert.match(lines[0]!, /^\*\*Partner charters:\*\* ❌ 2 errors, 1 warning, 1 info in 2 files · 1 suppressed$/);
    assert.match(run.stdout, /\| `weird\.partner\.yaml` \| 64\/100 \| 2 \| 1 \| 1 \| 1 \|/);
    assert.match(run.stdout, /Unknown key "50% \\\| off now"/, "| escaped and the line break folded");
    assert.match(run.stdout, /\| `schema` \|/, "the rule id, as code");
    assert.doesNotMatch(run.stdout, /\]\(https?:/, "no link to a page that is not published anywhere");
  });

  it("shows the code spans of messages as code, not as escaped backticks", () => {
    const temp = new TempDir();
    try {
      temp.write(
        "c.partner.yaml",
        CLEAN.replace(
          "{ metric: MSP onboarding time, improvement: 25% }",
          "{ metric: MSP onboarding time, target: faster onboarding }",
        ),
      );
      const run = temp.cli(["check", "--format", "markdown"]);
      assert.match(run.stdout, /add `improvement: 20%` or more/);
      assert.ok(!run.stdout.includes("\\`"), "no escaped backticks");
    } finally {
      temp.remove();
    }
  });

  it("says so when every charter is clean", () => {
    const run = golden(["clean.partner.yaml", "--format", "markdown"]);
    assert.equal(run.status, 0);
    assert.match(run.stdout.split("\n")[0]!, /^\*\*Partner charters:\*\* ✅ 0 errors, 0 warnings, 0 infos in 1 file$/);
  });
});
