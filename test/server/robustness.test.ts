import * as assert from "node:assert/strict";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import {
  IPCMessageReader,
  IPCMessageWriter,
  InitializeRequest,
  createProtocolConnection,
  type Hover,
  type InitializeResult,
} from "vscode-languageserver-protocol/node";
import { SERVER } from "../support/paths";
import { LspClient, ensureServerBuilt, makeWorkspace, uriOf } from "./support/lsp-client";
import { TODAY, lineOf, withId } from "./support/samples";

const INVALID_PARAMS = -32602;
const METHOD_NOT_FOUND = -32601;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe("language server: robustness", function () {
  this.timeout(120_000);
  let workspace: string;
  let client: LspClient;

  before(async () => {
    workspace = makeWorkspace({ "disk.partner.yaml": withId("disk") });
    client = await LspClient.start({ workspace, settings: { today: TODAY } });
  });

  after(async () => {
    await client?.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  async function stillAnswers(): Promise<void> {
    const uri = uriOf(path.join(workspace, "alive.partner.yaml"));
    await client.open(uri, withId("alive"));
    const hover = await client.request<Hover | null>("textDocument/hover", {
      textDocument: { uri },
      position: { line: lineOf(withId("alive"), /^tier:/), character: 1 },
    });
    assert.ok(hover, "the server still answers");
    await client.close(uri);
    assert.equal(client.exited, false);
  }

  it("answers requests about unknown documents with empty results", async () => {
    const uri = uriOf(path.join(workspace, "unknown.partner.yaml"));
    const position = { line: 0, character: 0 };
    assert.equal(await client.request("textDocument/hover", { textDocument: { uri }, position }), null);
    assert.deepEqual(await client.request("textDocument/completion", { textDocument: { uri }, position }), {
      isIncomplete: false,
      items: [],
    });
    assert.deepEqual(
      await client.request("textDocument/codeAction", {
        textDocument: { uri },
        range: { start: position, end: position },
        context: { diagnostics: [] },
      }),
      [],
    );
    assert.equal(
      await client.request("textDocument/hover", { textDocument: { uri: "untitled:Untitled-9" }, position }),
      null,
    );
  });

  it("rejects malformed parameters with InvalidParams and keeps answering", async () => {
    const isInvalid = (error: { code: number }): boolean => error.code === INVALID_PARAMS;
    await assert.rejects(client.request("textDocument/hover", {}), isInvalid);
    await assert.rejects(client.request("textDocument/hover", null), isInvalid);
    await assert.rejects(
      client.request("textDocument/completion", {
        textDocument: { uri: "file:///x.partner.yaml" },
        position: { line: -1 },
      }),
      isInvalid,
    );
    await assert.rejects(client.request("textDocument/codeAction", { textDocument: { uri: "file:///x" } }), isInvalid);
    await assert.rejects(client.request("textDocument/documentSymbol", { textDocument: 7 }), isInvalid);
    await assert.rejects(
      client.request("partnerCharter/nonsense", {}),
      (error: { code: number }) => error.code === METHOD_NOT_FOUND,
    );
    await stillAnswers();
  });

  it("survives malformed notifications", async () => {
    await client.connection.sendNotification("textDocument/didChange", {
      textDocument: { uri: "file:///nowhere.partner.yaml", version: 3 },
      contentChanges: [{ text: "x" }],
    });
    await client.connection.sendNotification("textDocument/didOpen", {});
    await client.connection.sendNotification("textDocument/didClose", {
      textDocument: { uri: "file:///never-opened.partner.yaml" },
    });
    await client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [null, { uri: 5 }] });
    await client.connection.sendNotification("workspace/didChangeConfiguration", {
      settings: { partnerCharter: "nonsense" },
    });
    await stillAnswers();
  });

  it("handles a document closed right after a change (while its validation is pending)", async () => {
    const uri = uriOf(path.join(workspace, "disk.partner.yaml"));
    await client.open(uri, withId("disk").replace("kind: Charter", "kind: Nope"));
    await client.waitForDiagnostics(uri, (p) => p.version === 1 && p.diagnostics.length > 0);
    await client.replaceAll(uri, withId("disk").replace("kind: Charter", "kind: Still-nope"));
    await client.close(uri);
    // Back to the text on disk, which is clean: the editor's findings are cleared.
    await client.waitForDiagnostics(uri, (p) => p.version === undefined && p.diagnostics.length === 0);
    await sleep(300);
    assert.deepEqual(client.latestDiagnostics(uri)!.diagnostics, [], "no late result of the closed version");
    const ephemeral = uriOf(path.join(workspace, "not-on-disk.partner.yaml"));
    await client.open(ephemeral, "kind: Nope\n");
    await client.close(ephemeral);
    await sleep(300);
    const last = client.latestDiagnostics(ephemeral);
    assert.ok(!last || last.diagnostics.length === 0, "a closed file that is not on disk has no diagnostics");
    await stillAnswers();
  });

  it("stays responsive through 1,000 rapid edits and returns to its memory baseline after closing", async function () {
    // Warm up: one full open/validate/close cycle, so the baseline includes loaded code.
    const warm = uriOf(path.join(workspace, "warm.partner.yaml"));
    await client.open(warm, withId("warm"));
    await client.waitForDiagnostics(warm, (p) => p.version === 1);
    await client.close(warm);
    await sleep(500);
    const baseline = client.rssKb();
    if (baseline === undefined) this.skip();

    const uri = uriOf(path.join(workspace, "burst.partner.yaml"));
    const base = withId("burst");
    await client.open(uri, base);
    const line = lineOf(base, /^title:/);
    let version = 1;
    for (let i = 0; i < 1000; i++) {
      const character = client.text(uri).split("\n")[line]!.length;
      version = await client.edit(uri, [
        { range: { start: { line, character }, end: { line, character } }, newText: i % 10 === 9 ? " " : "x" },
      ]);
    }
    const published = await client.waitForDiagnostics(uri, (p) => p.version === version, 60_000);
    assert.deepEqual(published.diagnostics, []);
    const hover = await client.request<Hover | null>("textDocument/hover", {
      textDocument: { uri },
      position: { line: lineOf(base, /^tier:/), character: 1 },
    });
    assert.ok(hover);
    await client.close(uri);
    await sleep(1500);
    const after = client.rssKb()!;
    const growthMb = (after - baseline!) / 1024;
    assert.ok(growthMb < 48, `RSS grew by ${growthMb.toFixed(1)} MB (baseline ${(baseline! / 1024).toFixed(1)} MB)`);
  });

  it("also runs over --node-ipc", async () => {
    ensureServerBuilt();
    const child = spawn(process.execPath, [SERVER, "--node-ipc"], { stdio: ["ignore", "ignore", "pipe", "ipc"] });
    const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    connection.listen();
    try {
      const result: InitializeResult = await connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: null,
        capabilities: {},
      });
      assert.equal(result.serverInfo?.name, "Partner Charter");
      await connection.sendRequest("shutdown");
      await connection.sendNotification("exit");
    } finally {
      connection.dispose();
      await Promise.race([new Promise((resolve) => child.once("exit", resolve)), sleep(3000)]);
      if (child.exitCode === null) child.kill();
    }
  });
});
