import "./memory"; // first: before any work allocates
import * as path from "node:path";
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  InitializeRequest,
  FileChangeType,
  MessageType,
  ProposedFeatures,
  ResponseError,
  ShowMessageNotification,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type CancellationToken,
  type ClientCapabilities,
  type InitializeParams,
  type InitializeResult,
  type Message,
  type MessageStrategy,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { DEFAULT_HORIZON, isRecord, type Finding } from "../../core/src";
import { SHOW_SECTION_COMMAND } from "../../core/src/navigation";
import {
  WORKSPACE_GLOBS,
  isCharterFileName,
  isConfigFileName,
  isInSkippedFolder,
  isProgramFileName,
} from "../../core/src/workspace";
import { Charters } from "./charters";
import { toDiagnostic } from "./convert";
import { FIX_ALL_KIND, Features, type ClientSupport } from "./features";
import { REFUSED_METHOD, Lifecycle, refuse, throwIfCancelled } from "./lifecycle";
import { DIFF_REQUEST, ReviewRequests, SIGN_REQUEST } from "./review";
import { DEBOUNCE_MS } from "./open-scheduler";
import { pushedSettingsOf, readSettings } from "./settings";
import { baseName, uriToPath } from "./uris";
import {
  PORTFOLIO_CHANGED_NOTIFICATION,
  PORTFOLIO_NOTIFY_MS,
  PORTFOLIO_REQUEST,
} from "../../core/src/portfolio/protocol";
import { workDoneProgress } from "./work-done-progress";

/**
 * The Partner Charter language server: a thin adapter from LSP to the editor-free core.
 * Runs over `--stdio`, `--node-ipc` or `--socket=PORT` (chosen by vscode-languageserver).
 */

declare const PARTNER_CHARTER_VERSION: string | undefined;
const VERSION = typeof PARTNER_CHARTER_VERSION === "string" ? PARTNER_CHARTER_VERSION : "0.0.0-dev";

/**
 * Parameters that are not an object (`"params": null`, a number) are removed before a message
 * is dispatched: the request is then answered InvalidParams (-32602) by its handler or by the
 * protocol library, which would otherwise fail reading `params.workDoneToken` (-32603). An
 * `initialize` whose capabilities are not an object is treated the same way.
 */
const messageStrategy: MessageStrategy = {
  handleMessage(message: Message, next: (message: Message) => void) {
    const { params, method } = message as { params?: unknown; method?: unknown };
    const malformed =
      params !== undefined &&
      (!isRecord(params) || (method === InitializeRequest.method && !isRecord(params.capabilities)));
    if (typeof method === "string" && malformed) {
      const { params: _dropped, ...rest } = message as Message & { params?: unknown };
      next(rest as Message);
    } else next(message);
  },
};

const lifecycle = new Lifecycle();
const connection = createConnection(ProposedFeatures.all, { messageStrategy: lifecycle.strategy(messageStrategy) });
connection.onRequest(REFUSED_METHOD, refuse);
const documents = new TextDocuments(TextDocument);

let capabilities: ClientCapabilities = {};
let pushedSettings: unknown;
let lastSettingsProblems = "";
/** The client asked for `partnerCharter/portfolioChanged` notifications (initializationOptions). */
let portfolioNotifications = false;
let portfolioTimer: NodeJS.Timeout | undefined;

/** Tells the client the portfolio changed, at most every 250 ms (a workspace pass changes many). */
function portfolioChanged(): void {
  if (!portfolioNotifications || portfolioTimer) return;
  portfolioTimer = setTimeout(() => {
    portfolioTimer = undefined;
    void connection.sendNotification(PORTFOLIO_CHANGED_NOTIFICATION).catch(() => undefined);
  }, PORTFOLIO_NOTIFY_MS);
}

const log = (message: string): void => connection.console.log(message);
const logError = (message: string): void => connection.console.error(message);

process.on("unhandledRejection", (reason) =>
  logError(`Unhandled rejection: ${(reason as Error)?.stack ?? String(reason)}`),
);
process.on("uncaughtException", (error) => logError(`Uncaught exception: ${error.stack ?? String(error)}`));

/** A charter or a program file: both are validated (each as its own kind). */
function isCharterDocument(document: TextDocument): boolean {
  const name = baseName(document.uri);
  return document.languageId === "partner-charter" || isCharterFileName(name) || isProgramFileName(name);
}

function isConfigDocument(uri: string): boolean {
  return isConfigFileName(baseName(uri));
}

const charters = new Charters(
  documents,
  {
    publish(uri: string, findings: readonly Finding[], version?: number) {
      void connection
        .sendDiagnostics({
          uri,
          version,
          diagnostics: findings.map((finding) => toDiagnostic(finding, uri, clientSupport())),
        })
        .catch((error: unknown) => logError(`Publishing diagnostics for ${uri} failed: ${String(error)}`));
    },
    log,
    error: logError,
    portfolioChanged,
  },
  workDoneProgress(connection, () => capabilities.window?.workDoneProgress ?? false),
);

/** The client brings its own snippets (our VS Code extension): the server offers none. */
let clientSnippets = false;
/** The client implements "Show documentation for RULE" (our VS Code extension). */
let showDocumentationCommand = false;
const clientSupport = (): ClientSupport => ({
  snippets: capabilities.textDocument?.completion?.completionItem?.snippetSupport ?? false,
  clientSnippets,
  showDocumentationCommand,
  codeActionLiterals: capabilities.textDocument?.codeAction?.codeActionLiteralSupport !== undefined,
  relatedInformation: capabilities.textDocument?.publishDiagnostics?.relatedInformation ?? false,
  codeDescription: capabilities.textDocument?.publishDiagnostics?.codeDescriptionSupport ?? false,
  documentChanges: capabilities.workspace?.workspaceEdit?.documentChanges ?? false,
  hierarchicalSymbols: capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport ?? false,
  foldingLimit: capabilities.textDocument?.foldingRange?.rangeLimit,
});

const features = new Features(charters, (uri) => documents.get(uri), isCharterDocument, clientSupport);
const review = new ReviewRequests(charters, (uri) => documents.get(uri));

/**
 * Runs a request handler; unexpected errors become an LSP error response, never a crash. A
 * request the client cancelled is answered RequestCancelled (-32800): before it runs when the
 * cancellation came first, and instead of its result when it came while it ran.
 */
function guarded<R>(
  name: string,
  handler: (params: unknown, token: CancellationToken) => R | Promise<R>,
): (params: unknown, token: CancellationToken) => Promise<R> {
  return async (params: unknown, token: CancellationToken) => {
    try {
      throwIfCancelled(token, name);
      const result = await handler(params, token);
      throwIfCancelled(token, name);
      return result;
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      logError(`${name} failed: ${(error as Error)?.stack ?? String(error)}`);
      throw new ResponseError(
        ErrorCodes.InternalError,
        `Partner Charter could not answer ${name}: ${(error as Error)?.message ?? String(error)}`,
      );
    }
  };
}

/** Runs a notification handler; errors are logged. */
function safely<P>(name: string, handler: (params: P) => void | Promise<void>): (params: P) => void {
  return (params: P) => {
    try {
      const done = handler(params);
      if (done instanceof Promise)
        done.catch((error: unknown) => logError(`${name} failed: ${(error as Error)?.stack ?? String(error)}`));
    } catch (error) {
      logError(`${name} failed: ${(error as Error)?.stack ?? String(error)}`);
    }
  };
}

// -----------------------------------------------------------------------------------------
// Lifecycle

connection.onInitialize((params: InitializeParams): InitializeResult => {
  lifecycle.initialized();
  capabilities = params.capabilities ?? {};
  const roots: string[] = [];
  for (const folder of params.workspaceFolders ?? []) {
    const file = uriToPath(folder.uri);
    if (file) roots.push(file);
  }
  if (roots.length === 0 && params.rootUri) {
    const file = uriToPath(params.rootUri);
    if (file) roots.push(file);
  } else if (roots.length === 0 && params.rootPath) roots.push(params.rootPath);
  charters.folders.set(roots);
  const options = params.initializationOptions;
  // `initializationOptions.settings`, else the options themselves (Helix), each bare or nested.
  pushedSettings = pushedSettingsOf(isRecord(options) && "settings" in options ? options.settings : options);
  portfolioNotifications = isRecord(options) && options.portfolioChanged === true;
  clientSnippets = isRecord(options) && options.clientSnippets === true;
  showDocumentationCommand = isRecord(options) && options.showDocumentationCommand === true;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      completionProvider: { triggerCharacters: [":", " "], resolveProvider: false },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
      documentSymbolProvider: { label: "Partner Charter" },
      foldingRangeProvider: true,
      codeLensProvider: { resolveProvider: false },
      executeCommandProvider: { commands: [SHOW_SECTION_COMMAND] },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: "Partner Charter", version: VERSION },
  };
});

connection.onInitialized(
  safely("initialized", async () => {
    // Registrations are not awaited: a client slow to answer must not delay the first check.
    const registrationFailed = (error: unknown): void => logError(`Registration failed: ${String(error)}`);
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      connection.client
        .register(DidChangeWatchedFilesNotification.type, {
          watchers: WORKSPACE_GLOBS.map((globPattern) => ({ globPattern })),
        })
        .catch(registrationFailed);
    }
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      connection.client
        .register(DidChangeConfigurationNotification.type, { section: "partnerCharter" })
        .catch(registrationFailed);
    }
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(
        safely("workspace folders change", async (event) => {
          const paths = (folders: { uri: string }[]): (string | undefined)[] =>
            folders.map((folder) => uriToPath(folder.uri));
          charters.folders.change(paths(event.added), paths(event.removed));
          await validateWorkspace();
        }),
      );
    }
    await refreshSettings();
    await validateWorkspace();
  }),
);

connection.onShutdown(() => {
  charters.dispose();
});

// -----------------------------------------------------------------------------------------
// Settings

let settingsChain: Promise<void> = Promise.resolve();

/**
 * The settings: asked of the client when it answers `workspace/configuration`; what it pushed
 * (initialization options, configuration changes) when it cannot or has none for our section
 * (Neovim answers `null` for a section it was not given).
 */
async function pullSettings(): Promise<unknown> {
  if (capabilities.workspace?.configuration) {
    const pulled = (await connection.workspace.getConfiguration({ section: "partnerCharter" })) as unknown;
    if (isRecord(pulled) || pushedSettings === undefined) return pulled;
  }
  return pushedSettings;
}

/** Reads the settings again and applies them (serialised: the latest read wins). */
function refreshSettings(): Promise<void> {
  settingsChain = settingsChain.then(async () => {
    let raw: unknown;
    try {
      raw = await pullSettings();
    } catch (error) {
      logError(`Reading the partnerCharter settings failed: ${String(error)}`);
      return;
    }
    const { settings, problems } = readSettings(raw);
    const summary = problems.join("\n");
    if (summary && summary !== lastSettingsProblems) {
      const shown = problems.slice(0, 3).join(" ");
      const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : "";
      void connection.sendNotification(ShowMessageNotification.type, {
        type: MessageType.Warning,
        message: `Partner Charter settings: ${shown}${more}`,
      });
    }
    lastSettingsProblems = summary;
    if (charters.applySettings(settings)) {
      // Validation was just turned on: search again, in the background.
      validateWorkspace().catch((error: unknown) => logError(`Workspace validation failed: ${String(error)}`));
    }
  });
  // A failure is logged and never blocks the next settings change.
  settingsChain = settingsChain.catch((error: unknown) =>
    logError(`Applying the partnerCharter settings failed: ${(error as Error)?.stack ?? String(error)}`),
  );
  return settingsChain;
}

connection.onDidChangeConfiguration(
  safely("configuration change", async (params) => {
    // VS Code sends `settings: null` (its settings are pulled); other clients push them here.
    const pushed = pushedSettingsOf(isRecord(params) ? params.settings : undefined);
    if (pushed) pushedSettings = pushed;
    await refreshSettings();
  }),
);

// -----------------------------------------------------------------------------------------
// Workspace

let firstPassDone: () => void = () => undefined;
/** The latest workspace validation (the first one from the start): the portfolio waits for it. */
let workspacePass: Promise<void> = new Promise((resolve) => (firstPassDone = resolve));

function validateWorkspace(token?: CancellationToken): Promise<void> {
  const pass = (async () => {
    if (!charters.enabled) return;
    const started = Date.now();
    const found = await charters.folders.scan();
    if (token?.isCancellationRequested) return;
    await charters.validateWorkspace(found, token);
    if (charters.settings.trace === "verbose") {
      log(`Checked ${found.charters.length} charters in ${Date.now() - started} ms.`);
    }
  })();
  workspacePass = pass.catch(() => undefined);
  void workspacePass.then(firstPassDone);
  return pass;
}

connection.onDidChangeWatchedFiles(
  safely("watched files change", async (params) => {
    let configsChanged = false;
    const changed: { uri: string; file: string }[] = [];
    for (const change of params?.changes ?? []) {
      if (!change || typeof change.uri !== "string") continue;
      const file = uriToPath(change.uri);
      if (!file || isInSkippedFolder(file)) continue;
      const name = path.basename(file);
      if (isConfigFileName(name)) {
        configsChanged = true;
        if (change.type === FileChangeType.Deleted) charters.configs.known.delete(file);
        else charters.configs.known.add(file);
      } else if (isCharterFileName(name) || isProgramFileName(name)) {
        if (change.type === FileChangeType.Deleted) charters.fileDeleted(change.uri);
        else if (!charters.isOpen(change.uri)) changed.push({ uri: change.uri, file });
      }
    }
    if (changed.length > 0) {
      // The same files the workspace search skips: ignored by .gitignore.
      const ignored = await charters.folders.gitIgnored(changed.map((c) => c.file));
      for (const { uri, file } of changed) {
        if (ignored(file)) charters.fileDeleted(uri);
        else charters.fileChanged(uri);
      }
    }
    // Any config file change can change the rules of every charter below it.
    if (configsChanged) charters.configChanged();
  }),
);

// -----------------------------------------------------------------------------------------
// Documents

const settingsTimers = new Map<string, NodeJS.Timeout>();

/**
 * A file that sets how charters are checked (a config or a program file) changed in the editor:
 * `apply` runs once typing pauses, one timer per file.
 */
function onceTypingPauses(uri: string, apply: (file: string) => void): void {
  const file = uriToPath(uri);
  if (!file) return;
  clearTimeout(settingsTimers.get(file));
  settingsTimers.set(
    file,
    setTimeout(() => {
      settingsTimers.delete(file);
      try {
        apply(file);
      } catch (error) {
        logError(`Applying ${file} failed: ${(error as Error)?.stack ?? String(error)}`);
      }
    }, DEBOUNCE_MS),
  );
}

function configEdited(uri: string): void {
  onceTypingPauses(uri, (file) => charters.configChanged(file));
}

/** A program file's text changed in the editor: its charters are checked again once typing pauses. */
function programEdited(uri: string): void {
  onceTypingPauses(uri, (file) => charters.programChanged(file));
}

documents.onDidOpen(
  safely("open", (event) => {
    if (isCharterDocument(event.document)) charters.opened(event.document.uri);
  }),
);

documents.onDidChangeContent(
  safely("change", (event) => {
    const uri = event.document.uri;
    if (isCharterDocument(event.document)) {
      if (charters.isOpen(uri)) charters.changed(uri);
      else charters.opened(uri);
      if (isProgramFileName(baseName(uri))) programEdited(uri);
    } else if (isConfigDocument(uri)) configEdited(uri);
  }),
);

documents.onDidClose(
  safely("close", (event) => {
    const uri = event.document.uri;
    if (charters.isOpen(uri)) {
      // A charter of the workspace goes back to its text on disk; anything else is forgotten.
      const file = uriToPath(uri);
      const program = isProgramFileName(baseName(uri));
      charters.closed(uri, !!file && (isCharterFileName(baseName(uri)) || program) && charters.folders.contains(file));
      if (file && program) charters.programChanged(file); // the text on disk applies again
    } else if (isConfigDocument(uri)) {
      const file = uriToPath(uri);
      if (!file) return;
      clearTimeout(settingsTimers.get(file));
      settingsTimers.delete(file);
      charters.configChanged(file); // the text on disk applies again
    }
  }),
);

// -----------------------------------------------------------------------------------------
// Requests

connection.onCompletion(guarded("completion", (params) => features.completion(params)));
connection.onHover(guarded("hover", (params) => features.hover(params)));
connection.onCodeAction(guarded("code actions", (params) => features.codeActions(params)));
connection.onDocumentSymbol(guarded("document symbols", (params) => features.documentSymbols(params)));
connection.onFoldingRanges(guarded("folding ranges", (params) => features.foldingRanges(params)));
connection.onCodeLens(guarded("code lens", (params) => features.codeLenses(params)));
// A lens's command: reveals the lens's line where the client can show a document; changes nothing.
connection.onExecuteCommand(
  guarded("execute command", async (params) => {
    const { uri, range } = features.showSectionArgs(params);
    if (capabilities.window?.showDocument?.support) {
      await connection.window.showDocument({ uri, selection: range, takeFocus: true });
    }
    return null;
  }),
);

connection.onRequest(
  "partnerCharter/model",
  guarded("partnerCharter/model", (params) => features.model(params)),
);

connection.onRequest(
  SIGN_REQUEST,
  guarded(SIGN_REQUEST, (params) => review.sign(params)),
);
connection.onRequest(
  DIFF_REQUEST,
  guarded(DIFF_REQUEST, (params) => review.diff(params)),
);

connection.onRequest(
  "partnerCharter/validateWorkspace",
  guarded("partnerCharter/validateWorkspace", async (_params, token) => {
    if (!charters.enabled) return { ...charters.totals(), errors: 0, warnings: 0 };
    await validateWorkspace(token);
    return charters.totals();
  }),
);

connection.onRequest(
  PORTFOLIO_REQUEST,
  guarded(PORTFOLIO_REQUEST, async (params) => {
    const horizon = isRecord(params) ? params.horizon : undefined;
    if (horizon !== undefined && !(Number.isInteger(horizon) && (horizon as number) >= 0)) {
      throw new ResponseError(ErrorCodes.InvalidParams, "Expected params.horizon: a whole number of days ≥ 0.");
    }
    await workspacePass;
    return charters.portfolio((horizon as number | undefined) ?? DEFAULT_HORIZON);
  }),
);

documents.listen(connection);
connection.listen();
