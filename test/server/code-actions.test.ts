import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import type {
  CodeAction,
  Diagnostic,
  TextDocumentEdit,
  TextEdit,
  WorkspaceEdit,
} from "vscode-languageserver-protocol/node";
import { LspClient, makeWorkspace, uriOf } from "./support/lsp-client";
import { TODAY, lineOf, replaceLine, withId, withoutSection } from "./support/samples";

/** The text edits of a workspace edit for one document (documentChanges or changes). */
function editsOf(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (!edit) return [];
  if (edit.documentChanges) {
    return (edit.documentChanges as TextDocumentEdit[])
      .filter((change) => change.textDocument.uri === uri)
      .flatMap((change) => change.edits as TextEdit[]);
  }
  return edit.changes?.[uri] ?? [];
}

describe("language server: code actions", function () {
  this.timeout(60_000);
  let workspace: string;
  let client: LspClient;

  before(async () => {
    workspace = makeWorkspace();
    client = await LspClient.start({ workspace, settings: { today: TODAY } });
  });

  after(async () => {
    await client?.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  async function openWithFindings(name: string, text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const uri = uriOf(path.join(workspace, name));
    await client.open(uri, text);
    const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    return { uri, diagnostics: published.diagnostics };
  }

  function codeActions(uri: string, diagnostic: Diagnostic, only?: string[]): Promise<CodeAction[]> {
    return client.request<CodeAction[]>("textDocument/codeAction", {
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
      assert.equal(change.textDocument.version, client.version(uri), "the edit targets the current version");
    }
    // Send them as one didChange, last edit first so earlier ranges stay valid.
    const ordered = [...edits].sort(
      (a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character,
    );
    const version = await client.edit(uri, ordered);
    return (await client.waitForDiagnostics(uri, (p) => p.version === version)).diagnostics;
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
    assert.match(client.text(uri), /^tier: strategic$/m);
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
    assert.match(client.text(uri), /^governance:\n {2}owners:/m);
    assert.match(client.text(uri), /TODO/);
    assert.ok(!after.some((d) => /"governance"/.test(d.message) && d.code === "schema"), JSON.stringify(after));
  });

  it("disables a rule for one line, above it with its indentation", async () => {
    const text = replaceLine(/^ {2}type: requirement$/m, "  type: requirment", withId("disable-line"));
    const { uri, diagnostics } = await openWithFindings("disable-line.partner.yaml", text);
    const diagnostic = diagnostics.find((d) => d.code === "schema")!;
    const actions = await codeActions(uri, diagnostic);
    const disable = actions.find((action) => action.title === "Disable schema for this line");
    assert.ok(disable, actions.map((a) => a.title).join(" | "));
    const after = await apply(uri, disable);
    const line = lineOf(client.text(uri), /type: requirment/);
    assert.equal(client.text(uri).split("\n")[line - 1], "  # partner-charter-disable-next-line schema");
    assert.deepEqual(after, []);
  });

  it("disables a rule for the file, after the leading comments", async () => {
    const text = `# Header comment\n# second line\n${replaceLine(/^kind: Charter$/m, "kind: Charte", withId("disable-file"))}`;
    const { uri, diagnostics } = await openWithFindings("disable-file.partner.yaml", text);
    const diagnostic = diagnostics.find((d) => d.code === "schema")!;
    const actions = await codeActions(uri, diagnostic);
    const disable = actions.find((action) => action.title === "Disable schema for this file");
    assert.ok(disable, actions.map((a) => a.title).join(" | "));
    const after = await apply(uri, disable);
    assert.deepEqual(client.text(uri).split("\n").slice(0, 3), [
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
    const actions = await client.request<CodeAction[]>("textDocument/codeAction", {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ["source.fixAll"] },
    });
    assert.equal(actions.length, 1, JSON.stringify(actions.map((a) => a.title)));
    const [fixAll] = actions;
    assert.equal(fixAll!.kind, "source.fixAll.partnerCharter");
    const after = await apply(uri, fixAll!);
    const fixed = client.text(uri);
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
