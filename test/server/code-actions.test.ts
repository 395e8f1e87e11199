import * as assert from "node:assert/strict";
import type { CodeAction, Diagnostic, TextDocumentEdit } from "vscode-languageserver-protocol/node";
import { editsOf } from "./support/lsp-client";
import { useServer } from "./support/server-session";
import { lineOf, replaceLine, withId, withoutSection } from "./support/samples";

describe("language server: code actions", function () {
  this.timeout(60_000);

  const server = useServer();

  async function openWithFindings(name: string, text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const { uri, diagnostics } = await server.open(name, text, (p) => p.diagnostics.length > 0);
    return { uri, diagnostics };
  }

  function codeActions(uri: string, diagnostic: Diagnostic, only?: string[]): Promise<CodeAction[]> {
    return server.client.request<CodeAction[]>("textDocument/codeAction", {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only },
    });
  }

  /** Applies a code action's edit through didChange, as an editor does, and waits for the re-check. */
  async function apply(uri: string, action: CodeAction): Promise<Diagnostic[]> {
    const edits = editsOf(action.edit, uri);
    assert.ok(edits.length > 0, `"${action.title}" has edits`);
    if (action.edit?.documentChanges) {
      const change = action.edit.documentChanges[0] as TextDocumentEdit;
      assert.equal(change.textDocument.version, server.client.version(uri), "the edit targets the current version");
    }
    // Send them as one didChange, last edit first so earlier ranges stay valid.
    const ordered = [...edits].sort(
      (a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character,
    );
    const version = await server.client.edit(uri, ordered);
    return (await server.client.waitForDiagnostics(uri, (p) => p.version === version)).diagnostics;
  }

  /** Opens a charter and applies the action titled `title` on its first `rule` finding. */
  async function applyAction(
    name: string,
    text: string,
    rule: string,
    title: string,
  ): Promise<{ uri: string; after: Diagnostic[] }> {
    const { uri, diagnostics } = await openWithFindings(name, text);
    const actions = await codeActions(
      uri,
      diagnostics.find((d) => d.code === rule)!,
    );
    const action = actions.find((candidate) => candidate.title === title);
    assert.ok(action, actions.map((a) => a.title).join(" | "));
    return { uri, after: await apply(uri, action) };
  }

  it("fixes an enum near-miss with the suggestion (preferred quick fix)", async () => {
    const text = replaceLine(/^tier: strategic$/m, "tier: strategc", withId("near-miss"));
    const { uri, diagnostics } = await openWithFindings("near-miss.partner.yaml", text);
    const diagnostic = diagnostics.find((d) => d.code === "schema" && /strategc/.test(d.message))!;
    const actions = await codeActions(uri, diagnostic);
    const fix = actions.find((action) => action.title === 'Change to "strategic"');
    assert.ok(fix, actions.map((a) => a.title).join(" | "));
    assert.equal(fix.kind, "quickfix");
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(fix.diagnostics, [diagnostic]);
    const after = await apply(uri, fix);
    assert.match(server.client.text(uri), /^tier: strategic$/m);
    assert.ok(!after.some((d) => /strategc/.test(d.message)), JSON.stringify(after));
  });

  it("adds a missing required section as a skeleton with TODO markers", async () => {
    const text = withoutSection("governance", withId("missing-governance"));
    const { uri, diagnostics } = await openWithFindings("missing.partner.yaml", text);
    const diagnostic = diagnostics.find((d) => d.code === "schema" && /"governance"/.test(d.message))!;
    assert.ok(diagnostic, JSON.stringify(diagnostics));
    const actions = await codeActions(uri, diagnostic);
    const fix = actions.find((action) => /governance/.test(action.title) && /TODO/.test(action.title));
    assert.ok(fix, actions.map((a) => a.title).join(" | "));
    assert.notEqual(fix.isPreferred, true, "a skeleton needs review: not preferred");
    const after = await apply(uri, fix);
    assert.match(server.client.text(uri), /^governance:\n {2}owners:/m);
    assert.match(server.client.text(uri), /TODO/);
    assert.ok(!after.some((d) => /"governance"/.test(d.message) && d.code === "schema"), JSON.stringify(after));
  });

  it("disables a rule for one line, above it with its indentation", async () => {
    const text = replaceLine(/^ {2}type: requirement$/m, "  type: requirment", withId("disable-line"));
    const { uri, after } = await applyAction(
      "disable-line.partner.yaml",
      text,
      "schema",
      "Disable schema for this line",
    );
    const line = lineOf(server.client.text(uri), /type: requirment/);
    assert.equal(server.client.text(uri).split("\n")[line - 1], "  # partner-charter-disable-next-line schema");
    assert.deepEqual(after, []);
  });

  it("disables a rule for the file, after the leading comments", async () => {
    const text = `# Header comment\n# second line\n${replaceLine(/^kind: Charter$/m, "kind: Charte", withId("disable-file"))}`;
    const { uri, after } = await applyAction(
      "disable-file.partner.yaml",
      text,
      "schema",
      "Disable schema for this file",
    );
    assert.deepEqual(server.client.text(uri).split("\n").slice(0, 3), [
      "# Header comment",
      "# second line",
      "# partner-charter-disable schema",
    ]);
    assert.deepEqual(after, []);
  });

  it("fixes all safe problems at once with source.fixAll.partnerCharter", async () => {
    let text = replaceLine(/^tier: strategic$/m, "tier: strategc", withId("fix-all"));
    text = replaceLine(/^status: active$/m, "status: activ", text);
    text = replaceLine(/^ {2}reviewCadence: monthly$/m, "  reviewCadence: montly", text);
    const { uri, diagnostics } = await openWithFindings("fix-all.partner.yaml", text);
    assert.ok(diagnostics.filter((d) => d.code === "schema").length >= 3);
    const actions = await server.client.request<CodeAction[]>("textDocument/codeAction", {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ["source.fixAll"] },
    });
    assert.equal(actions.length, 1, JSON.stringify(actions.map((a) => a.title)));
    const [fixAll] = actions;
    assert.equal(fixAll!.kind, "source.fixAll.partnerCharter");
    const after = await apply(uri, fixAll!);
    const fixed = server.client.text(uri);
    assert.match(fixed, /^tier: strategic$/m);
    assert.match(fixed, /^status: active$/m);
    assert.match(fixed, /^ {2}reviewCadence: monthly$/m);
    assert.deepEqual(after, []);
  });

  it("returns only quick fixes when asked for quick fixes, and no fix-all unless asked", async () => {
    const text = replaceLine(/^tier: strategic$/m, "tier: strategc", withId("only-kinds"));
    const { uri, diagnostics } = await openWithFindings("only.partner.yaml", text);
    const quick = await codeActions(uri, diagnostics[0]!, ["quickfix"]);
    assert.ok(quick.length > 0 && quick.every((action) => action.kind === "quickfix"));
    const unfiltered = await codeActions(uri, diagnostics[0]!);
    assert.ok(unfiltered.every((action) => action.kind === "quickfix"));
  });
});
