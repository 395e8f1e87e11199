import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCli } from "./support/run-cli";
import { TEST_TODAY } from "./support/paths";

/**
 * Bad input through the real CLI: always a located finding or a clean result, never a
 * crash, a hang or a stack trace. (How fast is measured by `npm run bench`, not here.)
 */

interface JsonDiagnostic {
  rule: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

function checkJson(
  dir: string,
  args: string[],
): { status: number | null; diagnostics: JsonDiagnostic[]; stderr: string; files: { path: string }[] } {
  const run = runCli(["check", ...args, "--format", "json", "--today", TEST_TODAY], { cwd: dir });
  assert.doesNotMatch(run.stderr, /\bat .+:\d+:\d+\)?$/m, `stack trace on stderr:\n${run.stderr}`);
  assert.doesNotMatch(run.stderr, /internal error/i, run.stderr);
  assert.ok(run.stdout.trim().startsWith("{"), `no JSON report: ${run.stdout}\n${run.stderr}`);
  const report = JSON.parse(run.stdout) as { files: { path: string; diagnostics: JsonDiagnostic[] }[] };
  return {
    status: run.status,
    diagnostics: report.files.flatMap((file) => file.diagnostics),
    stderr: run.stderr,
    files: report.files,
  };
}

describe("robustness: bad input gets a located message", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "pc-robust-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, content: string | Buffer): string => {
    fs.writeFileSync(path.join(dir, name), content);
    return name;
  };

  it("an empty file: one finding on line 1 saying the charter is empty", () => {
    const { status, diagnostics } = checkJson(dir, [write("empty.partner.yaml", "")]);
    assert.equal(status, 1);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]!.rule, "schema");
    assert.equal(diagnostics[0]!.line, 1);
    assert.match(diagnostics[0]!.message, /empty/);
  });

  it("a top-level list: one finding saying a charter is a section of keys", () => {
    const { diagnostics } = checkJson(dir, [write("list.partner.yaml", "- a\n- b\n")]);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]!.line, 1);
    assert.match(diagnostics[0]!.message, /section of keys.*a list/);
  });

  it("a tab-indented file: yaml-syntax at the tab", () => {
    const { diagnostics } = checkJson(dir, [
      write("tabs.partner.yaml", "apiVersion: partner-charter/v1\npartner:\n\tname: CloudCo\n"),
    ]);
    assert.ok(diagnostics.length >= 1);
    assert.ok(diagnostics.every((d) => d.rule === "yaml-syntax"));
    assert.equal(diagnostics[0]!.line, 3);
    assert.equal(diagnostics[0]!.column, 1);
    assert.match(diagnostics[0]!.message, /[Tt]abs/);
  });

  it("an unclosed quote: yaml-syntax, located, the user's text untouched", () => {
    const text = 'apiVersion: partner-charter/v1\ntitle: "Acme × CloudCo\nstatus: draft\n';
    const name = write("quote.partner.yaml", text);
    const { diagnostics } = checkJson(dir, [name]);
    assert.ok(diagnostics.length >= 1);
    assert.ok(diagnostics.every((d) => d.rule === "yaml-syntax"));
    assert.ok(diagnostics[0]!.line >= 2);
    assert.equal(fs.readFileSync(path.join(dir, name), "utf8"), text);
  });

  it("aliases that expand to millions of nodes: one finding, no hang", () => {
    const lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 12; i++) {
      const prev = String.fromCharCode(96 + i);
      const next = String.fromCharCode(97 + i);
      lines.push(`${next}: &${next} [${Array(10).fill(`*${prev}`).join(", ")}]`);
    }
    const { diagnostics } = checkJson(dir, [write("bomb.partner.yaml", `${lines.join("\n")}\n`)]);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]!.rule, "yaml-syntax");
    assert.match(diagnostics[0]!.message, /aliases/);
    assert.equal(diagnostics[0]!.line, 2);
  });

  it("a 5 MB charter: refused with a located finding", () => {
    const big = `title: "${"x".repeat(5 * 1024 * 1024)}"\n`;
    const { diagnostics } = checkJson(dir, [write("big.partner.yaml", big)]);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]!.line, 1);
    assert.match(diagnostics[0]!.message, /5\.0 MB.*limited to 2 MB/);
  });

  it("a non-UTF-8 file: the first bad byte is located", () => {
    const bytes = Buffer.concat([
      Buffer.from("apiVersion: partner-charter/v1\ntitle: Caf"),
      Buffer.from([0xe9]),
      Buffer.from("\n"),
    ]);
    const { diagnostics } = checkJson(dir, [write("latin1.partner.yaml", bytes)]);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]!.line, 2);
    assert.equal(diagnostics[0]!.column, 11);
    assert.match(diagnostics[0]!.message, /not UTF-8/);
  });

  it("a UTF-8 BOM and CRLF line ends: positions as the editor shows them", () => {
    const text = "\ufeffapiVersion: partner-charter/v1\r\nkind: Charter\r\ntier: strategc\r\n";
    const { diagnostics } = checkJson(dir, [write("crlf.partner.yaml", text)]);
    const tier = diagnostics.find((d) => /tier/.test(d.message) && d.line === 3);
    assert.ok(tier, JSON.stringify(diagnostics, null, 2));
    assert.equal(tier.column, 7);
    assert.equal(tier.endColumn, 15);
  });

  it("a folder named x.partner.yaml is searched, not read as a file", () => {
    fs.mkdirSync(path.join(dir, "x.partner.yaml"));
    write("real.partner.yaml", "kind: Charter\n");
    const { files } = checkJson(dir, []);
    assert.deepEqual(
      files.map((file) => file.path),
      ["real.partner.yaml"],
    );
    const named = runCli(["check", "x.partner.yaml"], { cwd: dir });
    assert.equal(named.status, 2);
    assert.match(named.stderr, /^partner-charter: No charter .* found in "x\.partner\.yaml"\.\n$/);
  });

  it("a second YAML document in the file: one located finding", () => {
    const { diagnostics } = checkJson(dir, [write("two.partner.yaml", "kind: Charter\n---\nkind: Charter\n")]);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]!.line, 2);
    assert.match(diagnostics[0]!.message, /one YAML document/);
  });
});
