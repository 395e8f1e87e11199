import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { CLEAN, TempDir } from "./helpers";

/**
 * Parallel `check` (worker threads) reports exactly what the main thread alone reports: same
 * findings, same order, cross-file findings (duplicate-id) computed once over all files.
 *
 * The corpus is built by `writeCorpus`: add a kind of file there (a program file, once programs
 * exist) and every comparison below covers it.
 */

// Over the break-even of an automatic run (100), and several batches (16 files) for each worker.
const FILES = 110;

function writeCorpus(temp: TempDir): void {
  for (let i = 0; i < FILES; i++) {
    const folder = `team-${i % 4}`;
    // every seventh charter shares the id of the one before it (in the folder before): duplicate-id
    const id = i > 0 && i % 7 === 0 ? `charter-${i - 1}` : `charter-${i}`;
    let text = CLEAN.replace(/^id: .*$/m, `id: ${id}`);
    if (i % 11 === 3) text = text.replace(/^title: .*$/m, "title: [unclosed"); // a syntax error
    if (i % 13 === 5) text = `${text}\nunknownKey: 1\n`; // a schema finding
    temp.write(`${folder}/c${String(i).padStart(3, "0")}.partner.yaml`, text);
  }
  // a config in one folder: its charters are checked with its rules
  temp.write("team-1/.partner-charter.yaml", "rules:\n  duplicate-id: warning\n");
  // a file that is no UTF-8 text: one located finding, in any thread
  fs.writeFileSync(path.join(temp.dir, "team-3", "latin1.partner.yaml"), Buffer.from("id: caf\xe9\n", "latin1"));
}

describe("check on worker threads (--jobs)", () => {
  let temp: TempDir;
  let single: string;
  before(function () {
    this.timeout(120_000);
    temp = new TempDir();
    writeCorpus(temp);
    const run = temp.cli(["check", ".", "--format", "json", "--jobs", "1"]);
    assert.equal(run.status, 1, run.stderr);
    single = run.stdout;
  });
  after(() => temp.remove());

  it("the corpus has the cross-file and per-file findings the comparison is about", () => {
    const report = JSON.parse(single) as { files: { diagnostics: { rule: string; severity: string }[] }[] };
    const rules = new Set(report.files.flatMap((file) => file.diagnostics.map((finding) => finding.rule)));
    for (const rule of ["duplicate-id", "yaml-syntax", "schema"]) assert.ok(rules.has(rule), `a ${rule} finding`);
    const duplicates = report.files.flatMap((file) =>
      file.diagnostics.filter((finding) => finding.rule === "duplicate-id"),
    );
    assert.ok(
      duplicates.some((finding) => finding.severity === "warning"),
      "team-1's config applies",
    );
    assert.ok(duplicates.some((finding) => finding.severity === "error"));
  });

  for (const jobs of ["2", "3"]) {
    it(`--jobs ${jobs} gives the byte-identical JSON report`, () => {
      const run = temp.cli(["check", ".", "--format", "json", "--jobs", jobs]);
      assert.equal(run.status, 1, run.stderr);
      assert.equal(run.stderr, "");
      assert.equal(run.stdout, single);
    });
  }

  it("the default (one thread per core from 100 charters on) gives the same report", () => {
    const run = temp.cli(["check", ".", "--format", "json"]);
    assert.equal(run.stdout, single);
  });

  it("--jobs 0 or a word is a usage error", () => {
    for (const bad of ["0", "many"]) {
      const run = temp.cli(["check", ".", "--jobs", bad]);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /--jobs must be/);
    }
  });
});
