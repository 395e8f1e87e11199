import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCli } from "./support/run-cli";
import { FIXTURES, TEST_TODAY } from "./support/paths";

/**
 * Input at the edges of what YAML allows, through the real CLI: deep nesting, many keys,
 * bytes that are not UTF-8, old Mac line endings, numbers too large, keys that are lists.
 * Each gets a located finding and the other files of the run are still checked; nothing
 * crashes and nothing is printed on stderr. (How fast is measured by `npm run bench`.)
 */

interface JsonDiagnostic {
  rule: string;
  message: string;
  line: number;
  column: number;
}

interface JsonFile {
  path: string;
  diagnostics: JsonDiagnostic[];
}

const CLEAN = fs.readFileSync(path.join(FIXTURES, "structure/format-md-example.partner.yaml"), "utf8");

describe("parse limits: every input gets a located finding, never a crash", function () {
  this.timeout(120_000);
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "pc-limits-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, content: string | Buffer): string => {
    fs.writeFileSync(path.join(dir, name), content);
    return name;
  };

  function check(...names: string[]): { files: JsonFile[]; stderr: string } {
    const run = runCli(["check", ...names, "--format", "json", "--today", TEST_TODAY], { cwd: dir });
    assert.equal(run.stderr, "", "nothing on stderr");
    assert.ok(run.stdout.startsWith("{"), `a JSON report: ${run.stdout.slice(0, 300)}`);
    const report = JSON.parse(run.stdout) as { files: JsonFile[] };
    return { files: report.files, stderr: run.stderr };
  }

  function findingsOf(files: JsonFile[], name: string): JsonDiagnostic[] {
    const file = files.find((candidate) => candidate.path.endsWith(name));
    assert.ok(file, `a report for ${name}`);
    return file.diagnostics;
  }

  it("nesting deeper than 64 levels: one located yaml-syntax finding, and the other files are still checked", () => {
    const colons = write("colons.partner.yaml", `a:\n  b: z ${": ".repeat(2000)}\nc:\n`);
    const brackets = write("brackets.partner.yaml", `a: ${"[".repeat(10_000)}\n`);
    const other = write("other.partner.yaml", CLEAN.replace("tier: strategic", "tier: strategc"));
    const { files } = check(colons, brackets, other);
    for (const [name, line] of [
      [colons, 2],
      [brackets, 1],
    ] as const) {
      const findings = findingsOf(files, name);
      assert.equal(findings.length, 1, JSON.stringify(findings));
      assert.equal(findings[0]!.rule, "yaml-syntax");
      assert.equal(findings[0]!.line, line);
      assert.match(findings[0]!.message, /nested more than 64 levels deep/);
    }
    assert.match(findingsOf(files, other)[0]!.message, /not "strategc": did you mean "strategic"/);
  });

  it("aliases that nest the data past the limit, or refer to themselves, are refused where they start", () => {
    const deep = `notes0: &n0 ${"[".repeat(40)}x${"]".repeat(40)}\nnotes1: ${"[".repeat(40)}*n0${"]".repeat(40)}\n`;
    const { files } = check(
      write("alias-deep.partner.yaml", deep),
      write("alias-self.partner.yaml", "notes: &a [*a]\n"),
    );
    const nested = findingsOf(files, "alias-deep.partner.yaml");
    assert.deepEqual(
      nested.map((finding) => [finding.rule, finding.line]),
      [["yaml-syntax", 2]],
    );
    assert.match(nested[0]!.message, /nest the data more than 64 levels deep/);
    assert.match(findingsOf(files, "alias-self.partner.yaml")[0]!.message, /stands for a section that contains it/);
  });

  it("20,000 sibling keys: every key checked and located; a key written twice named with its first line", () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `x${i}: 1`).join("\n");
    const { files } = check(write("wide.partner.yaml", `${keys}\n`), write("twice.partner.yaml", `${keys}\nx5: 2\n`));
    const unknown = findingsOf(files, "wide.partner.yaml").filter((finding) => /^Unknown key/.test(finding.message));
    assert.equal(unknown.length, 20_000);
    assert.deepEqual(unknown[19_999], { ...unknown[19_999]!, line: 20_000, column: 1 });
    assert.match(unknown[19_999]!.message, /^Unknown key "x19999" at the top level/);
    const twice = findingsOf(files, "twice.partner.yaml");
    assert.equal(twice.length, 1);
    assert.equal(twice[0]!.line, 20_001);
    assert.match(twice[0]!.message, /^"x5" is written twice at the top level \(first on line 6\)/);
  });

  it("bytes that are not UTF-8: reported at the first bad byte, which is named", () => {
    const surrogate = Buffer.concat([Buffer.from("title: "), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from("\n")]);
    const overlong = Buffer.concat([Buffer.from("title: Acme\nowner: "), Buffer.from([0xc0, 0xaf]), Buffer.from("\n")]);
    const latin1 = Buffer.concat([Buffer.from("title: Acme\r\rowner: Ren"), Buffer.from([0xe9]), Buffer.from("\n")]);
    const { files } = check(
      write("surrogate.partner.yaml", surrogate),
      write("overlong.partner.yaml", overlong),
      write("latin1.partner.yaml", latin1),
    );
    for (const [name, line, column, byte] of [
      ["surrogate.partner.yaml", 1, 8, "0xED"],
      ["overlong.partner.yaml", 2, 8, "0xC0"],
      ["latin1.partner.yaml", 3, 11, "0xE9"],
    ] as const) {
      const [finding, ...others] = findingsOf(files, name);
      assert.equal(others.length, 0);
      assert.deepEqual([finding!.rule, finding!.line, finding!.column], ["yaml-syntax", line, column], name);
      assert.match(finding!.message, new RegExp(`^This file is not UTF-8 text: the byte ${byte} here`));
    }
  });

  it("old Mac line endings (a lone CR) are line breaks: the clean charter stays clean", () => {
    const { files } = check(write("mac.partner.yaml", CLEAN.replace(/\n/g, "\r")));
    assert.deepEqual(findingsOf(files, "mac.partner.yaml"), []);
  });

  it("a lone CR is a line break for the lines of findings too", () => {
    const text = CLEAN.replace("tier: strategic", "tier: strategc").replace(/\n/g, "\r");
    const line = CLEAN.split("\n").findIndex((text) => text === "tier: strategic") + 1;
    const { files } = check(write("mac.partner.yaml", text));
    assert.deepEqual(
      findingsOf(files, "mac.partner.yaml").map((finding) => [finding.rule, finding.line, finding.column]),
      [["schema", line, 7]],
    );
  });

  it("a number too large to read: said so, not reported as Infinity", () => {
    const text = CLEAN.replace("buildDelayMonths: 9", "buildDelayMonths: 1e400");
    const { files } = check(write("huge.partner.yaml", text));
    const [finding, ...others] = findingsOf(files, "huge.partner.yaml");
    assert.equal(others.length, 0);
    assert.equal(finding!.rule, "yaml-syntax");
    assert.match(finding!.message, /^1e400 is too large a number to read/);
    assert.doesNotMatch(finding!.message, /Infinity/);
  });

  it("a key that is a list or a section: a located finding, and the YAML library prints nothing", () => {
    const { files } = check(write("keys.partner.yaml", "apiVersion: partner-charter/v1\n[a, b]: 1\n{ c: d }: 2\n"));
    assert.deepEqual(
      findingsOf(files, "keys.partner.yaml").map((finding) => [finding.line, finding.message]),
      [
        [2, "This key is a list, not a name: write a plain name before the colon."],
        [3, "This key is a section, not a name: write a plain name before the colon."],
      ],
    );
  });
});
