import * as assert from "node:assert/strict";
import { assertCorpusReport, writeCorpus } from "./corpus";
import { TempDir } from "./helpers";

/**
 * Parallel `check` (worker threads) reports exactly what the main thread alone reports: same
 * findings, same order, cross-file findings (duplicate-id) computed once over all files, on the
 * corpus of ./corpus.ts.
 */

// Over the break-even of an automatic run (100), and several batches (16 files) for each worker.
const FILES = 110;

describe("check on worker threads (--jobs)", () => {
  let temp: TempDir;
  let single: string;
  before(function () {
    this.timeout(120_000);
    temp = new TempDir();
    writeCorpus(temp, FILES);
    const run = temp.cli(["check", ".", "--format", "json", "--jobs", "1"]);
    assert.equal(run.status, 1, run.stderr);
    single = run.stdout;
  });
  after(() => temp.remove());

  it("the corpus has the cross-file and per-file findings the comparison is about", () => {
    assertCorpusReport(single);
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
