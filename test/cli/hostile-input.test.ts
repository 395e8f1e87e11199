import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { CLI } from "../support/paths";
import { runCliWithFileSizeLimit } from "../support/run-cli";
import { assertUsageError, CLEAN, TempDir } from "./helpers";

/**
 * The CLI as a careless or hostile user meets it (issue 12): reports never written over a
 * charter, names of built-in properties, endless or blocking inputs, text that would drive a
 * terminal or forge a CI command, and folders that other tools skip or mis-read.
 */

interface JsonReport {
  files: { path: string; diagnostics: { rule: string; line: number; column: number; message: string }[] }[];
}

const BUILT_IN_NAMES = ["constructor", "toString", "valueOf", "hasOwnProperty", "__proto__"];

describe("the CLI never writes a report over a charter", () => {
  let temp: TempDir;
  beforeEach(() => (temp = new TempDir()));
  afterEach(() => temp.remove());

  it("check --output, --write-baseline and render --output naming a charter of the run: exit 2, the charter untouched", () => {
    const file = temp.write("x.partner.yaml", CLEAN);
    fs.linkSync(path.join(temp.dir, file), path.join(temp.dir, "hard-link.json"));
    fs.symlinkSync(path.join(temp.dir, file), path.join(temp.dir, "soft-link.md"));
    const runs: [string[], RegExp][] = [
      [["check", file, "--output", file], /--output "x\.partner\.yaml" is a file this run reads \(a charter\)/],
      [["check", ".", "--output", "./x.partner.yaml"], /--output "\.\/x\.partner\.yaml" is a file this run reads/],
      [["check", file, "--write-baseline", file], /--write-baseline "x\.partner\.yaml" is a file this run reads/],
      [["check", file, "--output", "hard-link.json"], /--output "hard-link\.json" is a file this run reads/],
      [["check", file, "--output", "soft-link.md"], /--output "soft-link\.md" is a file this run reads/],
      [["render", file, "--output", file], /--output "x\.partner\.yaml" is a file this run reads/],
      [
        ["check", file, "--output", "other.partner.yml"],
        /is named as a charter; reports are never written to such a file/,
      ],
      [["check", file, "--output", "msp.partner-program.yaml"], /is named as a partner program/],
      [["check", file, "--write-baseline", ".partner-charter.yaml"], /is named as a configuration file/],
    ];
    for (const [args, message] of runs) {
      assertUsageError(temp.cli(args), message);
      assert.equal(temp.read(file), CLEAN, args.join(" "));
    }
    assert.deepEqual(fs.readdirSync(temp.dir).sort(), ["hard-link.json", "soft-link.md", "x.partner.yaml"]);
  });

  it("a baseline given to --baseline is not overwritten by --output either", () => {
    const file = temp.write("x.partner.yaml", CLEAN);
    assert.equal(temp.cli(["check", file, "--write-baseline", "baseline.json"]).status, 0);
    const baseline = temp.read("baseline.json");
    assertUsageError(
      temp.cli(["check", file, "--baseline", "baseline.json", "--output", "baseline.json"]),
      /file this run reads/,
    );
    assert.equal(temp.read("baseline.json"), baseline);
  });

  it("--output is written atomically: a failed write leaves the previous report whole, keeping its mode", () => {
    const file = temp.write("x.partner.yaml", CLEAN.replace("tier: strategic", "tier: strategc"));
    temp.write("report.json", "previous report\n");
    fs.chmodSync(path.join(temp.dir, "report.json"), 0o640);
    // The report is a few kilobytes; a file size limit of 1 KB makes its write fail.
    const run = runCliWithFileSizeLimit(1, ["check", file, "--format", "sarif", "--output", "report.json"], {
      cwd: temp.dir,
    });
    assertUsageError(run, /Cannot write "report\.json": EFBIG/);
    assert.equal(temp.read("report.json"), "previous report\n");
    assert.deepEqual(fs.readdirSync(temp.dir).sort(), ["report.json", "x.partner.yaml"]);
    assert.equal(temp.cli(["check", file, "--format", "json", "--output", "report.json"]).status, 1);
    assert.match(temp.read("report.json"), /^\{/);
    assert.equal(fs.statSync(path.join(temp.dir, "report.json")).mode & 0o777, 0o640);
  });
});

describe("names of built-in properties are names like any other", () => {
  let temp: TempDir;
  beforeEach(() => (temp = new TempDir()));
  afterEach(() => temp.remove());

  it("a config option or rule named constructor, toString…: a located config finding, the charters still checked", () => {
    for (const name of BUILT_IN_NAMES) {
      temp.write(".partner-charter.yaml", `rules:\n  phase-duration:\n    ${name}: 1\n  ${name}: error\n`);
      temp.write("x.partner.yaml", CLEAN);
      const run = temp.cli(["check", ".", "--format", "json"]);
      assert.equal(run.status, 1, `${name}: ${run.stderr}`);
      assert.equal(run.stderr, "");
      const report = JSON.parse(run.stdout) as JsonReport;
      const config = report.files.find((file) => file.path === ".partner-charter.yaml")!;
      assert.deepEqual(
        config.diagnostics.map((d) => [d.rule, d.line, d.message.split(".")[0]]),
        [
          ["config", 3, `Rule "phase-duration" has no option "${name}"`],
          ["config", 4, `Unknown rule "${name}"`],
        ],
        name,
      );
      assert.deepEqual(report.files.find((file) => file.path === "x.partner.yaml")!.diagnostics, []);
    }
  });

  it("--format and commands named like built-in properties are unknown, with one line", () => {
    const file = temp.write("x.partner.yaml", CLEAN);
    for (const name of BUILT_IN_NAMES) {
      assertUsageError(
        temp.cli(["check", file, "--format", name]),
        new RegExp(`Unknown format "${name}"\\. Use one of: stylish, json`),
      );
      assertUsageError(temp.cli(["render", file, "--format", name]), new RegExp(`Unknown format "${name}"`));
      assertUsageError(temp.cli([name]), new RegExp(`Unknown command "${name}"\\. Commands: check`));
    }
  });
});

describe("endless, blocking and oversized inputs", function () {
  this.timeout(60_000);
  let temp: TempDir;
  beforeEach(() => (temp = new TempDir()));
  afterEach(() => temp.remove());

  const shell = (script: string) => {
    const run = spawnSync("bash", ["-c", script], {
      cwd: temp.dir,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1", CLI, NODE: process.execPath },
      timeout: 30_000,
    });
    return { ...run, durationMs: 0 };
  };

  it("standard input without end (/dev/zero) stops at the 2 MB limit with one line", () => {
    assertUsageError(
      shell('cat /dev/zero | "$NODE" "$CLI" check -'),
      /Standard input is more than 2 MB; charters are limited to 2 MB\./,
    );
  });

  it("--baseline that is a device, a pipe or too large: one line, never read to the end", () => {
    temp.write("x.partner.yaml", CLEAN);
    assertUsageError(
      temp.cli(["check", "x.partner.yaml", "--baseline", "/dev/zero"]),
      /Cannot read baseline "\/dev\/zero": it is not a regular file/,
    );
    spawnSync("mkfifo", [path.join(temp.dir, "fifo.json")]);
    assertUsageError(
      temp.cli(["check", "x.partner.yaml", "--baseline", "fifo.json"]),
      /Cannot read baseline "fifo\.json": it is not a regular file/,
    );
    fs.truncateSync(path.join(temp.dir, temp.write("huge.json", "")), 40 * 1024 * 1024);
    assertUsageError(
      temp.cli(["check", "x.partner.yaml", "--baseline", "huge.json"]),
      /Cannot read baseline "huge\.json": it is 40 MB, over the limit of 32 MB/,
    );
  });

  it("a charter or config that is a link to /dev/zero or a pipe: a located finding or one line, no hang", () => {
    temp.write("team/x.partner.yaml", CLEAN);
    fs.symlinkSync("/dev/zero", path.join(temp.dir, "team", ".partner-charter.yaml"));
    const run = temp.cli(["check", "team", "--format", "json"]);
    assert.equal(run.status, 0, run.stderr);
    fs.rmSync(path.join(temp.dir, "team", ".partner-charter.yaml"));
    fs.truncateSync(path.join(temp.dir, temp.write("team/.partner-charter.yaml", "")), 3 * 1024 * 1024);
    const huge = JSON.parse(temp.cli(["check", "team", "--format", "json"]).stdout) as JsonReport;
    assert.deepEqual(
      huge.files.map((file) => [file.path, file.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)]),
      [
        [
          "team/.partner-charter.yaml",
          ["1:1 The configuration file could not be read: it is 3 MB, over the limit of 2 MB."],
        ],
        ["team/x.partner.yaml", []],
      ],
    );
    fs.rmSync(path.join(temp.dir, "team", ".partner-charter.yaml"));
    fs.symlinkSync("/dev/zero", path.join(temp.dir, "zero.partner.yaml"));
    assertUsageError(temp.cli(["check", "zero.partner.yaml"]), /"zero\.partner\.yaml" is neither a file nor a folder/);
    spawnSync("mkfifo", [path.join(temp.dir, "pipe.partner.yaml")]);
    assertUsageError(
      temp.cli(["sign", "pipe.partner.yaml", "--party", "us", "--name", "X"]),
      /sign: "pipe\.partner\.yaml" is not a file/,
    );
    assertUsageError(temp.cli(["check", "x.partner.yaml", "--config", "/dev/zero"]), /Config file not found/);
  });
});

describe("text from a charter never drives the terminal or forges a CI command", () => {
  let temp: TempDir;
  beforeEach(() => (temp = new TempDir()));
  afterEach(() => temp.remove());

  const HOSTILE = CLEAN.replace(
    "title: ",
    '"x\\n::error file=INJECTED::pwned": 1\n"\\e[2J\\e[31mred\\u202Eevil": 2\ntitle: ',
  );

  it("stylish shows control characters as \\u{…} escapes: no line of its own, no escape sequence", () => {
    const file = temp.write("x.partner.yaml", HOSTILE);
    const run = temp.cli(["check", file]);
    assert.equal(run.status, 1, run.stderr);
    assert.doesNotMatch(run.stdout, /^::/m, "no forged workflow command");
    assert.doesNotMatch(run.stdout, /[\u0000-\u0008\u000b-\u001f\u007f\u202e]/, "no control character");
    assert.match(run.stdout, /Unknown key "x\\u\{a\}::error file=INJECTED::pwned"/);
    assert.match(run.stdout, /"\\u\{1b\}\[2J\\u\{1b\}\[31mred\\u\{202e\}evil"/);
  });

  it("github escapes line breaks the way GitHub reads them", () => {
    const file = temp.write("x.partner.yaml", HOSTILE);
    const run = temp.cli(["check", file, "--format", "github"]);
    assert.ok(
      run.stdout
        .split("\n")
        .every((line) => line === "" || /^::(error|warning|notice) file=x\.partner\.yaml,/.test(line)),
      run.stdout,
    );
    assert.match(run.stdout, /x%0A::error file=INJECTED::pwned/);
  });

  it("a file name with a line break or an escape stays on one line, in reports and in errors", () => {
    temp.write("odd\nname\u001b[31m/x.partner.yaml", CLEAN.replace("tier: strategic", "tier: strategc"));
    const run = temp.cli(["check", "."]);
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /^odd\\u\{a\}name\\u\{1b\}\[31m\/x\.partner\.yaml {2}health/m);
    assertUsageError(temp.cli(["check", "no\nsuch"]), /No such file or folder: "no\\u\{a\}such"/);
  });
});

describe("folders: what the CLI searches is what the editor searches", () => {
  let temp: TempDir;
  beforeEach(() => (temp = new TempDir()));
  afterEach(() => temp.remove());

  it("dot-folders such as .github are searched; node_modules and .git are not", () => {
    temp.write(".github/partners/a.partner.yaml", CLEAN);
    temp.write("node_modules/pkg/b.partner.yaml", "broken: [");
    temp.write(".git/c.partner.yaml", "broken: [");
    const run = temp.cli(["check", ".", "--format", "json"]);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(
      (JSON.parse(run.stdout) as JsonReport).files.map((file) => file.path),
      [".github/partners/a.partner.yaml"],
    );
  });

  it(".gitignore patterns are case-sensitive as git's; folders with a line break in their name are searched", () => {
    temp.write("c.partner.yaml", CLEAN.replace("id: acme-cloudco-msp", "id: c"));
    temp.write("D.partner.yaml", CLEAN.replace("id: acme-cloudco-msp", "id: d"));
    temp.write("new\nline/n.partner.yaml", CLEAN.replace("id: acme-cloudco-msp", "id: n"));
    temp.write(".gitignore", "C.PARTNER.YAML\nD.partner.yaml\n");
    const run = temp.cli(["check", ".", "--format", "json"]);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(
      (JSON.parse(run.stdout) as JsonReport).files.map((file) => file.path),
      ["c.partner.yaml", "new\nline/n.partner.yaml"],
    );
  });
});
