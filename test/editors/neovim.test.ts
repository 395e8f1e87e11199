import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { REPO_ROOT, SERVER } from "../support/paths";
import { ensureServerBuilt, makeWorkspace } from "../server/support/lsp-client";
import { VALID, lineOf } from "../server/support/samples";

/**
 * The bundled language server driven from real headless Neovim (Debian's `neovim`, installed on
 * first use like the end-to-end suite's chromium): the Lua script test/editors/neovim-client.lua
 * uses Neovim's built-in client as docs/editors.md sets it up, and writes what it saw as JSON.
 */

interface NeovimRun {
  error: string | null;
  diagnostics?: { code: string; line: number; message: string }[];
  hover?: string | null;
  completion?: string[];
  lenses?: { title: string; line: number; declared: boolean; error: string | null }[];
  actions?: string[];
  applied?: string;
  after?: string[];
  text?: string;
}

/** A clean charter with two findings: stale since 2026-07-01, and a 10% go/no-go bar. */
const CHARTER = VALID.replace(/^updated: .*$/m, "updated: 2026-07-01").replace("improvement: 25%", "improvement: 10%");

async function neovim(): Promise<string> {
  const prerequisites = (await import(
    pathToFileURL(path.join(REPO_ROOT, "test", "e2e", "lib", "prerequisites.mjs")).href
  )) as { ensureNeovim(): string };
  return prerequisites.ensureNeovim();
}

describe("Neovim (built-in LSP client, headless)", function () {
  this.timeout(180_000);
  let workspace: string;
  let run: NeovimRun;

  before(async () => {
    const nvim = await neovim();
    ensureServerBuilt();
    workspace = makeWorkspace({ "acme.partner.yaml": CHARTER });
    const output = path.join(workspace, "result.json");
    const result = spawnSync(
      nvim,
      ["--headless", "--clean", "-n", "-c", `luafile ${path.join(REPO_ROOT, "test", "editors", "neovim-client.lua")}`],
      {
        cwd: workspace,
        encoding: "utf8",
        timeout: 150_000,
        env: {
          ...process.env,
          PC_NODE: process.execPath,
          PC_SERVER: SERVER,
          PC_ROOT: workspace,
          PC_FILE: path.join(workspace, "acme.partner.yaml"),
          PC_OUT: output,
          PC_TODAY: "2026-12-01",
          PC_TIER_LINE: String(lineOf(CHARTER, /^tier: /)),
          PC_FIX_RULE: "go-no-go-threshold",
        },
      },
    );
    assert.ok(
      fs.existsSync(output),
      `Neovim wrote no result (exit ${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`,
    );
    run = JSON.parse(fs.readFileSync(output, "utf8")) as NeovimRun;
  });

  after(() => {
    if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
  });

  it("ran to the end", () => {
    assert.equal(run.error, null, JSON.stringify(run, null, 2));
  });

  it("shows the findings with their rule ids on the right lines", () => {
    const found = (run.diagnostics ?? []).map((d) => `${d.code}@${d.line}`).sort();
    assert.deepEqual(found, [
      `go-no-go-threshold@${lineOf(CHARTER, /improvement: 10%/)}`,
      `stale-charter@${lineOf(CHARTER, /^updated: /)}`,
    ]);
  });

  it("applies the settings Neovim passes in init_options (today)", () => {
    const stale = run.diagnostics?.find((d) => d.code === "stale-charter");
    assert.match(stale?.message ?? "", /Last reviewed 153 days ago \(2026-07-01\)/);
  });

  it("answers hover and completion", () => {
    assert.match(run.hover ?? "", /strategic/i);
    assert.ok(
      ["integration", "partnership", "strategic"].every((tier) => run.completion?.includes(tier)),
      JSON.stringify(run.completion),
    );
  });

  it("shows code lenses whose command the server declares and runs", () => {
    const lenses = run.lenses ?? [];
    assert.deepEqual(
      lenses.map((lens) => lens.line),
      [/^commitments:/, /^ {2}crawl:/, /^ {2}walk:/, /^ {2}run:/].map((pattern) => lineOf(CHARTER, pattern)),
    );
    for (const lens of lenses) {
      assert.ok(lens.declared, lens.title);
      assert.equal(lens.error, null, lens.title);
    }
  });

  it("applies a quick fix that clears the finding and leaves the rest", () => {
    assert.ok(run.applied, JSON.stringify(run.actions));
    assert.deepEqual(run.after, ["stale-charter"]);
    assert.match(run.text ?? "", /improvement: 20%/);
  });
});
