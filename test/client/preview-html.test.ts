import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { previewHtml } from "../../client/src/preview-html";
import { charterView, checkCharter, type CharterView } from "../../core/src";
import { FIXTURES, TEST_TODAY } from "../support/paths";

/**
 * The preview's health display (EDITOR.md "Health score"): the same score as the status bar,
 * and "—" where the file cannot be read as a charter — also while it shows the last good
 * version of a charter whose YAML is broken.
 */

const CLEAN = fs.readFileSync(path.join(FIXTURES, "structure", "format-md-example.partner.yaml"), "utf8");

function view(text: string): CharterView {
  const where = { uri: "file:///acme.partner.yaml", fileName: "acme.partner.yaml", today: TEST_TODAY };
  return charterView(checkCharter(text, { today: TEST_TODAY }), where);
}

/** The score the page shows in its health box. */
function shownScore(html: string): string {
  return /<span class="score">([^<]*)<\/span\s*>/.exec(html)![1]!;
}

describe("preview: health score", () => {
  it("shows the charter's score when its YAML reads", () => {
    const poor = view(CLEAN.replace("  exitCriteria:\n", "  exitCriterias:\n"));
    assert.equal(poor.health, 85);
    assert.equal(shownScore(previewHtml(poor, undefined, "vscode-webview:").html), "85");
  });

  it("shows — while the YAML is broken, although the page is the last good version", () => {
    const lastGood = view(CLEAN.replace("  exitCriteria:\n", "  exitCriterias:\n"));
    assert.ok(lastGood.health !== undefined && lastGood.health < 100);
    const broken = view(`${CLEAN}\ntitle: "unterminated\n`);
    assert.equal(broken.health, undefined);
    const render = previewHtml(broken, lastGood, "vscode-webview:");
    assert.equal(render.stale, true);
    assert.equal(shownScore(render.html), "—");
    assert.match(render.html, /showing the last valid version/);
  });

  it("shows — for an empty file and for a file that is not a charter", () => {
    for (const text of ["", "- a\n- list\n", "kind: Program\nid: acme-network\n"]) {
      const empty = view(text);
      assert.equal(empty.health, undefined, JSON.stringify(text));
      assert.equal(shownScore(previewHtml(empty, undefined, "vscode-webview:").html), "—");
    }
  });
});
