import * as assert from "node:assert/strict";
import { DiagnosticSeverity } from "vscode-languageserver-protocol/node";
import { DEBOUNCE_MS } from "../../server/src/open-scheduler";
import { useServer } from "./support/server-session";
import { lineOf, replaceLine, withId } from "./support/samples";

describe("language server: diagnostics of open documents", function () {
  this.timeout(60_000);

  const server = useServer();

  it("advertises incremental sync and the features of EDITOR.md", () => {
    const capabilities = server.client.initializeResult!.capabilities;
    assert.deepEqual(capabilities.textDocumentSync, { openClose: true, change: 2 });
    assert.ok(capabilities.completionProvider);
    assert.equal(capabilities.hoverProvider, true);
    assert.deepEqual((capabilities.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, [
      "quickfix",
      "source.fixAll.partnerCharter",
    ]);
    assert.ok(capabilities.documentSymbolProvider);
    assert.equal(capabilities.foldingRangeProvider, true);
    assert.ok(capabilities.codeLensProvider);
  });

  it("publishes findings on open with rule id, documentation link, source and severity", async () => {
    const text = replaceLine(/^tier: strategic$/m, "tier: strategc", withId("tier-typo"));
    const published = await server.open("tier.partner.yaml", text, (p) => p.diagnostics.length > 0);
    const diagnostic = published.diagnostics.find((d) => d.code === "schema");
    assert.ok(diagnostic, "a schema diagnostic");
    assert.match(diagnostic.message, /did you mean "strategic"/);
    assert.equal(diagnostic.source, "partner-charter");
    assert.equal(diagnostic.severity, DiagnosticSeverity.Error);
    // The page shipped beside the server, as a file: it opens offline.
    assert.match(diagnostic.codeDescription!.href, /^file:\/\/.*\/docs\/rules\/schema\.md$/);
    assert.equal(diagnostic.range.start.line, lineOf(text, /^tier:/));
    assert.equal(diagnostic.range.start.character, "tier: ".length);
    assert.equal(published.version, 1);
  });

  it("clears the finding after an incremental edit fixes it", async () => {
    const uri = server.uri("tier.partner.yaml");
    const line = lineOf(server.client.text(uri), /^tier:/);
    // Insert the missing "i": strategc → strategic.
    const version = await server.client.edit(uri, [
      { range: { start: { line, character: 13 }, end: { line, character: 13 } }, newText: "i" },
    ]);
    const published = await server.client.waitForDiagnostics(uri, (p) => p.version === version);
    assert.deepEqual(
      published.diagnostics.map((d) => d.code),
      [],
    );
    assert.match(server.client.text(uri), /^tier: strategic$/m);
  });

  it("never publishes an older version after a newer one (50 quick edits)", async () => {
    const { uri } = await server.open("burst.partner.yaml", withId("burst"));
    let last = 1;
    for (let i = 0; i < 50; i++) {
      // Alternate between a broken and a fixed `kind`, so each version has different findings.
      const text = server.client.text(uri);
      const kindLine = lineOf(text, /^kind:/);
      const length = text.split("\n")[kindLine]!.length;
      last = await server.client.edit(uri, [
        {
          range: { start: { line: kindLine, character: 0 }, end: { line: kindLine, character: length } },
          newText: i % 2 === 0 ? "kind: Charte" : "kind: Charter",
        },
      ]);
    }
    const published = await server.client.waitForDiagnostics(uri, (p) => p.version === last);
    const versions = (server.client.diagnostics.get(uri) ?? []).map((p) => p.version!);
    assert.equal(versions.at(-1), last);
    for (let i = 1; i < versions.length; i++)
      assert.ok(versions[i]! >= versions[i - 1]!, `versions in order: ${versions}`);
    // The last edit (i = 49) wrote "Charter": the text is valid again.
    assert.match(server.client.text(uri), /^kind: Charter$/m);
    assert.deepEqual(published.diagnostics, []);
    // Nothing older arrives later.
    await new Promise((resolve) => setTimeout(resolve, 400));
    assert.equal(server.client.latestDiagnostics(uri)!.version, last);
  });

  it("answers an edit of a quickly checked charter without a fixed delay", async () => {
    const { uri } = await server.open("quick.partner.yaml", withId("quick"));
    const waits: number[] = [];
    for (let i = 0; i < 7; i++) {
      const text = server.client.text(uri);
      const kindLine = lineOf(text, /^kind:/);
      const started = performance.now();
      const version = await server.client.edit(uri, [
        {
          range: {
            start: { line: kindLine, character: 0 },
            end: { line: kindLine, character: text.split("\n")[kindLine]!.length },
          },
          newText: i % 2 === 0 ? "kind: Charte" : "kind: Charter",
        },
      ]);
      // Each edit is answered with its own version: none is held back to join a burst.
      await server.client.waitForDiagnostics(uri, (p) => p.version === version);
      waits.push(performance.now() - started);
    }
    // A fixed debounce would make every wait longer than DEBOUNCE_MS; the quickest shows there is
    // none (the others may be slowed by a busy machine).
    const quickest = Math.min(...waits);
    assert.ok(
      quickest < DEBOUNCE_MS,
      `quickest wait ${quickest.toFixed(1)} ms (${waits.map((w) => w.toFixed(1)).join(", ")})`,
    );
  });

  it("reports YAML syntax errors alone", async () => {
    const published = await server.open(
      "broken.partner.yaml",
      `${withId("broken")}\nextra: "unterminated\n`,
      (p) => p.diagnostics.length > 0,
    );
    assert.deepEqual([...new Set(published.diagnostics.map((d) => d.code))], ["yaml-syntax"]);
  });

  it("ignores documents that are not charters", async () => {
    const uri = server.uri("notes.yaml");
    await server.client.open(uri, "just: yaml\n", "yaml");
    const hover = await server.client.request("textDocument/hover", {
      textDocument: { uri },
      position: { line: 0, character: 1 },
    });
    assert.equal(hover, null);
    assert.equal(server.client.diagnostics.get(uri), undefined);
  });
});
