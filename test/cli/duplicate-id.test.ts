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
});
