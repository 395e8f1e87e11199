import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { charterView, checkFiles, renderPortfolioHtml, type Portfolio } from "../../core/src";
import { previewHtml } from "../../client/src/preview-html";
import { REPO_ROOT, TEST_TODAY } from "../support/paths";
import { runCli } from "../support/run-cli";
import { DEFAULT_DARK, DEFAULT_LIGHT, type WebviewTheme } from "./vscode-themes";

/**
 * WCAG 2.1 AA for the charter page (CLI.md `render`): axe-core, in headless Chromium, finds no
 * violation on `partner-charter render` of every example in both audiences, nor on the
 * preview's HTML under VS Code's default light and dark themes. Chromium is Debian's, driven
 * by playwright-core from the end-to-end cache (test/e2e/lib/prerequisites.mjs), installed
 * the same way when missing: this suite never skips.
 */

const require = createRequire(__filename);
const AXE_SOURCE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const PORTFOLIO_FOLDER = path.join(REPO_ROOT, "test", "golden", "portfolio");
const PORTFOLIO_TODAY = "2026-12-02";

const EXAMPLES = fs
  .readdirSync(path.join(REPO_ROOT, "examples"), { recursive: true, encoding: "utf8" })
  .filter((file) => /\.partner\.ya?ml$/.test(file))
  .sort();

/* eslint-disable @typescript-eslint/no-explicit-any -- playwright-core is loaded from the e2e cache, untyped */
/** The page's globals, inside `page.evaluate` (the test's own types have no DOM). */
declare const document: any;
type Browser = any;
type Page = any;

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

async function launch(): Promise<Browser> {
  const prerequisites = (await import(
    pathToFileURL(path.join(REPO_ROOT, "test", "e2e", "lib", "prerequisites.mjs")).href
  )) as { ensureBrowser(): { chromium: string; playwright: string } };
  const tools = prerequisites.ensureBrowser();
  const { chromium } = require(tools.playwright);
  return chromium.launch({
    executablePath: tools.chromium,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"],
  });
}

/** The violations axe-core finds on `html`, after `prepare` ran in the page. */
async function violations(browser: Browser, html: string, theme?: WebviewTheme): Promise<AxeViolation[]> {
  // The page's own policy forbids any script but its nonce'd one: the test's axe needs to run.
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1200, height: 900 } });
  try {
    const page: Page = await context.newPage();
    await page.setContent(html, { waitUntil: "load" });
    if (theme) {
      await page.evaluate((t: WebviewTheme) => {
        for (const [name, value] of Object.entries(t.variables))
          document.documentElement.style.setProperty(name, value);
        document.body.classList.add(t.bodyClass);
      }, theme);
    }
    await page.addScriptTag({ content: AXE_SOURCE });
    const result = await page.evaluate(() => (globalThis as any).axe.run(document, { resultTypes: ["violations"] }));
    return result.violations as AxeViolation[];
  } finally {
    await context.close();
  }
}

function describeViolations(found: AxeViolation[]): string {
  return found
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help}\n${violation.nodes
          .slice(0, 5)
          .map((node) => `    ${node.target.join(" ")}: ${node.failureSummary?.replace(/\s+/g, " ") ?? ""}`)
          .join("\n")}`,
    )
    .join("\n");
}

/** No axe violation; the message lists each one (after `label`, when given). */
function assertNoViolations(found: AxeViolation[], label?: string): void {
  const described = describeViolations(found);
  assert.deepEqual(
    found.map((v) => v.id),
    [],
    label === undefined ? described : `${label}:\n${described}`,
  );
}

function preview(file: string, theme: WebviewTheme, audience: "internal" | "partner") {
  const absolute = path.join(REPO_ROOT, "examples", file);
  const { result } = checkFiles([absolute], { today: TEST_TODAY }).charters[0]!;
  const view = charterView(result, {
    uri: pathToFileURL(absolute).href,
    fileName: path.basename(file),
    today: TEST_TODAY,
  });
  return { html: previewHtml(view, undefined, "vscode-webview://a11y", { audience }).html, theme };
}

describe("accessibility: axe-core in Chromium finds no violation", function () {
  this.timeout(600_000);
  let browser: Browser;

  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  it("has examples to check", () => {
    assert.ok(EXAMPLES.length >= 3, `examples: ${EXAMPLES.join(", ")}`);
  });

  for (const file of EXAMPLES) {
    for (const audience of ["internal", "partner"] as const) {
      it(`partner-charter render ${file} --audience ${audience}`, async () => {
        const run = runCli([
          "render",
          path.join(REPO_ROOT, "examples", file),
          "--audience",
          audience,
          "--today",
          TEST_TODAY,
        ]);
        assert.equal(run.status, 0, run.stderr);
        const found = await violations(browser, run.stdout);
        assertNoViolations(found);
      });
    }
    for (const theme of [DEFAULT_LIGHT, DEFAULT_DARK]) {
      it(`the preview of ${file} under ${theme.name}, both audiences`, async () => {
        for (const audience of ["internal", "partner"] as const) {
          const page = preview(file, theme, audience);
          const found = await violations(browser, page.html, page.theme);
          assertNoViolations(found, audience);
        }
      });
    }
  }

  it("partner-charter portfolio --format html of a folder at every stage", async () => {
    const run = runCli(["portfolio", "charters", "--format", "html", "--today", PORTFOLIO_TODAY], {
      cwd: PORTFOLIO_FOLDER,
    });
    assert.equal(run.status, 0, run.stderr);
    const found = await violations(browser, run.stdout);
    assertNoViolations(found);
  });

  for (const theme of [DEFAULT_LIGHT, DEFAULT_DARK]) {
    it(`the Portfolio Dashboard under ${theme.name}`, async () => {
      const run = runCli(["portfolio", "charters", "--format", "json", "--today", PORTFOLIO_TODAY], {
        cwd: PORTFOLIO_FOLDER,
      });
      assert.equal(run.status, 0, run.stderr);
      const page = renderPortfolioHtml(JSON.parse(run.stdout) as Portfolio, {
        mode: "webview",
        nonce: "a11y",
        cspSource: "vscode-webview://a11y",
        linkOf: (charter) =>
          `command:partnerCharter.openCharterAt?${encodeURIComponent(JSON.stringify([charter.file]))}`,
      });
      const found = await violations(browser, page, theme);
      assertNoViolations(found);
    });
  }

  it("the portfolio page fits the printable width of A4 and Letter", async () => {
    const run = runCli(["portfolio", "charters", "--format", "html", "--today", PORTFOLIO_TODAY], {
      cwd: PORTFOLIO_FOLDER,
    });
    // The printable width at 12 mm margins, in CSS pixels (96 per inch): A4 186 mm, Letter 191.9 mm.
    for (const [paper, widthMm] of [
      ["A4", 186],
      ["Letter", 191.9],
    ] as const) {
      const width = Math.floor((widthMm / 25.4) * 96);
      const context = await browser.newContext({ viewport: { width, height: 1000 } });
      try {
        const page: Page = await context.newPage();
        await page.emulateMedia({ media: "print" });
        await page.setContent(run.stdout, { waitUntil: "load" });
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        assert.ok(overflow <= 0, `${paper}: the page is ${overflow}px wider than the paper`);
        const pdf = await page.pdf({
          format: paper,
          margin: { top: "12mm", bottom: "12mm", left: "12mm", right: "12mm" },
        });
        assert.ok(pdf.length > 1000, `${paper}: no PDF`);
      } finally {
        await context.close();
      }
    }
  });

  it("a page with control characters and a broken charter", async () => {
    const dir = fs.mkdtempSync(path.join(require("node:os").tmpdir(), "pc-a11y-"));
    try {
      fs.writeFileSync(path.join(dir, "broken.partner.yaml"), "title: [unclosed\n");
      const run = runCli(["render", "broken.partner.yaml", "--today", TEST_TODAY], { cwd: dir });
      assert.equal(run.status, 0, run.stderr);
      const found = await violations(browser, run.stdout);
      assertNoViolations(found);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
