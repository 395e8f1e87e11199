import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { CLEAN, type TempDir } from "./helpers";

/**
 * The corpus on which parallel, cached and single-threaded `check` runs are compared
 * (parallel.test.ts, cache.test.ts): charters in four folders, duplicate ids across folders, a
 * config in one folder, syntax and schema findings, a file that is not UTF-8. Add a kind of
 * file here (a program file, once programs exist) and every comparison covers it.
 */
export function writeCorpus(temp: TempDir, files: number): void {
  for (let i = 0; i < files; i++) {
    // every seventh charter shares the id of the one before it (in the folder before): duplicate-id
    const id = i > 0 && i % 7 === 0 ? `charter-${i - 1}` : `charter-${i}`;
    let text = CLEAN.replace(/^id: .*$/m, `id: ${id}`);
    if (i % 11 === 3) text = text.replace(/^title: .*$/m, "title: [unclosed"); // a syntax error
    if (i % 13 === 5) text = `${text}\nunknownKey: 1\n`; // a schema finding
    temp.write(corpusFile(i), text);
  }
  // a config in one folder: its charters are checked with its rules
  temp.write("team-1/.partner-charter.yaml", "rules:\n  duplicate-id: warning\n");
  // a partner program over one folder: its charters are judged against its tiers (in any thread),
  // and tier-capacity counts them across files (on the main thread)
  temp.write("team-2/network.partner-program.yaml", fs.readFileSync(PROGRAM_EXAMPLE, "utf8"));
  // a file that is no UTF-8 text: one located finding, in any thread
  fs.writeFileSync(path.join(temp.dir, "team-3", "latin1.partner.yaml"), Buffer.from("id: caf\xe9\n", "latin1"));
}

const PROGRAM_EXAMPLE = path.join(
  __dirname,
  "..",
  "..",
  "examples",
  "acme-partner-network",
  "acme-partner-network.partner-program.yaml",
);

/** The path of the corpus's charter number `i`. */
export function corpusFile(i: number): string {
  return `team-${i % 4}/c${String(i).padStart(3, "0")}.partner.yaml`;
}

/** The JSON report of the corpus has the findings the comparisons are about. */
export function assertCorpusReport(json: string): void {
  const report = JSON.parse(json) as { files: { diagnostics: { rule: string; severity: string }[] }[] };
  const rules = new Set(report.files.flatMap((file) => file.diagnostics.map((finding) => finding.rule)));
  for (const rule of ["duplicate-id", "yaml-syntax", "schema", "tier-capacity"]) {
    assert.ok(rules.has(rule), `a ${rule} finding`);
  }
  const duplicates = report.files.flatMap((file) =>
    file.diagnostics.filter((finding) => finding.rule === "duplicate-id"),
  );
  assert.ok(
    duplicates.some((finding) => finding.severity === "warning"),
    "team-1's config applies",
  );
  assert.ok(duplicates.some((finding) => finding.severity === "error"));
}
