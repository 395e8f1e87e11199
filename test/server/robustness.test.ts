import * as assert from "node:assert/strict";
import { spawn } from "node:child_process";
import {
  IPCMessageReader,
  IPCMessageWriter,
  InitializeRequest,
  createProtocolConnection,
  type Hover,
  type InitializeResult,
} from "vscode-languageserver-protocol/node";
import { SERVER } from "../support/paths";
import { ensureServerBuilt } from "./support/lsp-client";
import { useServer } from "./support/server-session";
import { lineOf, withId } from "./support/samples";

const INVALID_PARAMS = -32602;
const METHOD_NOT_FOUND = -32601;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe("language server: robustness", function () {
  this.timeout(120_000);

  const server = useServer({ files: { "disk.partner.yaml": withId("disk") } });

  async function stillAnswers(): Promise<void> {
    const uri = server.uri("alive.partner.yaml");
    await server.client.open(uri, withId("alive"));
    const hover = await server.client.request<Hover | null>("textDocument/hover", {
      textDocument: { uri },
      position: { line: lineOf(withId("alive"), /^tier:/), character: 1 },
    });
    assert.ok(hover, "the server still answers");
    await server.client.close(uri);
    assert.equal(server.client.exited, false);
  }

  it("answers requests about unknown documents with empty results", async () => {
    const uri = server.uri("unknown.partner.yaml");
    const position = { line: 0, character: 0 };
    assert.equal(await server.client.request("textDocument/hover", { textDocument: { uri }, position }), null);
    assert.deepEqual(await server.client.request("textDocument/completion", { textDocument: { uri }, position }), {
      isIncomplete: false,
      items: [],
    });
    assert.deepEqual(
      await server.client.request("textDocument/codeAction", {
        textDocument: { uri },
        range: { start: position, end: position },
        context: { diagnostics: [] },
      }),
      [],
    );
    assert.equal(
      await server.client.request("textDocument/hover", { textDocument: { uri: "untitled:Untitled-9" }, position }),
      null,
    );
  });

  it("rejects malformed parameters with InvalidParams and keeps answering", async () => {
    const isInvalid = (error: { code: number }): boolean => error.code === INVALID_PARAMS;
    await assert.rejects(server.client.request("textDocument/hover", {}), isInvalid);
    await assert.rejects(server.client.request("textDocument/hover", null), isInvalid);
    await assert.rejects(
      server.client.request("textDocument/completion", {
        textDocument: { uri: "file:///x.partner.yaml" },
        position: { line: -1 },
      }),
      isInvalid,
    );
    await assert.rejects(
      server.client.request("textDocument/codeAction", { textDocument: { uri: "file:///x" } }),
      isInvalid,
    );
    await assert.rejects(server.client.request("textDocument/documentSymbol", { textDocument: 7 }), isInvalid);
    await assert.rejects(
      server.client.request("partnerCharter/nonsense", {}),
      (error: { code: number }) => error.code === METHOD_NOT_FOUND,
    );
    await stillAnswers();
  });

  it("survives malformed notifications", async () => {
    await server.client.connection.sendNotification("textDocument/didChange", {
      textDocument: { uri: "file:///nowhere.partner.yaml", version: 3 },
      contentChanges: [{ text: "x" }],
    });
    await server.client.connection.sendNotification("textDocument/didOpen", {});
    await server.client.connection.sendNotification("textDocument/didClose", {
      textDocument: { uri: "file:///never-opened.partner.yaml" },
    });
    await server.client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [null, { uri: 5 }] });
    await server.client.connection.sendNotification("workspace/didChangeConfiguration", {
      settings: { partnerCharter: "nonsense" },
    });
    await stillAnswers();
  });

  it("handles a document closed right after a change (while its validation is pending)", async () => {
    const { uri } = await server.open(
      "disk.partner.yaml",
      withId("disk").replace("kind: Charter", "kind: Nope"),
      (p) => p.version === 1 && p.diagnostics.length > 0,
    );
    await server.client.replaceAll(uri, withId("disk").replace("kind: Charter", "kind: Still-nope"));
    await server.client.close(uri);
    // Back to the text on disk, which is clean: the editor's findings are cleared.
    await server.client.waitForDiagnostics(uri, (p) => p.version === undefined && p.diagnostics.length === 0);
    await sleep(300);
    assert.deepEqual(server.client.latestDiagnostics(uri)!.diagnostics, [], "no late result of the closed version");
    const ephemeral = server.uri("not-on-disk.partner.yaml");
    await server.client.open(ephemeral, "kind: Nope\n");
    await server.client.close(ephemeral);
    await sleep(300);
    const last = server.client.latestDiagnostics(ephemeral);
    assert.ok(!last || last.diagnostics.length === 0, "a closed file that is not on disk has no diagnostics");
    await stillAnswers();
  });

  it("stays responsive through 1,000 rapid edits and returns to its memory baseline after closing", async function () {
    // Warm up: one full open/validate/close cycle, so the baseline includes loaded code.
    const warm = await server.open("warm.partner.yaml", withId("warm"));
    await server.client.close(warm.uri);
    await sleep(500);
    const baseline = server.client.rssKb();
    if (baseline === undefined) this.skip();

    const uri = server.uri("burst.partner.yaml");
    const base = withId("burst");
    await server.client.open(uri, base);
    const line = lineOf(base, /^title:/);
    let version = 1;
    for (let i = 0; i < 1000; i++) {
      const character = server.client.text(uri).split("\n")[line]!.length;
      version = await server.client.edit(uri, [
        { range: { start: { line, character }, end: { line, character } }, newText: i % 10 === 9 ? " " : "x" },
      ]);
    }
    const published = await server.client.waitForDiagnostics(uri, (p) => p.version === version, 60_000);
    assert.deepEqual(published.diagnostics, []);
    const hover = await server.client.request<Hover | null>("textDocument/hover", {
      textDocument: { uri },
      position: { line: lineOf(base, /^tier:/), character: 1 },
    });
    assert.ok(hover);
    await server.client.close(uri);
    await sleep(1500);
    const after = server.client.rssKb()!;
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
