import * as assert from "node:assert/strict";
import * as path from "node:path";
import { runCli } from "../support/run-cli";
import { GOLDEN, TempDir } from "./helpers";

/** `portfolio --format html`: one self-contained page (no script, nothing remote), every string escaped. */

const FOLDER = path.join(GOLDEN, "portfolio");

describe("CLI portfolio html", () => {
  it("is one self-contained page: tables, the timeline with today and milestones, links to the charters", () => {
    const run = runCli(["portfolio", "charters", "--format", "html", "--today", "2026-12-02"], { cwd: FOLDER });
    assert.equal(run.status, 0, run.stderr);
    const page = run.stdout;
    assert.doesNotMatch(page, /<script/i);
    assert.doesNotMatch(page, /\b(?:src|href)="(?:https?:)?\/\//i);
    assert.match(page, /Content-Security-Policy" content="default-src 'none'/);
    assert.match(page, /<h2>Partnerships<\/h2>/);
    assert.match(page, /<h2>Needs attention<\/h2>/);
    assert.match(page, /<a href="\.\/charters\/crawl-overdue-hooli\.partner\.yaml">Hooli<\/a>/);
    assert.match(page, /<line class="gantt-today"/);
    assert.match(page, /<title>crawl go\/no-go decision: 2026-11-20<\/title>/);
    assert.match(page, /@media print/);
  });

  it("escapes charter text and never links a file name as a URL scheme", () => {
    const temp = new TempDir();
    try {
      temp.write(
        "javascript:alert(1).partner.yaml",
        'apiVersion: partner-charter/v1\nkind: Charter\nid: x\ntitle: x\nstatus: draft\nowner: o\ntier: integration\npartner: { name: "<img src=x onerror=alert(1)>" }\n',
      );
      const run = runCli(["portfolio", "--format", "html", "--today", "2026-12-02"], { cwd: temp.dir });
      assert.equal(run.status, 0, run.stderr);
      assert.doesNotMatch(run.stdout, /<img/);
      assert.match(run.stdout, /&lt;img src=x onerror=alert\(1\)&gt;/);
      assert.match(run.stdout, /href="\.\/javascript%3Aalert\(1\)\.partner\.yaml"/);
    } finally {
      temp.remove();
    }
  });
});
