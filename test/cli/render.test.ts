import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { charterDigest, charterView, checkCharter } from "../../core/src";
import { renderCharterHtml, renderCharterMarkdown } from "../../core/src/render";
import { REPO_ROOT, TEST_TODAY } from "../support/paths";
import { runCli } from "../support/run-cli";
import { assertUsageError, CLEAN, TempDir } from "./helpers";

/** `partner-charter render` and the shared renderer (EDITOR.md Preview). */

const XSS = "<img src=x onerror=alert(1)>";
const HOSTILE = CLEAN.replace(/^title: .*$/m, `title: "${XSS}"`).replace(
  "    - { benefit: retention, detail: MSPs keep certification }",
  '    - { benefit: retention, detail: "</li><script>alert(2)</script> & more" }',
);

function viewOf(text: string, fileName = "acme.partner.yaml") {
  return charterView(checkCharter(text, { today: TEST_TODAY }), {
    uri: `file:///tmp/${fileName}`,
    fileName,
    today: TEST_TODAY,
  });
}

/** The page with its layout whitespace folded, for assertions about content. */
function flat(page: string): string {
  return page.replace(/>\s+</g, "><").replace(/\s+/g, " ");
}

/** A standalone page: one self-contained file that loads nothing. */
function assertStandalone(page: string): void {
  assert.match(page, /^<!DOCTYPE html>/);
  assert.ok(!/<script/i.test(page), "no script");
  assert.ok(!/(src|href)\s*=\s*["']?\s*(https?:)?\/\//i.test(page), "no remote src/href");
  assert.ok(!/@import|url\(\s*["']?(https?:)?\/\//i.test(page), "no remote CSS");
  assert.ok(
    page.includes(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    ),
    "strict CSP meta",
  );
  assert.equal((page.match(/<style>/g) ?? []).length, 1, "one inline <style>");
  assert.match(page, /@media print/);
}

describe("partner-charter render", () => {
  let temp: TempDir;
  beforeEach(() => (temp = new TempDir()));
  afterEach(() => temp.remove());

  it("--format html: one self-contained file, strict CSP, every charter string escaped", () => {
    temp.write("acme.partner.yaml", HOSTILE);
    const run = temp.cli(["render", "acme.partner.yaml", "--format", "html", "--output", "out/acme.html"]);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(fs.readdirSync(path.join(temp.dir, "out")), ["acme.html"], "one file");
    const page = temp.read("out/acme.html");
    assertStandalone(page);
    assert.ok(page.includes("&lt;img src=x onerror=alert(1)&gt;"), "the XSS title shows literally");
    assert.ok(!page.includes(XSS));
    assert.ok(page.includes("&lt;/li&gt;&lt;script&gt;alert(2)&lt;/script&gt; &amp; more"));
  });

  it("shows every section of the preview: value, exchange, leverage scale, timeline, governance, signatures", () => {
    temp.write("acme.partner.yaml", CLEAN);
    const page = flat(temp.cli(["render", "acme.partner.yaml"]).stdout);
    for (const heading of [
      "Three-sided value",
      "Value exchange",
      "Leverage",
      "Crawl, walk, run",
      "Measurement",
      "Governance",
      "Exit criteria",
      "Signatures",
      "Findings",
    ]) {
      assert.ok(page.includes(`>${heading}</h`), `section ${heading}`);
    }
    assert.match(page, /class="score">100</);
    assert.match(page, /USD 300,000/);
    assert.match(page, /<li class="selected"><span class="step">Requirement/);
    assert.match(page, /class="gantt-today" x1="[\d.]+%"/, "a today marker");
    assert.match(page, /class="gantt-bar phase-crawl" x="[\d.]+%" y="3" width="[\d.]+%"/, "proportional bars");
    assert.match(page, /fewer than 40 MSPs live by the end of Q3/);
    assert.match(page, /Priya Shah/);
  });

  it("--format markdown has the title, the value exchange and the findings", () => {
    temp.write("acme.partner.yaml", HOSTILE.replace("tier: strategic", "tier: strategc"));
    const run = temp.cli(["render", "acme.partner.yaml", "--format", "markdown"]);
    assert.equal(run.status, 0, run.stderr);
    const md = run.stdout;
    assert.ok(md.startsWith("# \\<img src=x onerror=alert(1)\\>\n"), "escaped title heading");
    assert.match(md, /## Value exchange/);
    assert.match(md, /\| \*\*Gives\*\* \| \*\*Engineering\*\* \(economic\) · 12 engineer-months/);
    assert.match(md, /USD 300,000/);
    assert.match(
      md,
      /## Findings\n\n- \*\*error\*\* line 13 — tier must be one of integration, partnership, strategic, not "strategc": did you mean "strategic"/,
    );
    assert.ok(!md.includes("<script>"));
  });

  it("renders a file that is not a charter: a message and its findings", () => {
    temp.write("broken.partner.yaml", "title: [unclosed\n");
    const run = temp.cli(["render", "broken.partner.yaml"]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(flat(run.stdout), /could not be read as a charter/);
    assert.match(run.stdout, /yaml-syntax/);
    assertStandalone(run.stdout);
  });

  it("renders every charter in examples/", function () {
    const examples = path.join(REPO_ROOT, "examples");
    const files = fs.existsSync(examples)
      ? fs.readdirSync(examples, { recursive: true, encoding: "utf8" }).filter((f) => /\.partner\.ya?ml$/.test(f))
      : [];
    if (files.length === 0) this.skip();
    for (const file of files) {
      for (const format of ["html", "markdown"]) {
        const run = runCli(["render", path.join(examples, file), "--format", format, "--today", TEST_TODAY]);
        assert.equal(run.status, 0, `${file}: ${run.stderr}`);
        if (format === "html") assertStandalone(run.stdout);
        else assert.match(run.stdout, /^# /);
      }
    }
  });

  it("usage errors: missing FILE, unknown format, bad --today, no such file", () => {
    temp.write("acme.partner.yaml", CLEAN);
    assertUsageError(temp.cli(["render"]), /missing FILE/);
    assertUsageError(temp.cli(["render", "acme.partner.yaml", "--format", "pdf"]), /Unknown format "pdf"/);
    assertUsageError(runCli(["render", "acme.partner.yaml", "--today", "2026-02-30"], { cwd: temp.dir }), /--today/);
    assertUsageError(temp.cli(["render", "nope.partner.yaml"]), /No such file/);
  });
});

describe("renderCharterHtml / renderCharterMarkdown (the shared renderer)", () => {
  it("webview mode: theme variables, nonce'd style and script, findings as jump links", () => {
    const view = viewOf(HOSTILE.replace("tier: strategic", "tier: strategc"));
    const page = flat(
      renderCharterHtml(view, { mode: "webview", nonce: "r4nd0mN0nce", cspSource: "vscode-webview://x" }),
    );
    assert.ok(
      page.includes(
        `content="default-src 'none'; style-src vscode-webview://x 'nonce-r4nd0mN0nce'; script-src 'nonce-r4nd0mN0nce'; img-src vscode-webview://x data:"`,
      ),
    );
    assert.match(page, /<style nonce="r4nd0mN0nce">/);
    assert.match(page, /<script nonce="r4nd0mN0nce">[\s\S]*acquireVsCodeApi\(\)[\s\S]*type: "reveal"/);
    assert.equal((page.match(/<script/g) ?? []).length, 1);
    assert.match(page, /var\(--vscode-editor-foreground, #[0-9a-f]+\)/);
    assert.match(page, /var\(--vscode-editor-background, /);
    assert.match(page, /var\(--vscode-textLink-foreground, /);
    assert.match(page, /var\(--vscode-errorForeground, /);
    assert.match(
      page,
      /<button type="button" class="jump" data-line="12" data-character="6">/,
      "0-based position of the tier value",
    );
    assert.ok(!page.includes('href="#"'), "no link to # (VS Code's webview scrolls to the top for it)");
    assert.ok(!/ style="/.test(page), "no style attributes (blocked by the nonce policy)");
    assert.ok(page.includes("&lt;img src=x onerror=alert(1)&gt;"));
  });

  it("webview mode refuses a missing or unsafe nonce", () => {
    const view = viewOf(CLEAN);
    assert.throws(() => renderCharterHtml(view, { mode: "webview" }), /nonce/);
    assert.throws(() => renderCharterHtml(view, { mode: "webview", nonce: `x" onload="y` }), /nonce/);
  });

  it("standalone findings are plain text with their line", () => {
    const page = flat(
      renderCharterHtml(viewOf(CLEAN.replace("tier: strategic", "tier: strategc")), { mode: "standalone" }),
    );
    assert.match(page, /<span class="where">line 13 · schema<\/span>/);
    assert.ok(!page.includes("data-line"));
  });

  it("missing sections say 'not stated'; a view without charter says it could not be read", () => {
    const sparse = "apiVersion: partner-charter/v1\nkind: Charter\nid: sparse\ntitle: Sparse\nstatus: draft\n";
    const page = flat(renderCharterHtml(viewOf(sparse), { mode: "standalone" }));
    assert.match(page, /<span class="missing">not stated<\/span>/);
    assert.match(page, /no phases stated/);
    assert.match(renderCharterMarkdown(viewOf(sparse)), /\*not stated\*/);
    const none = { ...viewOf(CLEAN), charter: undefined, parseOk: false };
    assert.match(flat(renderCharterHtml(none, { mode: "standalone" })), /could not be read as a charter/);
    assert.match(renderCharterMarkdown(none), /could not be read as a charter/);
  });

  it("marks each signature current or outdated by the charter's digest, as signature-outdated does", () => {
    const current = charterDigest(parse(CLEAN));
    const stale = `sha256:${"a".repeat(64)}`;
    const text = CLEAN.replace(/( {2}- \{ party: us, [^}]*?) \}/, `$1, digest: ${stale} }`).replace(
      /( {2}- \{ party: partner, [^}]*?) \}/,
      `$1, digest: ${current} }`,
    );
    const view = viewOf(text);
    assert.deepEqual(
      view.findings.map((finding) => finding.rule),
      ["signature-outdated"],
    );
    const md = renderCharterMarkdown(view);
    assert.match(md, /\| our company \| Priya Shah \|.*\*\*outdated\*\*/);
    assert.match(md, /\| CloudCo \| Tom Lee \|.*\| current \|/);
  });
});

describe("the page names both companies, for two audiences (render --audience)", () => {
  let temp: TempDir;
  beforeEach(() => (temp = new TempDir()));
  afterEach(() => temp.remove());

  const WITH_COMPANY = CLEAN.replace(/^tier: strategic$/m, "company: { name: Acme }\ntier: strategic");
  const UNSIGNED_PARTNER = CLEAN.replace(/^ {2}- \{ party: partner, .*\n/m, "");

  it("says the company's name where the page said we and us, and 'our company' without one", () => {
    temp.write("named.partner.yaml", WITH_COMPANY);
    temp.write("plain.partner.yaml", CLEAN);
    const named = flat(temp.cli(["render", "named.partner.yaml"]).stdout);
    for (const phrase of ["What Acme gives", "If it fails, Acme loses", "For Acme", "If Acme walks away, CloudCo…"]) {
      assert.ok(named.includes(phrase), phrase);
    }
    assert.match(named, /<td>Acme<\/td><td>Priya Shah<\/td>/, "the signature table names the company");
    assert.match(named, /Decision owners<\/dt><dd> ?Acme: Priya Shah · CloudCo: Tom Lee/);
    for (const page of [named, flat(temp.cli(["render", "plain.partner.yaml"]).stdout)]) {
      assert.doesNotMatch(page, /What we give|we lose|If we walk away|For us<|<td>Us<\/td>|\bus: /);
    }
    const plain = temp.cli(["render", "plain.partner.yaml", "--format", "markdown"]).stdout;
    assert.match(plain, /\| {2}\| our company \| CloudCo \|/);
    assert.match(plain, /If our company walks away, CloudCo…/);
  });

  it("--audience partner: both companies, no file name, line, finding or score; a signature block per party", () => {
    temp.write(
      "acme.partner.yaml",
      UNSIGNED_PARTNER.replace("tier: strategic", "company: { name: Acme }\ntier: strategic"),
    );
    const run = temp.cli(["render", "acme.partner.yaml", "--audience", "partner"]);
    assert.equal(run.status, 0, run.stderr);
    const page = flat(run.stdout.slice(run.stdout.indexOf("<body")));
    assertStandalone(run.stdout);
    assert.match(page, /<dt>Between<\/dt><dd>Acme and CloudCo<\/dd>/);
    for (const absent of ["acme.partner.yaml", "Findings", "Health score", 'class="health', 'class="where', "/100"]) {
      assert.ok(!page.includes(absent), `no ${absent}`);
    }
    assert.match(page, /<h3>For Acme<\/h3><dl><dt>Name<\/dt><dd class="">Priya Shah<\/dd>/, "our signature");
    assert.match(
      page,
      /<h3>For CloudCo<\/h3><dl><dt>Name<\/dt><dd class="line"><\/dd><dt>Title<\/dt><dd class="line"><\/dd><dt>Date<\/dt><dd class="line"><\/dd><dt>Signature<\/dt><dd class="line"><\/dd>/,
      "lines to sign on",
    );
    const md = temp.cli(["render", "acme.partner.yaml", "--audience", "partner", "--format", "markdown"]).stdout;
    assert.match(md, /### For CloudCo\n\n- Name: _{10,}\n- Title: _{10,}\n- Date: _{10,}\n- Signature: _{10,}/);
    assert.doesNotMatch(md, /acme\.partner\.yaml|## Findings|\/100|line \d/);
  });

  it("marks a charter that cannot be signed 'Draft — not ready for signature', in both audiences and formats", () => {
    temp.write("draft.partner.yaml", CLEAN.replace("tier: strategic", "tier: strategc"));
    temp.write("unsigned.partner.yaml", UNSIGNED_PARTNER);
    for (const audience of ["internal", "partner"]) {
      const html = temp.cli(["render", "draft.partner.yaml", "--audience", audience]).stdout;
      assert.match(
        flat(html),
        /<table class="print-frame" role="presentation"><thead><tr><td><div class="draft-mark" role="note"><strong>Draft — not ready for signature<\/strong>/,
        "the header row of a table: printed again at the top of every page",
      );
      const md = temp.cli(["render", "draft.partner.yaml", "--audience", audience, "--format", "markdown"]).stdout;
      assert.match(md, /^# .*\n\n> \*\*Draft — not ready for signature\*\* — /);
      // A missing signature is what signing resolves: not a draft.
      const unsigned = temp.cli(["render", "unsigned.partner.yaml", "--audience", audience]);
      if (audience === "internal") assert.match(unsigned.stdout, /signatures<\/span>/, "the finding is there");
      assert.ok(!unsigned.stdout.includes("Draft — not ready"), "a missing signature does not make a draft");
    }
  });

  it("summarises the findings at the top, with a link to the list", () => {
    temp.write("draft.partner.yaml", CLEAN.replace("tier: strategic", "tier: strategc"));
    const page = flat(temp.cli(["render", "draft.partner.yaml"]).stdout);
    assert.match(
      page,
      /<p class="summary has-errors"><strong>Findings:<\/strong> 1 error, 0 warnings, 0 infos — <a href="#findings">see the list<\/a>/,
    );
    assert.ok(page.indexOf('class="summary') < page.indexOf('id="value"'), "before the first section");
  });

  it("rule messages show their code spans as code, on the page and in Markdown", () => {
    temp.write(
      "c.partner.yaml",
      CLEAN.replace(
        "{ metric: MSP onboarding time, improvement: 25% }",
        "{ metric: MSP onboarding time, target: faster onboarding }",
      ),
    );
    const page = flat(temp.cli(["render", "c.partner.yaml"]).stdout);
    assert.match(page, /add <code>improvement: 20%<\/code> or more/);
    assert.ok(!/`improvement: 20%`/.test(page), "no raw backticks");
    const md = temp.cli(["render", "c.partner.yaml", "--format", "markdown"]).stdout;
    assert.match(md, /add `improvement: 20%` or more/);
    assert.ok(!md.includes("\\`"), "no escaped backticks");
  });

  it("enum values named like built-in properties are unknown values, shown as written", () => {
    const text = CLEAN.replace("tier: strategic", "tier: toString")
      .replace("benefit: distribution", "benefit: constructor")
      .replace("type: spend", "type: __proto__")
      .replace("type: roadmap", "type: valueOf");
    temp.write("odd.partner.yaml", text);
    for (const format of ["html", "markdown"]) {
      for (const audience of ["internal", "partner"]) {
        const run = temp.cli(["render", "odd.partner.yaml", "--format", format, "--audience", audience]);
        assert.equal(run.status, 0, run.stderr);
        assert.doesNotMatch(run.stdout, /native code|function /);
        assert.match(run.stdout, /toString/);
        assert.match(run.stdout, /constructor/);
      }
    }
  });

  it("control characters of charter text never reach the page", () => {
    temp.write("ctl.partner.yaml", CLEAN.replace(/^title: .*$/m, 'title: "Acme\\u0001 \\u000b CloudCo\\u009b"'));
    for (const format of ["html", "markdown"]) {
      const page = temp.cli(["render", "ctl.partner.yaml", "--format", format]).stdout;
      assert.doesNotMatch(page, /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/);
      assert.match(page, /Acme\\{1,2}u\{1\} \\{1,2}u\{b\} CloudCo\\{1,2}u\{9b\}/);
    }
  });

  it("--audience must be internal or partner", () => {
    temp.write("acme.partner.yaml", CLEAN);
    assertUsageError(temp.cli(["render", "acme.partner.yaml", "--audience", "board"]), /unknown audience "board"/);
  });
});
