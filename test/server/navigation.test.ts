import * as assert from "node:assert/strict";
import { SymbolKind, type CodeLens, type DocumentSymbol, type FoldingRange } from "vscode-languageserver-protocol/node";
import { useServer } from "./support/server-session";
import { lineOf, replaceLine, withId } from "./support/samples";

function find(symbols: DocumentSymbol[], name: string): DocumentSymbol {
  const symbol = symbols.find((s) => s.name === name);
  assert.ok(symbol, `symbol ${name} in ${symbols.map((s) => s.name).join(", ")}`);
  return symbol;
}

function contains(outer: DocumentSymbol["range"], inner: DocumentSymbol["range"]): boolean {
  const le = (a: { line: number; character: number }, b: { line: number; character: number }): boolean =>
    a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(outer.start, inner.start) && le(inner.end, outer.end);
}

describe("language server: outline, folding and code lens", function () {
  this.timeout(60_000);
  const server = useServer();

  before(async () => {
    await server.client.open(server.uri("outline.partner.yaml"), withId("outline"));
  });

  it("gives a hierarchical outline with meaningful details", async () => {
    const symbols = await server.client.request<DocumentSymbol[]>("textDocument/documentSymbol", {
      textDocument: { uri: server.uri("outline.partner.yaml") },
    });
    for (const name of [
      "partner",
      "tier",
      "leverage",
      "valueProposition",
      "commitments",
      "phases",
      "measurement",
      "governance",
      "signatures",
    ]) {
      find(symbols, name);
    }
    assert.equal(find(symbols, "partner").detail, "CloudCo");
    assert.match(find(symbols, "tier").detail!, /strategic/);
    assert.equal(find(symbols, "leverage").detail, "requirement");
    const phases = find(symbols, "phases");
    const crawl = find(phases.children!, "crawl");
    assert.equal(crawl.kind, SymbolKind.Event);
    assert.match(crawl.detail!, /2026-01-05 → 2026-02-27/);
    assert.match(crawl.detail!, /passed/);
    assert.deepEqual(
      phases.children!.map((s) => s.name),
      ["crawl", "walk", "run"],
    );
    const us = find(find(symbols, "commitments").children!, "us");
    assert.deepEqual(
      us.children!.map((s) => s.name),
      ["engineering", "revenue-share"],
    );
    const signatures = find(symbols, "signatures");
    assert.deepEqual(
      signatures.children!.map((s) => s.name),
      ["us: Priya Shah", "partner: Tom Lee"],
    );
    // Every selection range lies inside its range, recursively (clients reject anything else).
    const check = (list: DocumentSymbol[]): void => {
      for (const symbol of list) {
        assert.ok(contains(symbol.range, symbol.selectionRange), `${symbol.name}: selection inside range`);
        assert.ok(symbol.name.length > 0);
        if (symbol.children) check(symbol.children);
      }
    };
    check(symbols);
  });

  it("folds every multi-line mapping and list", async () => {
    const ranges = await server.client.request<FoldingRange[]>("textDocument/foldingRange", {
      textDocument: { uri: server.uri("outline.partner.yaml") },
    });
    const text = withId("outline");
    const starts = ranges.map((r) => r.startLine);
    const phases = ranges.find((r) => r.startLine === lineOf(text, /^phases:/));
    assert.ok(phases, JSON.stringify(ranges));
    assert.equal(phases.endLine, lineOf(text, /^ {4}roiValidated: true/));
    assert.ok(starts.includes(lineOf(text, /^ {2}crawl:/)));
    assert.ok(starts.includes(lineOf(text, /^governance:/)));
    assert.ok(starts.includes(lineOf(text, /^ {2}exitCriteria:/)));
    assert.ok(!starts.includes(lineOf(text, /^tier:/)), "a one-line value does not fold");
    for (const range of ranges) assert.ok(range.endLine > range.startLine);
  });

  it("shows each phase's length and go/no-go status, and the commitments' balance", async () => {
    const lenses = await server.client.request<CodeLens[]>("textDocument/codeLens", {
      textDocument: { uri: server.uri("outline.partner.yaml") },
    });
    const text = withId("outline");
    const at = (pattern: RegExp): string | undefined =>
      lenses.find((lens) => lens.range.start.line === lineOf(text, pattern))?.command?.title;
    assert.equal(at(/^ {2}crawl:/), "7.6 weeks · go/no-go: passed");
    assert.equal(at(/^ {2}walk:/), "11.6 weeks · go/no-go: passed");
    assert.equal(at(/^ {2}run:/), "ongoing · ROI validated");
    assert.equal(at(/^commitments:/), "we give 2 · partner gives 2 · balanced");
  });

  it("updates the lens titles as the charter changes", async () => {
    let text = replaceLine(/^ {4}end: 2026-02-27$/m, "    end: 2026-02-16", withId("lens-edit"));
    text = replaceLine(/^ {4}outcome: passed\n {4}decidedOn: 2026-03-02$/m, "    outcome: pending", text);
    text = text.replace(
      /^ {4}- \{ type: spend.*\n {4}- \{ type: roadmap.*$/m,
      "    - { type: support, detail: help desk }",
    );
    const name = server.uri("lens-edit.partner.yaml");
    await server.client.open(name, text);
    const lenses = await server.client.request<CodeLens[]>("textDocument/codeLens", { textDocument: { uri: name } });
    const titles = lenses.map((lens) => lens.command?.title);
    assert.ok(titles.includes("6 weeks · go/no-go: pending"), titles.join(" | "));
    assert.ok(titles.includes("we give 2 · partner gives 1 · one-sided"), titles.join(" | "));
  });

  it("answers with empty lists for documents it does not have", async () => {
    const missing = server.uri("never-opened.partner.yaml");
    for (const method of ["textDocument/documentSymbol", "textDocument/foldingRange", "textDocument/codeLens"]) {
      const result = await server.client.request<unknown[]>(method, { textDocument: { uri: missing } });
      assert.deepEqual(result, [], method);
    }
  });
});
