import * as assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import type {
  CodeAction,
  Diagnostic,
  DocumentSymbol,
  TextDocumentEdit,
  TextEdit,
} from "vscode-languageserver-protocol/node";
import type { CharterView } from "../../core/src";
import { SERVER } from "../support/paths";
import { applyEdits, ensureServerBuilt } from "./support/lsp-client";
import { useServer } from "./support/server-session";
import { TODAY, replaceLine, withId } from "./support/samples";

/**
 * The language server as a careless or hostile user meets it (issue 12), over JSON-RPC:
 * names of built-in properties in settings, config files and charters, a charter whose alias
 * contains itself, files that are devices or pipes, parameters that are not objects, quick
 * fixes that must leave valid YAML, and the folders the workspace search must not skip.
 */

const typo = (id: string): string => replaceLine(/^tier: strategic$/m, "tier: strategc", withId(id));

describe("language server: hostile input", function () {
  this.timeout(60_000);

  const server = useServer({
    files: {
      ".github/partners/dot.partner.yaml": typo("dot"),
      "new\nline/nl.partner.yaml": typo("nl"),
      "c.partner.yaml": typo("c"),
      "D.partner.yaml": typo("d"),
      ".gitignore": "C.PARTNER.YAML\nD.partner.yaml\n",
      "cfg/.partner-charter.yaml": "rules:\n  phase-duration:\n    constructor: 1\n  toString: error\n",
      "cfg/a.partner.yaml": typo("cfg-a"),
    },
  });

  before(() => {
    fs.symlinkSync("/dev/zero", server.file("zero.partner.yaml"));
    spawnSync("mkfifo", [server.file("pipe.partner.yaml")]);
  });

  it("the workspace search checks dot-folders and folders with a line break; .gitignore is case-sensitive", async () => {
    for (const name of [".github/partners/dot.partner.yaml", "new\nline/nl.partner.yaml", "c.partner.yaml"]) {
      const published = await server.client.waitForDiagnostics(server.uri(name), (p) => p.diagnostics.length > 0);
      assert.deepEqual(
        published.diagnostics.map((d) => d.code),
        ["schema"],
        name,
      );
    }
    const totals = await server.client.request<{ files: number }>("partnerCharter/validateWorkspace", {});
    // dot, nl, c, cfg/a: not D (ignored), not the device or the pipe.
    assert.equal(totals.files, 4);
    assert.equal(server.client.latestDiagnostics(server.uri("D.partner.yaml")), undefined);
  });

  it("a config option named constructor: the charters keep their diagnostics, the config file gets its findings", async () => {
    const charter = await server.client.waitForDiagnostics(
      server.uri("cfg/a.partner.yaml"),
      (p) => p.diagnostics.length > 0,
    );
    assert.deepEqual(
      charter.diagnostics.map((d) => d.code),
      ["schema"],
    );
    const config = await server.client.waitForDiagnostics(
      server.uri("cfg/.partner-charter.yaml"),
      (p) => p.diagnostics.length > 0,
    );
    assert.deepEqual(
      config.diagnostics.map((d) => [d.range.start.line, d.message.split(".")[0]]),
      [
        [2, 'Rule "phase-duration" has no option "constructor"'],
        [3, 'Unknown rule "toString"'],
      ],
    );
  });

  it("settings with built-in names: a warning, and every other setting still applies", async () => {
    await server.client.changeSettings({
      today: TODAY,
      // Parsed, as settings arrive: a "__proto__" key in an object literal would set its prototype instead.
      rules: JSON.parse(
        '{ "phase-duration": { "constructor": 1, "__proto__": 2 }, "valueOf": "off", "schema": "warning" }',
      ),
    });
    await server.client.waitFor(
      () => server.client.messages.some((m) => /has no option "constructor"/.test(m.message)),
      () => `a warning; got ${JSON.stringify(server.client.messages)}`,
    );
    const { diagnostics } = await server.open("settings.partner.yaml", typo("settings"));
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.severity]),
      [["schema", 2]],
      "schema: warning applies",
    );
    await server.client.changeSettings({ today: TODAY });
    await server.client.close(server.uri("settings.partner.yaml"));
  });

  it("enum values named like built-in properties read as themselves in the outline", async () => {
    const text = replaceLine(/^tier: strategic$/m, "tier: toString", withId("outline"));
    const { uri } = await server.open("outline.partner.yaml", text);
    const symbols = await server.client.request<DocumentSymbol[]>("textDocument/documentSymbol", {
      textDocument: { uri },
    });
    const tier = symbols.find((symbol) => symbol.name === "Tier")!;
    assert.equal(tier.detail, "toString");
    assert.doesNotMatch(JSON.stringify(symbols), /native code|\[object /);
    await server.client.close(uri);
  });

  it("an alias that contains itself: a located finding, and the preview's model answers", async () => {
    const text = withId("loop").replace(/^partner:$/m, "partner: &p\n  self: *p");
    const { uri, diagnostics } = await server.open("loop.partner.yaml", text);
    const line = text.split("\n").indexOf("  self: *p");
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]),
      [["yaml-syntax", line, 8]],
    );
    assert.match(diagnostics[0]!.message, /The alias \*p stands for a section that contains it/);
    const view = await server.client.request<CharterView>("partnerCharter/model", { uri });
    assert.equal(view.parseOk, false);
    assert.equal(view.findings.length, 1);
    await server.client.close(uri);
  });

  it("the model of a file that is not open but a device or a pipe: null at once, never read", async () => {
    for (const name of ["zero.partner.yaml", "pipe.partner.yaml"]) {
      assert.equal(await server.client.request("partnerCharter/model", { uri: server.uri(name) }), null, name);
    }
    const disk = await server.client.request<CharterView>("partnerCharter/model", {
      uri: server.uri("c.partner.yaml"),
    });
    assert.equal(disk.charter?.id, "c", "a regular file is still read");
  });

  async function quickFixes(uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    return server.client.request<CodeAction[]>("textDocument/codeAction", {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
  }

  function edited(uri: string, action: CodeAction): string {
    const edits = (action.edit!.documentChanges as TextDocumentEdit[]).flatMap((change) => change.edits as TextEdit[]);
    return applyEdits(server.client.text(uri), edits);
  }

  it('"Add partner with TODO placeholders" on a charter cut short: the fix is valid YAML', async () => {
    const text = withId("cut")
      .slice(0, withId("cut").indexOf("\nstatus:"))
      .replace(/title: .*$/m, "title: Acme × CloudCo — MSP certifica");
    const { uri, diagnostics } = await server.open("cut.partner.yaml", text, (p) => p.diagnostics.length > 0);
    const missing = diagnostics.find((d) => /missing the required key "partner"/.test(d.message))!;
    const action = (await quickFixes(uri, missing)).find((a) => a.title === 'Add "partner" with TODO placeholders');
    assert.ok(action);
    const fixed = edited(uri, action);
    assert.ok(fixed.endsWith("title: Acme × CloudCo — MSP certifica\npartner:\n  name: TODO — partner name\n"), fixed);
    const version = await server.client.replaceAll(uri, fixed);
    const after = await server.client.waitForDiagnostics(uri, (p) => p.version === version);
    assert.ok(!after.diagnostics.some((d) => d.code === "yaml-syntax"), JSON.stringify(after.diagnostics));
    await server.client.close(uri);
  });

  it('"Change to X" is not offered when X is already a key of the section (it would duplicate it)', async () => {
    const base = "apiVersion: partner-charter/v1\nkind: Charter\nthen: partnership\n";
    for (const [name, text, offered] of [
      ["rename.partner.yaml", base, true],
      ["duplicate.partner.yaml", `${base}tier: partnership\n`, false],
    ] as const) {
      const { uri, diagnostics } = await server.open(name, text, (p) => p.diagnostics.length > 0);
      const unknown = diagnostics.find((d) => /Unknown key "then"/.test(d.message))!;
      const titles = (await quickFixes(uri, unknown)).map((a) => a.title);
      assert.equal(titles.includes('Change to "tier"'), offered, titles.join(" | "));
      await server.client.close(uri);
    }
  });
});

describe("language server: parameters that are not objects", function () {
  this.timeout(30_000);

  /** Raw JSON-RPC frames, so that `"params": null` is sent as it is. */
  async function exchange(messages: object[]): Promise<{ id?: number; error?: { code: number }; result?: unknown }[]> {
    ensureServerBuilt();
    const child = spawn(process.execPath, [SERVER, "--stdio"], { stdio: ["pipe", "pipe", "ignore"] });
    let received = "";
    child.stdout.on("data", (chunk: Buffer) => (received += chunk.toString()));
    messages.forEach((message, i) => {
      const body = JSON.stringify({ jsonrpc: "2.0", id: i + 1, ...message });
      child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    });
    const answers = (): { id?: number }[] =>
      received
        .split(/Content-Length: \d+\r\n\r\n/)
        .filter(Boolean)
        .map((part) => JSON.parse(part) as { id?: number })
        .filter((message) => message.id !== undefined);
    while (answers().length < messages.length && child.exitCode === null) await new Promise((r) => setTimeout(r, 20));
    child.kill();
    return answers();
  }

  it('"params": null and other non-objects get InvalidParams (-32602), before and after initialize', async () => {
    const answers = await exchange([
      { method: "initialize", params: null },
      { method: "initialize", params: { processId: null, capabilities: null } },
      { method: "initialize", params: { processId: null, rootUri: null, capabilities: {} } },
      { method: "textDocument/hover", params: null },
      { method: "textDocument/completion", params: 7 },
      { method: "textDocument/codeAction", params: "x" },
      { method: "partnerCharter/model", params: null },
    ]);
    assert.deepEqual(
      answers.map((answer) => answer.error?.code ?? "ok"),
      [-32602, -32602, "ok", -32602, -32602, -32602, -32602],
    );
  });
});
