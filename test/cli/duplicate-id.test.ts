import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { FIXTURES } from "../support/paths";
import { TempDir } from "./helpers";

/** `duplicate-id` names the other charter in every report format (CLI.md "--format json": related). */
describe("duplicate-id in every report", () => {
  let temp: TempDir;
  before(() => {
    temp = new TempDir();
    const charter = fs.readFileSync(path.join(FIXTURES, "structure", "format-md-example.partner.yaml"), "utf8");
    temp.write("emea/cloudco.partner.yaml", charter);
    temp.write("us/cloudco-copy.partner.yaml", charter);
  });
  after(() => temp.remove());

  for (const format of ["stylish", "json", "github", "junit", "markdown", "sarif"]) {
    it(`${format}: each charter's finding names the other file`, () => {
      const run = temp.cli(["check", ".", "--format", format]);
      assert.equal(run.status, 1, run.stderr);
      assert.match(run.stdout, /also used by \.\.\/us\/cloudco-copy\.partner\.yaml/);
      assert.match(run.stdout, /also used by \.\.\/emea\/cloudco\.partner\.yaml/);
    });
  }

  it("json: the finding carries the other place as related, with its path relative to the current folder", () => {
    const run = temp.cli(["check", ".", "--format", "json"]);
    const report = JSON.parse(run.stdout) as {
      files: { path: string; diagnostics: { rule: string; line: number; related?: Record<string, unknown>[] }[] }[];
    };
    const [first, second] = ["emea/cloudco.partner.yaml", "us/cloudco-copy.partner.yaml"].map((file) => {
      const entry = report.files.find((candidate) => candidate.path === file);
      return entry!.diagnostics.find((diagnostic) => diagnostic.rule === "duplicate-id")!;
    });
    assert.deepEqual(Object.keys(first!.related![0]!).sort(), [
      "column",
      "endColumn",
      "endLine",
      "line",
      "message",
      "path",
    ]);
    assert.equal(first!.related![0]!.path, "us/cloudco-copy.partner.yaml");
    assert.equal(first!.related![0]!.line, second!.line, "the other charter's id line");
    assert.equal(second!.related![0]!.path, "emea/cloudco.partner.yaml");
  });
});
