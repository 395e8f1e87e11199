// A minimal LSP client over stdio for the benchmark: starts a server process, initializes it
// with the benchmark's settings, opens/edits/closes documents and times publishDiagnostics.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import rpc from "vscode-jsonrpc/node.js";

const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = rpc;

const now = () => Number(process.hrtime.bigint()) / 1e6; // milliseconds

/** VmHWM (peak) and VmRSS (current) of a process, in MiB, from /proc (Linux). */
export function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? NaN);
    return { peakMiB: kb("VmHWM") / 1024, rssMiB: kb("VmRSS") / 1024 };
  } catch {
    return { peakMiB: NaN, rssMiB: NaN };
  }
}

export class LspClient {
  /**
   * @param {object} spec
   * @param {string} spec.name      label
   * @param {string[]} spec.args    node arguments (script first, e.g. ["dist/server.js", "--stdio"])
   * @param {Record<string, unknown>} spec.settings  answers to workspace/configuration, by section
   */
  constructor({ name, args, settings, cwd, workspace, initializationOptions }) {
    this.name = name;
    this.args = args;
    this.settings = settings;
    this.cwd = cwd;
    /** A folder to open as the workspace (its charters are validated in the background). */
    this.workspace = workspace;
    this.initializationOptions = initializationOptions ?? {};
    this.waiters = new Set();
    this.versions = new Map();
    this.stderr = "";
    this.logs = [];
    this.probes = [];
  }

  /**
   * With bench/lib/memory-probe.cjs preloaded: a full GC in the server, then its
   * process.memoryUsage() (bytes) and /proc figures (MiB).
   */
  async probeMemory(timeoutMs = 10000) {
    const usage = await new Promise((resolve) => {
      const timer = setTimeout(() => resolve(undefined), timeoutMs);
      this.probes.push((value) => (clearTimeout(timer), resolve(value)));
      this.child.kill("SIGUSR2");
    });
    const mib = (bytes) => (bytes === undefined ? NaN : bytes / 2 ** 20);
    return { heapUsedMiB: mib(usage?.heapUsed), externalMiB: mib(usage?.external), ...this.memory() };
  }

  /** Spawns the server and initializes it; returns { spawnToReplyMs }. */
  async start() {
    const started = now();
    this.child = spawn(process.execPath, this.args, { cwd: this.cwd, stdio: ["pipe", "pipe", "pipe"] });
    this.child.stderr.on("data", (chunk) => {
      const text = String(chunk);
      for (const match of text.matchAll(/^memory-probe (\{.*\})$/gm)) {
        const probe = this.probes.shift();
        probe?.(JSON.parse(match[1]));
      }
      if (this.stderr.length < 20000) this.stderr += text;
    });
    this.exited = new Promise((resolve) =>
      this.child.once("exit", (code, signal) => {
        resolve({ code, signal });
        const error = new Error(`${this.name} exited (${code ?? signal})\n${this.stderr.slice(-2000)}`);
        for (const waiter of [...this.waiters]) waiter.reject(error);
        this.waiters.clear();
        this.rejectStart?.(error);
      }),
    );
    this.connection = createMessageConnection(
      new StreamMessageReader(this.child.stdout),
      new StreamMessageWriter(this.child.stdin),
    );
    const section = (name) => {
      if (!name) return this.settings;
      let value = this.settings;
      for (const part of name.split(".")) value = value?.[part];
      return value ?? null;
    };
    this.connection.onRequest("workspace/configuration", (params) => params.items.map((item) => section(item.section)));
    this.connection.onRequest("client/registerCapability", () => null);
    this.connection.onRequest("client/unregisterCapability", () => null);
    this.connection.onRequest("window/workDoneProgress/create", () => null);
    this.connection.onRequest("window/showMessageRequest", () => null);
    this.connection.onRequest("workspace/codeLens/refresh", () => null);
    this.connection.onRequest("workspace/diagnostic/refresh", () => null);
    this.connection.onRequest("workspace/semanticTokens/refresh", () => null);
    this.connection.onRequest("workspace/inlayHint/refresh", () => null);
    this.connection.onNotification("window/logMessage", (params) => {
      if (this.logs.length < 200) this.logs.push(params.message);
    });
    this.connection.onNotification("window/showMessage", (params) => {
      if (this.logs.length < 200) this.logs.push(`showMessage: ${params.message}`);
    });
    this.connection.onNotification("telemetry/event", () => {});
    this.connection.onNotification("$/progress", () => {});
    this.connection.onNotification("textDocument/publishDiagnostics", (params) => {
      const at = now();
      for (const waiter of [...this.waiters]) {
        if (waiter.uri !== params.uri) continue;
        if (params.version !== undefined && params.version !== null && params.version < waiter.version) continue;
        if (waiter.nonEmpty && params.diagnostics.length === 0) continue;
        this.waiters.delete(waiter);
        waiter.resolve({ at, diagnostics: params.diagnostics });
      }
    });
    this.connection.onError(() => {});
    this.connection.listen();
    const died = new Promise((_, reject) => (this.rejectStart = reject));
    const initialize = this.connection.sendRequest("initialize", {
      processId: process.pid,
      clientInfo: { name: "partner-charter-bench" },
      rootUri: this.workspace ? pathToFileURL(this.workspace).href : null,
      workspaceFolders: this.workspace ? [{ uri: pathToFileURL(this.workspace).href, name: "bench" }] : null,
      capabilities: {
        workspace: {
          configuration: true,
          didChangeConfiguration: { dynamicRegistration: false },
          workspaceFolders: false,
        },
        textDocument: {
          synchronization: { dynamicRegistration: false, didSave: false },
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
        },
        window: { workDoneProgress: false },
      },
      initializationOptions: { ...this.initializationOptions, settings: this.settings.partnerCharter },
    });
    const result = await Promise.race([initialize, died]);
    this.rejectStart = undefined;
    const spawnToReplyMs = now() - started;
    this.capabilities = result.capabilities;
    const sync = result.capabilities.textDocumentSync;
    this.syncKind = typeof sync === "number" ? sync : (sync?.change ?? 1);
    this.connection.sendNotification("initialized", {});
    this.connection.sendNotification("workspace/didChangeConfiguration", { settings: this.settings });
    return { spawnToReplyMs, startedAt: started };
  }

  /** Resolves at the next publishDiagnostics for `uri` (at or after `version` when it carries one). */
  diagnostics(uri, version, { timeoutMs = 120000, nonEmpty = false } = {}) {
    return new Promise((resolve, reject) => {
      const waiter = {
        uri,
        version,
        nonEmpty,
        resolve: (value) => (clearTimeout(timer), resolve(value)),
        reject: (error) => (clearTimeout(timer), reject(error)),
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(
          new Error(
            `${this.name}: no diagnostics for ${uri} v${version} after ${timeoutMs} ms\n${this.stderr.slice(-2000)}`,
          ),
        );
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** didOpen → the first publishDiagnostics: milliseconds, and the diagnostics. */
  async open(uri, text, { languageId = "partner-charter" } = {}) {
    this.versions.set(uri, { version: 1, text });
    const waiting = this.diagnostics(uri, 1);
    const sent = now();
    this.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId, version: 1, text } });
    const { at, diagnostics } = await waiting;
    return { ms: at - sent, diagnostics, sentAt: sent };
  }

  /**
   * One-character edit at (line, character): insert `insert` or delete one character when
   * `insert` is empty. Returns didChange → publishDiagnostics in milliseconds.
   */
  async edit(uri, line, character, insert) {
    const state = this.versions.get(uri);
    const version = state.version + 1;
    const lines = state.text.split("\n");
    const target = lines[line];
    lines[line] = insert
      ? target.slice(0, character) + insert + target.slice(character)
      : target.slice(0, character) + target.slice(character + 1);
    const text = lines.join("\n");
    const range = {
      start: { line, character },
      end: { line, character: insert ? character : character + 1 },
    };
    const contentChanges = this.syncKind === 2 ? [{ range, text: insert }] : [{ text }];
    this.versions.set(uri, { version, text });
    const waiting = this.diagnostics(uri, version);
    const sent = now();
    this.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges });
    const { at, diagnostics } = await waiting;
    return { ms: at - sent, diagnostics };
  }

  /** didClose; waits for the clearing publish when the server sends one (up to `waitMs`). */
  async close(uri, waitMs = 2000) {
    const state = this.versions.get(uri);
    this.versions.delete(uri);
    const waiting = this.diagnostics(uri, 0, { timeoutMs: waitMs }).catch(() => undefined);
    this.connection.sendNotification("textDocument/didClose", { textDocument: { uri } });
    await waiting;
    return state;
  }

  memory() {
    return memoryOf(this.child.pid);
  }

  async stop() {
    if (!this.child || this.child.exitCode !== null) return;
    try {
      await Promise.race([this.connection.sendRequest("shutdown"), sleep(3000)]);
      this.connection.sendNotification("exit");
    } catch {
      // the process may be gone already
    }
    const exited = await Promise.race([this.exited, sleep(3000).then(() => undefined)]);
    if (!exited) this.child.kill("SIGKILL");
    this.connection.dispose();
  }
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export { now };
