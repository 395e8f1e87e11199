import * as assert from "node:assert/strict";
import { assertUsageError, TempDir } from "./helpers";

/** `partner-charter init` (CLI.md): a skeleton that passes `schema`, never overwriting. */

interface JsonReport {
  files: { path: string; diagnostics: { rule: string }[] }[];
}

describe("partner-charter init", () => {
  let temp: TempDir;
  beforeEach(() => (temp = new TempDir()));
  afterEach(() => temp.remove());

  it("writes new.partner.yaml (tier partnership) and prints the next steps", () => {
    const run = temp.cli(["init"]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^Created new\.partner\.yaml: a Tier 2 · Partnership charter\./);
    assert.match(run.stdout, /Next steps:[\s\S]*partner-charter check new\.partner\.yaml/);
    const text = temp.read("new.partner.yaml");
    assert.match(text, /^tier: partnership/m);
    assert.match(text, /TODO/);
  });

  for (const tier of ["integration", "partnership", "strategic"]) {
    it(`a ${tier} skeleton passes the schema`, () => {
      const file = `partners/${tier}.partner.yaml`;
      const run = temp.cli(["init", file, "--tier", tier, "--partner", "Acme Cloud, Inc."]);
      assert.equal(run.status, 0, run.stderr);
      const text = temp.read(file);
      assert.match(text, new RegExp(`^tier: ${tier}`, "m"));
      assert.match(text, /^id: acme-cloud-inc$/m);
      assert.match(text, /name: "?Acme Cloud, Inc\."?/);
      const check = temp.cli(["check", file, "--format", "json"]);
      const report = JSON.parse(check.stdout) as JsonReport;
      const schema = report.files[0]!.diagnostics.filter((d) => d.rule === "schema" || d.rule === "yaml-syntax");
      assert.deepEqual(schema, [], "no schema finding");
    });
  }

  it("refuses to overwrite an existing file (exit 2) and leaves it untouched", () => {
    temp.write("acme.partner.yaml", "# mine\n");
    assertUsageError(temp.cli(["init", "acme.partner.yaml"]), /already exists/);
    assert.equal(temp.read("acme.partner.yaml"), "# mine\n");
  });

  it("usage errors: unknown tier, two files, bad --today", () => {
    assertUsageError(temp.cli(["init", "--tier", "gold"]), /Unknown tier "gold"/);
    assertUsageError(temp.cli(["init", "a.partner.yaml", "b.partner.yaml"]), /at most one FILE/);
    assert.ok(!temp.exists("a.partner.yaml"));
  });
});
