import * as assert from "node:assert/strict";
import { parse } from "yaml";
import { assertUsageError, TempDir } from "./helpers";

/**
 * `partner-charter init` (CLI.md): a skeleton that passes `schema`, agrees with its tier and
 * marks every open decision with TODO, never overwriting; and a charter that still holds a
 * TODO cannot be signed.
 */

interface JsonReport {
  files: { path: string; diagnostics: { rule: string; severity: string; message: string }[] }[];
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

  for (const tier of ["integration", "partnership", "strategic"]) {
    it(`a fresh ${tier} skeleton's only findings are its open decisions (todo-placeholder, info in a draft)`, () => {
      const file = `${tier}.partner.yaml`;
      assert.equal(temp.cli(["init", file, "--tier", tier, "--partner", "CloudCo"]).status, 0);
      const check = temp.cli(["check", file, "--format", "json"]);
      assert.equal(check.status, 0, "infos do not fail the check");
      const diagnostics = (JSON.parse(check.stdout) as JsonReport).files[0]!.diagnostics;
      assert.ok(diagnostics.length >= 15, `every decision is marked: ${diagnostics.length}`);
      const others = diagnostics.filter((d) => d.rule !== "todo-placeholder" || d.severity !== "info");
      assert.deepEqual(others, [], "no tier-fit, roadmap or sponsor finding argues with the skeleton");
      assert.match(diagnostics[0]!.message, /^Open decision in owner: replace the TODO/);
    });
  }

  it("writes the partner facts the tier stands for (Tier 1 self-serves, Tier 3 is a marquee logo)", () => {
    const expected = { integration: [true, false], partnership: [false, false], strategic: [false, true] };
    for (const [tier, [capacity, marquee]] of Object.entries(expected)) {
      temp.cli(["init", `${tier}.partner.yaml`, "--tier", tier]);
      const data = parse(temp.read(`${tier}.partner.yaml`)) as { partner: Record<string, unknown> };
      assert.deepEqual([data.partner.engineeringCapacity, data.partner.marquee], [capacity, marquee], tier);
    }
  });

  for (const partner of ["123", "true", "null", "a: b", "#1 Partner", "2026-01-05", "yes"]) {
    it(`quotes --partner ${JSON.stringify(partner)} so YAML reads it back as that very name`, () => {
      assert.equal(temp.cli(["init", "p.partner.yaml", "--partner", partner, "--owner", partner]).status, 0);
      const data = parse(temp.read("p.partner.yaml")) as Record<string, unknown> & { partner: { name: unknown } };
      assert.equal(data.partner.name, partner);
      assert.equal(data.owner, partner);
      assert.equal(data.title, `Partnership with ${partner}`);
      assert.equal(typeof data.id, "string");
      const check = temp.cli(["check", "p.partner.yaml", "--format", "json"]);
      const rules = (JSON.parse(check.stdout) as JsonReport).files[0]!.diagnostics.map((d) => d.rule);
      assert.deepEqual([...new Set(rules)], ["todo-placeholder"]);
    });
  }

  it("sign refuses a charter that still holds a TODO, even while its placeholders are only infos", () => {
    temp.cli(["init", "acme.partner.yaml", "--tier", "integration", "--partner", "Acme"]);
    const before = temp.read("acme.partner.yaml");
    const sign = temp.cli(["sign", "acme.partner.yaml", "--party", "us", "--name", "Priya Shah"]);
    assert.equal(sign.status, 1, sign.stderr);
    assert.match(sign.stderr, /refusing to sign[\s\S]*todo-placeholder/);
    assert.equal(temp.read("acme.partner.yaml"), before, "the file is untouched");
  });

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
