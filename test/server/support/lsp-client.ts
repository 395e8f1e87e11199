import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import {
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShowMessageRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgressCreateRequest,
  createProtocolConnection,
  type ClientCapabilities,
  type FileEvent,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Registration,
  type ShowMessageParams,
  type TextDocumentContentChangeEvent,
  type TextDocumentEdit,
  type TextEdit,
  type WorkspaceEdit,
} from "vscode-languageserver-protocol/node";
import { REPO_ROOT, SERVER } from "../../support/paths";

/**
 * A small LSP client for end-to-end tests: starts `node dist/server.js --stdio`, speaks real
 * JSON-RPC to it, records what the server publishes and answers what it asks (configuration,
 * capability registration, progress tokens).
 */

export const CLIENT_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceEdit: { documentChanges: true },
  },
  window: { workDoneProgress: true, showMessage: {} },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
    completion: { completionItem: { snippetSupport: true, documentationFormat: ["markdown", "plaintext"] } },
    hover: { contentFormat: ["markdown", "plaintext"] },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ["quickfix", "source", "source.fixAll"] } },
      isPreferredSupport: true,
    },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    foldingRange: {},
    codeLens: {},
  },
};

/** Builds the bundles once per test run when dist/server.js is missing or older than its sources. */
export function ensureServerBuilt(): void {
  const newest = (dir: string): number => {
    let latest = 0;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) latest = Math.max(latest, newest(full));
      else if (entry.name.endsWith(".ts") || entry.name.endsWith(".json"))
        latest = Math.max(latest, fs.statSync(full).mtimeMs);
    }
    return latest;
  };
  const built = fs.existsSync(SERVER) ? fs.statSync(SERVER).mtimeMs : 0;
  const sources = Math.max(
    newest(path.join(REPO_ROOT, "server", "src")),
    newest(path.join(REPO_ROOT, "core", "src")),
    fs.statSync(path.join(REPO_ROOT, "schemas", "partner-charter.schema.json")).mtimeMs,
  );
  if (built >= sources) return;
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, "scripts", "build.mjs")], {
    cwd: REPO_ROOT,
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`Build failed:\n${result.stdout}\n${result.stderr}`);
}

export function makeWorkspace(files: Record<string, string> = {}): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "pc-lsp-")));
  for (const [name, text] of Object.entries(files)) writeFile(dir, name, text);
  return dir;
}

export function writeFile(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

export function uriOf(file: string): string {
  return pathToFileURL(file).href;
}

/** Applies LSP text edits to a text (edits must not overlap). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = text.split("\n");
  const offset = (line: number, character: number): number => {
    let total = 0;
    for (let i = 0; i < line && i < lines.length; i++) total += lines[i]!.length + 1;
    return total + character;
  };
  const sorted = [...edits].sort(
    (a, b) => offset(b.range.start.line, b.range.start.character) - offset(a.range.start.line, a.range.start.character),
  );
  let result = text;
  for (const edit of sorted) {
    const start = offset(edit.range.start.line, edit.range.start.character);
    const end = offset(edit.range.end.line, edit.range.end.character);
    result = result.slice(0, start) + edit.newText + result.slice(end);
  }
  return result;
}

/** The text edits of a workspace edit for one document (documentChanges or changes). */
export function editsOf(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (!edit) return [];
  if (edit.documentChanges) {
    return (edit.documentChanges as TextDocumentEdit[])
      .filter((change) => change.textDocument.uri === uri)
      .flatMap((change) => change.edits as TextEdit[]);
  }
  return edit.changes?.[uri] ?? [];
}

export interface StartOptions {
  workspace: string;
  settings?: Record<string, unknown>;
  capabilities?: ClientCapabilities;
  /**
   * Sent as `initializationOptions`: settings from clients without `workspace/configuration`, or
   * what our extension sends (`{ clientSnippets, showDocumentationCommand, portfolioChanged }`).
   */
  initializationOptions?: unknown;
  /** Extra arguments for node (e.g. --inspect). */
  nodeArgs?: string[];
}

type Waiter = { check: () => boolean; resolve: () => void };

export class LspClient {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  readonly registrations: Registration[] = [];
  readonly messages: ShowMessageParams[] = [];
  readonly logs: string[] = [];
  readonly progress: { token: string | number; value: unknown }[] = [];
  readonly stderr: string[] = [];
  /** `partnerCharter/portfolioChanged` notifications received. */
  portfolioChanges = 0;
  /** Answers `workspace/configuration`, by section. */
  settings: Record<string, unknown>;
  initializeResult?: InitializeResult;
  exited = false;

  private readonly versions = new Map<string, number>();
  private readonly texts = new Map<string, string>();
  private waiters: Waiter[] = [];

  private constructor(
    readonly process: ChildProcess,
    readonly connection: ProtocolConnection,
    readonly workspace: string,
    settings: Record<string, unknown>,
  ) {
    this.settings = settings;
  }

  get pid(): number {
    return this.process.pid!;
  }

  static async start(options: StartOptions): Promise<LspClient> {
    ensureServerBuilt();
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER, "--stdio"], {
      cwd: options.workspace,
      stdio: ["pipe", "pipe", "pipe"],
    });
    const connection = createProtocolConnection(
      new StreamMessageReader(child.stdout!),
      new StreamMessageWriter(child.stdin!),
    );
    const client = new LspClient(child, connection, options.workspace, { partnerCharter: options.settings ?? {} });
    child.stderr!.on("data", (chunk: Buffer) => client.stderr.push(chunk.toString()));
    child.on("exit", () => {
      client.exited = true;
      client.notify();
    });
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const list = client.diagnostics.get(params.uri) ?? [];
      list.push(params);
      client.diagnostics.set(params.uri, list);
      client.notify();
    });
    connection.onNotification(ShowMessageNotification.type, (params) => {
      client.messages.push(params);
      client.notify();
    });
    connection.onRequest(ShowMessageRequest.type, (params) => {
      client.messages.push(params);
      client.notify();
      return null;
    });
    connection.onNotification(LogMessageNotification.type, (params) => client.logs.push(params.message));
    connection.onNotification("partnerCharter/portfolioChanged", () => {
      client.portfolioChanges++;
      client.notify();
    });
    connection.onNotification("$/progress", (params: { token: string | number; value: unknown }) => {
      client.progress.push(params);
      client.notify();
    });
    connection.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map((item) => (item.section ? (client.settings[item.section] ?? null) : client.settings)),
    );
    connection.onRequest(RegistrationRequest.type, (params) => {
      client.registrations.push(...params.registrations);
      client.notify();
      return null;
    });
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => null);
    connection.listen();
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: uriOf(options.workspace),
      workspaceFolders: [{ uri: uriOf(options.workspace), name: path.basename(options.workspace) }],
      capabilities: options.capabilities ?? CLIENT_CAPABILITIES,
      initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  private notify(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const waiter of waiting) {
      if (waiter.check()) waiter.resolve();
      else this.waiters.push(waiter);
    }
  }

  /** Resolves when `check` holds (checked now and after each message); rejects after `timeoutMs`. */
  waitFor(check: () => boolean, describe: () => string, timeoutMs = 15_000): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        check,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${describe()}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  latestDiagnostics(uri: string): PublishDiagnosticsParams | undefined {
    return this.diagnostics.get(uri)?.at(-1);
  }

  /** Waits until the latest diagnostics published for `uri` satisfy `predicate`. */
  async waitForDiagnostics(
    uri: string,
    predicate: (params: PublishDiagnosticsParams) => boolean = () => true,
    timeoutMs = 15_000,
  ): Promise<PublishDiagnosticsParams> {
    await this.waitFor(
      () => {
        const latest = this.latestDiagnostics(uri);
        return !!latest && predicate(latest);
      },
      () =>
        `diagnostics of ${uri}; latest: ${JSON.stringify(
          this.latestDiagnostics(uri)?.diagnostics.map((d) => `${d.code}@${d.range.start.line}: ${d.message}`) ?? null,
        )}`,
      timeoutMs,
    );
    return this.latestDiagnostics(uri)!;
  }

  text(uri: string): string {
    return this.texts.get(uri) ?? "";
  }

  version(uri: string): number {
    return this.versions.get(uri) ?? 0;
  }

  async open(uri: string, text: string, languageId = "partner-charter"): Promise<void> {
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version: 1, text },
    });
  }

  /** Sends incremental edits (LSP ranges against the current text). */
  async edit(uri: string, edits: readonly TextEdit[]): Promise<number> {
    const version = this.version(uri) + 1;
    this.versions.set(uri, version);
    // Applied one after the other, as the protocol says, so later ranges see earlier edits.
    let text = this.text(uri);
    const contentChanges: TextDocumentContentChangeEvent[] = [];
    for (const edit of edits) {
      text = applyEdits(text, [edit]);
      contentChanges.push({ range: edit.range, text: edit.newText });
    }
    this.texts.set(uri, text);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges,
    });
    return version;
  }

  /** Replaces the whole text through one incremental change covering the document. */
  async replaceAll(uri: string, text: string): Promise<number> {
    const old = this.text(uri).split("\n");
    const end = { line: old.length - 1, character: old[old.length - 1]!.length };
    return this.edit(uri, [{ range: { start: { line: 0, character: 0 }, end }, newText: text }]);
  }

  async close(uri: string): Promise<void> {
    this.texts.delete(uri);
    this.versions.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = { partnerCharter: settings };
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  async filesChanged(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** Resident memory of the server process in kB, from /proc (Linux). */
  rssKb(): number | undefined {
    try {
      const status = fs.readFileSync(`/proc/${this.pid}/status`, "utf8");
      const match = /VmRSS:\s+(\d+)\s+kB/.exec(status);
      return match ? Number(match[1]) : undefined;
    } catch {
      return undefined;
    }
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    try {
      await Promise.race([
        this.connection.sendRequest(ShutdownRequest.type),
        new Promise((resolve) => setTimeout(resolve, 3000)),
      ]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // the server may already be gone
    }
    await Promise.race([
      new Promise<void>((resolve) => (this.exited ? resolve() : this.process.once("exit", () => resolve()))),
      new Promise((resolve) => setTimeout(resolve, 3000)),
    ]);
    if (!this.exited) this.process.kill();
    this.connection.dispose();
  }
}
