import * as assert from "node:assert/strict";
import fc from "fast-check";
import { parseCharter } from "../../core/src";
import { TempDir } from "../cli/helpers";
import { changedSpan, jargonIn } from "./support/core-probe";
import { fuzzCase, signableCharter } from "./support/inputs";

/**
 * The quick fuzz run of the CLI (part of `npx mocha`): a few dozen mutated charters through
 * every command as subprocesses, with a fixed seed. Exit codes are 0, 1 or 2; a 2 comes with
 * one line and no stack trace; every reported position is inside the file; no report carries
 * a control character or validator jargon; `sign` changes only the signatures, or nothing.
 */

const SEED = 1124;
const RUNS = 30;
const FORMATS = ["stylish", "json", "sarif", "github", "junit", "markdown"];

interface Command {
  args: (file: string) => string[];
  name: string;
}

const COMMANDS: Command[] = [
  ...FORMATS.map((format) => ({
    name: `check --format ${format}`,
    args: (file: string) => ["check", file, "--format", format],
  })),
  { name: "render html", args: (file) => ["render", file] },
  { name: "render markdown", args: (file) => ["render", file, "--format", "markdown"] },
  { name: "diff", args: (file) => ["diff", "base.partner.yaml", file, "--format", "markdown"] },
  { name: "sign", args: (file) => ["sign", file, "--party", "partner", "--name", "Fuzz Signer", "--replace"] },
];

describe("fuzz: every CLI command on mutated charters", function () {
  this.timeout(180_000);

  it(`${RUNS} runs from seed ${SEED}`, () => {
    // Signing needs a charter without errors: every third case is one it must be able to sign.
    const signable = signableCharter.map((charter) => ({ ...charter, positions: [] }));
    const cases = fc.sample(fc.tuple(fc.oneof(fuzzCase, fuzzCase, signable), fc.nat()), { seed: SEED, numRuns: RUNS });
    const temp = new TempDir();
    try {
      cases.forEach(([{ text, base }, pick], i) => {
        const sign = COMMANDS[COMMANDS.length - 1]!;
        const command =
          text.includes("status: proposed") && pick % 2 === 0 ? sign : COMMANDS[(i + pick) % COMMANDS.length]!;
        const file = `case-${i}.partner.yaml`;
        temp.write(file, text);
        temp.write("base.partner.yaml", base ?? "");
        const run = temp.cli(command.args(file));
        const what = `${command.name} on case ${i} (seed ${SEED}):\n${text.slice(0, 600)}\n--- stderr ---\n${run.stderr}`;
        assert.ok(run.status === 0 || run.status === 1 || run.status === 2, `exit ${run.status}: ${what}`);
        assert.doesNotMatch(run.stderr, /internal error|\n\s+at .+:\d+:\d+/, what);
        if (run.status === 2) assert.equal(run.stderr.trimEnd().split("\n").length, 1, what);
        assert.doesNotMatch(
          run.stdout,
          /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/,
          `a control character in the output: ${what}`,
        );
        if (command.name === "check --format json" && run.status !== 2) checkLocated(run.stdout, text, what);
        if (command.name.startsWith("check")) assert.equal(jargonIn(run.stdout), undefined, what);
        if (command.name === "sign") checkSigned(temp.read(file), text, run.status, what);
      });
    } finally {
      temp.remove();
    }
  });
});

describe("fuzz: portfolio in every format over a folder of mutated charters", function () {
  this.timeout(180_000);

  it(`${RUNS} charters from seed ${SEED}, each format once`, () => {
    const cases = fc.sample(fuzzCase, { seed: SEED, numRuns: RUNS });
    const temp = new TempDir();
    try {
      cases.forEach(({ text }, i) => temp.write(`charters/case-${i}.partner.yaml`, text));
      for (const format of ["stylish", "markdown", "json", "html", "csv", "ics"]) {
        const run = temp.cli(["portfolio", "charters", "--format", format]);
        const what = `portfolio --format ${format} (seed ${SEED}):\n--- stderr ---\n${run.stderr}`;
        assert.equal(run.status, 0, what);
        assert.doesNotMatch(run.stderr, /internal error|\n\s+at .+:\d+:\d+/, what);
        assert.doesNotMatch(
          run.stdout,
          /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/,
          `a control character in the output: ${what}`,
        );
        if (format === "json") assert.equal((JSON.parse(run.stdout) as { charters: unknown[] }).charters.length, RUNS);
      }
    } finally {
      temp.remove();
    }
  });
});

function checkLocated(stdout: string, text: string, what: string): void {
  const report = JSON.parse(stdout) as {
    files: { diagnostics: { line: number; column: number; endLine: number; endColumn: number }[] }[];
  };
  const lines = parseCharter(text).lines;
  for (const d of report.files.flatMap((file) => file.diagnostics)) {
    for (const [line, column] of [
      [d.line, d.column],
      [d.endLine, d.endColumn],
    ] as const) {
      assert.ok(line >= 1 && line <= lines.lineCount, `line ${line} outside the file: ${what}`);
      assert.ok(
        column >= 1 && column <= lines.lineText(line - 1).length + 1,
        `column ${column} outside line ${line}: ${what}`,
      );
    }
  }
}

function checkSigned(after: string, before: string, status: number | null, what: string): void {
  if (status !== 0) {
    assert.equal(after, before, `a refused sign changed the file: ${what}`);
    return;
  }
  const signed = parseCharter(after);
  assert.equal(signed.syntaxFindings.length, 0, what);
  const [from, to] = changedSpan(before, after);
  const start = before.search(/^signatures:/m);
  assert.ok(
    to <= from || (start >= 0 && from >= start) || from >= before.trimEnd().length,
    `sign changed bytes outside the signatures: ${what}`,
  );
}
