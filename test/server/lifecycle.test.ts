import * as assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import {
  CancellationTokenSource,
  StreamMessageReader,
  StreamMessageWriter,
  createMessageConnection,
  type MessageConnection,
} from "vscode-languageserver-protocol/node";
import { SERVER } from "../support/paths";
import { CLIENT_CAPABILITIES, ensureServerBuilt, makeWorkspace, uriOf } from "./support/lsp-client";
import { TODAY, withId } from "./support/samples";

/**
 * The LSP 3.17 lifecycle and cancellation, driven by a raw JSON-RPC connection over stdio (no
 * client library that would initialise or shut down on its own): ServerNotInitialized (-32002)
 * before `initialize`, InvalidRequest (-32600) after `shutdown`, the exit code, and
 * RequestCancelled (-32800) for a cancelled workspace pass.
 */

interface Raw {
  connection: MessageConnection;
  child: ChildProcess;
  exitCode: Promise<number | null>;
}

function startRaw(workspace: string): Raw {
  ensureServerBuilt();
  const child = spawn(process.execPath, [SERVER, "--stdio"], { cwd: workspace, stdio: ["pipe", "pipe", "pipe"] });
  const exitCode = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const connection = createMessageConnection(
    new StreamMessageReader(child.stdout!),
    new StreamMessageWriter(child.stdin!),
  );
  connection.onRequest(() => null); // registrations, configuration, progress tokens
  connection.onNotification(() => undefined);
  connection.listen();
  return { connection, child, exitCode };
}

function initialize(raw: Raw, workspace: string): Promise<unknown> {
  return raw.connection.sendRequest("initialize", {
    processId: process.pid,
    rootUri: uriOf(workspace),
    capabilities: CLIENT_CAPABILITIES,
    initializationOptions: { settings: { today: TODAY } },
  });
}

async function errorCode(request: Promise<unknown>): Promise<number | string> {
  try {
    return `answered ${JSON.stringify(await request)}`;
  } catch (error) {
    return (error as { code: number }).code;
  }
}

const HOVER = { textDocument: { uri: "file:///nowhere.partner.yaml" }, position: { line: 0, character: 0 } };

describe("language server: lifecycle and cancellation (raw JSON-RPC)", function () {
  this.timeout(60_000);
  let workspace: string;
  const started: Raw[] = [];
  const start = (): Raw => {
    const raw = startRaw(workspace);
    started.push(raw);
    return raw;
  };

  before(() => {
    workspace = makeWorkspace({ "one.partner.yaml": withId("one") });
  });
  after(() => {
    for (const raw of started) {
      raw.connection.dispose();
      if (raw.child.exitCode === null) raw.child.kill();
    }
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it("answers ServerNotInitialized (-32002) to every request before initialize, then initialises", async () => {
    const raw = start();
    assert.equal(await errorCode(raw.connection.sendRequest("textDocument/hover", HOVER)), -32002);
    assert.equal(await errorCode(raw.connection.sendRequest("shutdown")), -32002);
    assert.equal(await errorCode(raw.connection.sendRequest("partnerCharter/validateWorkspace", {})), -32002);
    // A notification before initialize is dropped, not acted on (no crash, no answer).
    await raw.connection.sendNotification("textDocument/didOpen", {
      textDocument: {
        uri: uriOf(`${workspace}/early.partner.yaml`),
        languageId: "partner-charter",
        version: 1,
        text: "x",
      },
    });
    const result = (await initialize(raw, workspace)) as { capabilities: Record<string, unknown> };
    assert.ok(result.capabilities.hoverProvider);
    assert.equal(await errorCode(initialize(raw, workspace)), -32600, "initialize only once");
    assert.equal(await raw.connection.sendRequest("textDocument/hover", HOVER), null);
  });

  it("refuses requests after shutdown with InvalidRequest (-32600) and exits with 0 on exit", async () => {
    const raw = start();
    await initialize(raw, workspace);
    await raw.connection.sendNotification("initialized", {});
    assert.equal(await raw.connection.sendRequest("shutdown"), null);
    assert.equal(await errorCode(raw.connection.sendRequest("textDocument/hover", HOVER)), -32600);
    assert.equal(await errorCode(raw.connection.sendRequest("textDocument/documentSymbol", HOVER)), -32600);
    assert.equal(await errorCode(raw.connection.sendRequest("shutdown")), -32600);
    await raw.connection.sendNotification("exit");
    assert.equal(await raw.exitCode, 0);
  });

  it("exits with 1 on exit without shutdown", async () => {
    const raw = start();
    await initialize(raw, workspace);
    await raw.connection.sendNotification("initialized", {});
    await raw.connection.sendNotification("exit");
    assert.equal(await raw.exitCode, 1);
  });

  describe("cancellation", () => {
    const CHARTERS = 150;
    let big: string;
    before(() => {
      const files: Record<string, string> = {};
      for (let i = 0; i < CHARTERS; i++) files[`c${i}.partner.yaml`] = withId(`c${i}`);
      big = makeWorkspace(files);
    });
    after(() => fs.rmSync(big, { recursive: true, force: true }));

    it("answers RequestCancelled (-32800) to a cancelled workspace pass, and keeps answering", async () => {
      const raw = start();
      await initialize(raw, big);
      await raw.connection.sendNotification("initialized", {});
      const source = new CancellationTokenSource();
      let began = Date.now();
      const request = raw.connection.sendRequest("partnerCharter/validateWorkspace", {}, source.token);
      source.cancel();
      assert.equal(await errorCode(request), -32800);
      const cancelled = Date.now() - began;
      // A whole pass, for comparison.
      began = Date.now();
      const totals = (await raw.connection.sendRequest("partnerCharter/validateWorkspace", {})) as { files: number };
      const whole = Date.now() - began;
      assert.equal(totals.files, CHARTERS);
      console.log(
        `      cancelled pass answered in ${cancelled} ms; a whole pass of ${CHARTERS} charters: ${whole} ms`,
      );
      assert.equal(await raw.connection.sendRequest("textDocument/hover", HOVER), null);
    });
  });
});
