import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { assertCorpusReport, corpusFile, writeCorpus } from "./corpus";
import { assertUsageError, TempDir } from "./helpers";

/**
 * `check --cache`: a cached run reports byte for byte what an uncached run reports, on the
 * corpus of ./corpus.ts (duplicate ids across folders, a config, syntax and schema findings),
 * whether the cache is cold, warm, damaged or stale, and with or without worker threads.
 */

const FILES = 40;
const CACHE = ".partner-charter-cache";

interface CacheData {
  format: string;
  version: string;
  files: Record<string, { key: string; summary: { findings: { message: string }[] } }>;
}

describe("check --cache", () => {
  let temp: TempDir;
  const json = (...extra: string[]): string => {
    const run = temp.cli(["check", ".", "--format", "json", ...extra]);
    assert.equal(run.status, 1, run.stderr);
    assert.equal(run.stderr, "");
    return run.stdout;
  };
  const readCache = (): CacheData => JSON.parse(temp.read(CACHE)) as CacheData;
  const cacheKeyOf = (i: number): string => path.join(temp.dir, corpusFile(i));

  beforeEach(() => {
    temp = new TempDir();
    writeCorpus(temp, FILES);
  });
  afterEach(() => temp.remove());

  it("cold, warm, in parallel and single-threaded: the byte-identical JSON report", function () {
    this.timeout(120_000);
    const single = json("--jobs", "1");
    assertCorpusReport(single);
    assert.equal(temp.exists(CACHE), false, "no cache without --cache");
    assert.equal(json("--cache", "--jobs", "1"), single, "cold cache");
    const cache = readCache();
    assert.equal(cache.format, "partner-charter-check-cache");
    assert.equal(Object.keys(cache.files).length, FILES, "every readable charter is cached");
    assert.equal(json("--cache", "--jobs", "1"), single, "warm cache");
    assert.equal(json("--cache", "--jobs", "2"), single, "warm cache, two workers");
    fs.rmSync(path.join(temp.dir, CACHE));
    assert.equal(json("--cache", "--jobs", "2"), single, "cold cache, two workers");
  });

  it("takes an unchanged charter's findings from the cache, and checks a changed charter again", function () {
    this.timeout(120_000);
    json("--cache");
    // Mark one cached finding: a run that shows the mark took it from the cache.
    const data = readCache();
    const marked = data.files[cacheKeyOf(5)]!; // charter 5 has a schema finding (corpus.ts)
    assert.ok(marked.summary.findings.length > 0);
    marked.summary.findings[0]!.message = "MARKED IN THE CACHE";
    temp.write(CACHE, JSON.stringify(data));
    assert.match(json("--cache"), /MARKED IN THE CACHE/);

    // Change charter 5: it is checked again (the mark goes), and the report is a fresh run's.
    temp.write(corpusFile(5), temp.read(corpusFile(5)).replace("unknownKey: 1", "anotherUnknownKey: 1"));
    const cached = json("--cache");
    assert.doesNotMatch(cached, /MARKED IN THE CACHE/);
    assert.match(cached, /anotherUnknownKey/);
    assert.equal(cached, json("--jobs", "1"));
  });

  it("checks again the charters whose config changed", function () {
    this.timeout(120_000);
    json("--cache");
    temp.write("team-1/.partner-charter.yaml", "rules:\n  duplicate-id: info\n");
    const cached = json("--cache");
    assert.match(cached, /"severity": "info"/);
    assert.equal(cached, json("--jobs", "1"));
  });

  it("ignores a damaged or foreign cache file, and writes it anew", function () {
    this.timeout(120_000);
    const single = json("--jobs", "1");
    for (const damaged of [
      "{ not json",
      "",
      JSON.stringify({ format: "eslint", files: {} }),
      JSON.stringify({
        ...{ format: "partner-charter-check-cache", formatVersion: 1 },
        version: "0.0.1-old",
        files: {},
      }),
      JSON.stringify({ format: "partner-charter-check-cache", formatVersion: 1, files: { x: { key: 3 } } }),
    ]) {
      temp.write(CACHE, damaged);
      assert.equal(json("--cache"), single, `with the cache file ${JSON.stringify(damaged)}`);
      assert.equal(Object.keys(readCache().files).length, FILES, "rewritten");
    }
    // An entry of the right shape whose key does not match is not used.
    const data = readCache();
    const entry = data.files[cacheKeyOf(5)]!;
    entry.key = "0".repeat(64);
    entry.summary.findings[0]!.message = "MARKED IN THE CACHE";
    temp.write(CACHE, JSON.stringify(data));
    assert.equal(json("--cache"), single);
  });

  it("--cache-location: a file or a folder; never a charter; only with --cache", function () {
    this.timeout(120_000);
    json("--cache", "--cache-location", "cache.json");
    assert.ok(temp.exists("cache.json"));
    fs.mkdirSync(path.join(temp.dir, "caches"));
    json("--cache", "--cache-location", "caches");
    assert.ok(temp.exists(`caches/${CACHE}`));
    assertUsageError(temp.cli(["check", ".", "--cache", "--cache-location", corpusFile(1)]), /file this run reads/);
    assertUsageError(temp.cli(["check", ".", "--cache-location", "cache.json"]), /give --cache too/);
  });
});
