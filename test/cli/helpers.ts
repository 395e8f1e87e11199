import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { FIXTURES, REPO_ROOT, TEST_TODAY } from "../support/paths";
import { runCli, type CliRun } from "../support/run-cli";

/** Shared by the CLI tests of this folder: temp folders, the reference charter, golden files. */

export const GOLDEN = path.join(REPO_ROOT, "test", "golden");

/** The complete example of FORMAT.md: clean under every rule. */
export const CLEAN = fs.readFileSync(path.join(FIXTURES, "structure", "format-md-example.partner.yaml"), "utf8");

/** Set UPDATE_GOLDEN=1 to rewrite expected files from the current output (review the diff!). */
const UPDATE = process.env.UPDATE_GOLDEN === "1";

export function expectGolden(actual: string, file: string): void {
  const target = path.join(GOLDEN, file);
  if (UPDATE || !fs.existsSync(target)) {
    if (!UPDATE) assert.fail(`Missing golden file ${file}; run with UPDATE_GOLDEN=1 to create it.`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, actual);
    return;
  }
  assert.equal(actual, fs.readFileSync(target, "utf8"), `output differs from ${file} (UPDATE_GOLDEN=1 rewrites it)`);
}

export class TempDir {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), "pc-cli-"));

  write(relative: string, text: string): string {
    const file = path.join(this.dir, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return relative;
  }

  read(relative: string): string {
    return fs.readFileSync(path.join(this.dir, relative), "utf8");
  }

  exists(relative: string): boolean {
    return fs.existsSync(path.join(this.dir, relative));
  }

  /** Runs the CLI in this folder with the fixed test date. */
  cli(args: string[], input?: string): CliRun {
    return runCli([...args, "--today", TEST_TODAY], { cwd: this.dir, input });
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A usage error: exit 2, exactly one line on stderr, no stack trace. */
export function assertUsageError(run: CliRun, pattern?: RegExp): void {
  assert.equal(run.status, 2, `expected exit 2, got ${run.status}: ${run.stderr}`);
  const lines = run.stderr.trimEnd().split("\n");
  assert.equal(lines.length, 1, `expected one line on stderr, got:\n${run.stderr}`);
  assert.match(lines[0]!, /^partner-charter: /);
  assert.doesNotMatch(run.stderr, /\n\s+at |internal error/);
  if (pattern) assert.match(run.stderr, pattern);
}

/** Inserts `count` comment lines right after the line that contains `marker`. */
export function insertLinesAfter(text: string, marker: string, count: number): string {
  const lines = text.split("\n");
  const index = lines.findIndex((line) => line.includes(marker));
  assert.ok(index >= 0, `marker ${marker} not found`);
  lines.splice(index + 1, 0, ...Array.from({ length: count }, (_, i) => `# inserted line ${i + 1}`));
  return lines.join("\n");
}
