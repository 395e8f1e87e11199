import * as assert from "node:assert/strict";
import type { CodeAction, Diagnostic, TextDocumentEdit, TextEdit } from "vscode-languageserver-protocol/node";
import { useServer } from "./support/server-session";
import { replaceLine, VALID, withId } from "./support/samples";

/**
 * The editor side of reading YAML: a document too deeply nested still gets its diagnostics
 * (and the next version too), and the fixes that syntax and schema messages propose are
 * quick fixes that leave the charter clean.
 */
describe("language server: reading YAML", function () {
  this.timeout(120_000);

  const server = useServer();

  async function codeActions(uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    return server.client.request<CodeAction[]>("textDocument/codeAction", {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
  }

  /** Applies the action titled `title` on the first finding matching `pattern`; the diagnostics after. */
  async function applyFix(name: string, text: string, pattern: RegExp, title: string): Promise<Diagnostic[]> {
    const { diagnostics } = await server.open(name, text);
    const uri = server.uri(name);
    const diagnostic = diagnostics.find((candidate) => pattern.test(candidate.message));
    assert.ok(diagnostic, JSON.stringify(diagnostics.map((d) => d.message)));
    const action = (await codeActions(uri, diagnostic)).find((candidate) => candidate.title === title);
    assert.ok(action, `an action "${title}"`);
    const edits = (action.edit!.documentChanges![0] as TextDocumentEdit).edits as TextEdit[];
    const version = await server.client.edit(uri, edits);
    return (await server.client.waitForDiagnostics(uri, (published) => published.version === version)).diagnostics;
  }

  it("publishes one located finding for a document nested too deeply, then the next version's findings", async () => {
    const name = "deep.partner.yaml";
    const deep = `${VALID}notes: ${"[".repeat(10_000)}\n`;
    const { diagnostics } = await server.open(name, deep);
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
    assert.equal(diagnostics[0]!.code, "yaml-syntax");
    assert.match(diagnostics[0]!.message, /nested more than 64 levels deep/);
    const uri = server.uri(name);
    const version = await server.client.replaceAll(uri, replaceLine(/^tier: strategic$/m, "tier: strategc", VALID));
    const next = await server.client.waitForDiagnostics(uri, (published) => published.version === version);
    assert.deepEqual(
      next.diagnostics.map((diagnostic) => diagnostic.code),
      ["schema"],
    );
  });

  it("quick-fixes a value with ': ' by quoting it", async () => {
    const text = replaceLine(/^title: .*$/m, "title: Acme: CloudCo", withId("colon"));
    const after = await applyFix("colon.partner.yaml", text, /contains ": "/, "Put the value in quotes");
    assert.match(server.client.text(server.uri("colon.partner.yaml")), /^title: "Acme: CloudCo"$/m);
    assert.deepEqual(after, []);
  });

  it('quick-fixes `tier: 2` to "partnership", the name of Tier 2', async () => {
    const text = replaceLine(/^tier: strategic$/m, "tier: 2", withId("tier-two"));
    const after = await applyFix("tier-two.partner.yaml", text, /\(Tier 2\)/, 'Change to "partnership"');
    assert.match(server.client.text(server.uri("tier-two.partner.yaml")), /^tier: partnership$/m);
    assert.ok(!after.some((diagnostic) => diagnostic.code === "schema"), JSON.stringify(after));
  });
});
