import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import type { CodeLens } from "vscode-languageserver-protocol";
import { TEST_TODAY } from "../support/paths";
import { LspClient, makeWorkspace, uriOf } from "../server/support/lsp-client";
import { CLEAN, TempDir } from "./helpers";

/**
 * One fact, one answer: the code lens (language server over stdio), the rule (`check`), the
 * page (`render`, the preview's renderer) and the diff (`diff`) state the same balance and the
 * same phase length, for the cases where copies of these judgements used to disagree.
 */

interface JsonReport {
  files: { diagnostics: { rule: string; message: string }[] }[];
}

const US_COMMITMENTS =
  "    - { type: revenue-share, detail: 15% of marketplace revenue, amount: { value: 15, unit: percent } }\n";

/** CLEAN with one more commitment of ours, and (optionally) without the authors' `balanced:` answer. */
function withOurSpend(amount: string, keepBalanced = true): string {
  let text = CLEAN.replace(
    US_COMMITMENTS,
    `${US_COMMITMENTS}    - { type: spend, detail: launch budget, amount: ${amount} }\n`,
  );
  if (!keepBalanced) text = text.replace("  balanced: true\n", "");
  assert.notEqual(text, CLEAN);
  return text;
}

/** CLEAN with a run phase from 2026-07-01 to `end`. */
function withRun(end: string): string {
  const text = CLEAN.replace("  run:\n    start: 2026-06-08\n", `  run:\n    start: 2026-07-01\n    end: ${end}\n`);
  assert.notEqual(text, CLEAN);
  return text;
}

describe("facts agree: code lens, rule, page and diff", function () {
  this.timeout(60_000);
  let temp: TempDir;
  let workspace: string;
  let client: LspClient;
  let opened = 0;

  before(async () => {
    workspace = makeWorkspace();
    client = await LspClient.start({ workspace, settings: { today: TEST_TODAY } });
  });
  after(async () => {
    await client?.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });
  beforeEach(() => (temp = new TempDir()));
  afterEach(() => temp.remove());

  /** The title of the code lens on the line that matches `line`. */
  async function lens(text: string, line: RegExp): Promise<string | undefined> {
    const uri = uriOf(path.join(workspace, `case-${++opened}.partner.yaml`));
    await client.open(uri, text);
    const lenses = await client.request<CodeLens[]>("textDocument/codeLens", { textDocument: { uri } });
    const at = text.split("\n").findIndex((candidate) => line.test(candidate));
    return lenses.find((item) => item.range.start.line === at)?.command?.title;
  }

  function messages(text: string, rule: string): string[] {
    temp.write("c.partner.yaml", text);
    const run = temp.cli(["check", "c.partner.yaml", "--format", "json"]);
    const report = JSON.parse(run.stdout) as JsonReport;
    return report.files[0]!.diagnostics.filter((d) => d.rule === rule).map((d) => d.message);
  }

  function page(text: string): string {
    temp.write("c.partner.yaml", text);
    const run = temp.cli(["render", "c.partner.yaml", "--format", "markdown"]);
    assert.equal(run.status, 0, run.stderr);
    return run.stdout;
  }

  function diff(base: string, head: string): Record<string, unknown> {
    temp.write("base.partner.yaml", base);
    temp.write("head.partner.yaml", head);
    const run = temp.cli(["diff", "base.partner.yaml", "head.partner.yaml", "--format", "json"]);
    assert.equal(run.status, 0, run.stderr);
    return JSON.parse(run.stdout) as Record<string, unknown>;
  }

  it("50000 usd against 300000 USD: one unit, lopsided everywhere", async () => {
    const text = withOurSpend("{ value: 50000, unit: usd }");
    const [message, ...more] = messages(text, "unbalanced-exchange");
    assert.equal(more.length, 0);
    assert.match(
      message!,
      /Lopsided exchange, though marked balanced: rebalance, or write down why it.s fair\. The partner commits 300,000 USD against our 50,000 \(6×\)/,
    );
    assert.equal(
      await lens(text, /^commitments:/),
      "we give 3 · partner gives 2 · unbalanced: the partner puts in 6× more USD",
    );
    const md = page(text);
    assert.match(
      md,
      /\*\*Balance:\*\* Unbalanced: CloudCo puts in 6× more USD — /,
      "the same verdict, naming the company",
    );
    assert.match(md, /Same-unit totals: USD: our company USD 50,000 · CloudCo USD 300,000 \(1 : 6\)/);
    assert.deepEqual(diff(CLEAN, text).balance, {
      from: "balanced",
      to: "unbalanced: the partner puts in 6× more USD",
    });
  });

  it("$ amounts read as USD; percentages are never compared", async () => {
    const text = withOurSpend('{ value: 50000, unit: "$" }');
    assert.equal(messages(text, "unbalanced-exchange").length, 1);
    assert.equal(
      await lens(text, /^commitments:/),
      "we give 3 · partner gives 2 · unbalanced: the partner puts in 6× more USD",
    );
    // The partner's 15 percent against our 15 percent would be "balanced" if compared; it is not compared at all.
    const percent = CLEAN.replace(
      "    - { type: roadmap, detail: marketplace billing API built for this partnership }\n",
      "    - { type: revenue-share, detail: 90% of resale, amount: { value: 90, unit: '%' } }\n",
    );
    assert.deepEqual(messages(percent, "unbalanced-exchange"), []);
    assert.doesNotMatch(page(percent), /Same-unit totals/);
  });

  it("no balanced: key and amounts in different units: 'not stated' in the lens and on the page, no finding", async () => {
    const text = withOurSpend("{ value: 50000, unit: EUR }", false);
    assert.deepEqual(messages(text, "unbalanced-exchange"), []);
    assert.equal(await lens(text, /^commitments:/), "we give 3 · partner gives 2 · balance not stated");
    const md = page(text);
    assert.match(md, /\*\*Balance:\*\* Balance not stated — .*the authors have not said whether it is balanced\./);
    assert.deepEqual(diff(CLEAN, text).balance, { from: "balanced", to: "balance not stated" });
  });

  it("the configured ratio decides for the rule and the lens alike", async () => {
    const text = withOurSpend("{ value: 50000, unit: usd }");
    temp.write(".partner-charter.yaml", "rules:\n  unbalanced-exchange: { ratio: 8 }\n");
    assert.deepEqual(messages(text, "unbalanced-exchange"), []);
    const tolerant = await LspClient.start({
      workspace,
      settings: { today: TEST_TODAY, rules: { "unbalanced-exchange": { ratio: 8 } } },
    });
    try {
      const uri = uriOf(path.join(workspace, "ratio.partner.yaml"));
      await tolerant.open(uri, text);
      // Once the settings are in, the published findings have no unbalanced-exchange either.
      await tolerant.waitForDiagnostics(
        uri,
        (published) => !published.diagnostics.some((d) => d.code === "unbalanced-exchange"),
      );
      const lenses = await tolerant.request<CodeLens[]>("textDocument/codeLens", { textDocument: { uri } });
      const titles = lenses.map((item) => item.command?.title);
      assert.ok(titles.includes("we give 3 · partner gives 2 · balanced"), titles.join(" | "));
    } finally {
      await tolerant.stop();
    }
  });

  it("a run from 2026-07-01 to 2026-12-30 lasts 5 months and 29 days everywhere, too short for the rule", async () => {
    const text = withRun("2026-12-30");
    assert.deepEqual(messages(text, "phase-duration"), [
      "The run phase lasts 5 months and 29 days, too short for 6–12 months: move its dates into that window.",
    ]);
    assert.equal(await lens(text, /^ {2}run:/), "5 months and 29 days · ROI validated");
    assert.match(page(text), /^\| Run \| 2026-07-01 → 2026-12-30 \| 5 months and 29 days \|/m);
    const changes = diff(withRun("2027-01-01"), text).phases as Record<string, unknown>[];
    assert.deepEqual(
      changes.find((change) => change.change === "length"),
      {
        phase: "run",
        change: "length",
        from: "6 months",
        to: "5 months and 29 days",
        outside: { verdict: "too short", min: 6, max: 12, unit: "month" },
      },
    );
    // A configured window is the rule's and the diff's alike.
    temp.write(".partner-charter.yaml", "rules:\n  phase-duration: { runMonths: [5, 12] }\n");
    assert.deepEqual(messages(text, "phase-duration"), []);
    const tuned = diff(withRun("2027-01-01"), text).phases as Record<string, unknown>[];
    assert.equal(tuned.find((change) => change.change === "length")?.outside, undefined);
    fs.rmSync(path.join(temp.dir, ".partner-charter.yaml"));
    // Six whole months is within the window: no finding, and the lens says the same length.
    assert.deepEqual(messages(withRun("2027-01-01"), "phase-duration"), []);
    assert.equal(await lens(withRun("2027-01-01"), /^ {2}run:/), "6 months · ROI validated");
  });

  it("the diff's text says the same length and balance", () => {
    temp.write("base.partner.yaml", withRun("2027-01-01"));
    temp.write(
      "head.partner.yaml",
      withOurSpend("{ value: 50000, unit: usd }").replace(
        "  run:\n    start: 2026-06-08\n",
        "  run:\n    start: 2026-07-01\n    end: 2026-12-30\n",
      ),
    );
    const run = temp.cli(["diff", "base.partner.yaml", "head.partner.yaml"]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /Run length: 6 months → 5 months and 29 days \(too short for the expected 6–12 months\)/);
    assert.match(run.stdout, /Balance: balanced → unbalanced: the partner puts in 6× more USD/);
  });
});
