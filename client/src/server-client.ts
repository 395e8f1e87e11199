import * as vscode from "vscode";
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from "vscode-languageclient/node";
import { SHOW_SECTION_COMMAND, type ShowSectionArgs } from "../../core/src/navigation/lenses";
import { CHARTER_FILES, CONFIG_FILES, PROGRAM_FILES } from "../../core/src/workspace/file-kinds";
import { LANGUAGE_ID } from "./constants";
import {
  DIFF_REQUEST,
  MODEL_REQUEST,
  SIGN_REQUEST,
  VALIDATE_WORKSPACE_REQUEST,
  type DiffParams,
  type DiffResponse,
  type ModelResult,
  type SignParams,
  type SignResponse,
  type ValidateWorkspaceResult,
} from "./protocol";
import { PORTFOLIO_REQUEST, type PortfolioParams, type PortfolioResponse } from "../../core/src/portfolio/protocol";

/** Restarts allowed after crashes within the window below; one more and the server stays down. */
export const MAX_RESTARTS = 5;
export const RESTART_WINDOW_MS = 3 * 60 * 1000;

/**
 * Restarts the server after a crash, at most MAX_RESTARTS times within RESTART_WINDOW_MS, and
 * tells the user each time (the languageclient's own messages are suppressed with `handled`).
 */
export class CrashPolicy implements ErrorHandler {
  private readonly crashes: number[] = [];

  constructor(
    private readonly notify: (message: string, canRestart: boolean) => void,
    private readonly now: () => number = Date.now,
  ) {}

  error(_error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    // A few malformed messages are survivable; a stream of them means the connection is gone.
    return count !== undefined && count <= 3
      ? { action: ErrorAction.Continue, handled: true }
      : { action: ErrorAction.Shutdown, handled: true };
  }

  closed(): CloseHandlerResult {
    const now = this.now();
    this.crashes.push(now);
    while (this.crashes.length && now - this.crashes[0]! > RESTART_WINDOW_MS) this.crashes.shift();
    if (this.crashes.length <= MAX_RESTARTS) {
      this.notify(
        `The Partner Charter language server stopped unexpectedly and is being restarted (${this.crashes.length} of ${MAX_RESTARTS} restarts allowed in 3 minutes).`,
        false,
      );
      return { action: CloseAction.Restart, handled: true };
    }
    this.notify(
      `The Partner Charter language server crashed ${this.crashes.length} times in 3 minutes and will not be restarted. See the "Partner Charter" output for details.`,
      true,
    );
    return { action: CloseAction.DoNotRestart, handled: true };
  }

  /** A manual restart starts a fresh budget. */
  reset(): void {
    this.crashes.length = 0;
  }
}

export interface ServerConnection {
  client: LanguageClient;
  crashPolicy: CrashPolicy;
}

/**
 * `showSection`: a code lens's command (SHOW_SECTION_COMMAND, core/src/navigation/lenses.ts),
 * which VS Code runs as "open the preview at that section" instead of asking the server.
 */
export function createLanguageClient(
  context: vscode.ExtensionContext,
  output: vscode.OutputChannel,
  notify: (message: string, canRestart: boolean) => void,
  showSection: (args: ShowSectionArgs) => void,
): ServerConnection {
  const serverModule = context.asAbsolutePath("dist/server.js");
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      // Attach a debugger to the server with "Attach to Node process" on this port.
      options: { execArgv: ["--nolazy", "--inspect=6009"] },
    },
  };
  const crashPolicy = new CrashPolicy(notify);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }],
    synchronize: {
      // The server reads the `partnerCharter` settings; config files and charters on disk
      // change its results (rules, duplicate ids, workspace validation).
      configurationSection: "partnerCharter",
      fileEvents: [CONFIG_FILES.glob, CHARTER_FILES.glob, PROGRAM_FILES.glob].map((glob) =>
        vscode.workspace.createFileSystemWatcher(glob),
      ),
    },
    // The extension contributes snippets/partner-charter.json (the server then offers no snippet
    // of its own) and implements "Show documentation for RULE" (commands.ts).
    // The extension contributes the snippets and opens rule pages itself; the Partnerships view
    // and the dashboard redraw when the server says the portfolio changed.
    initializationOptions: { clientSnippets: true, showDocumentationCommand: true, portfolioChanged: true },
    outputChannel: output,
    traceOutputChannel: output,
    errorHandler: crashPolicy,
    middleware: {
      executeCommand: (command, args, next) => {
        const lens = args[0] as ShowSectionArgs | undefined;
        if (command !== SHOW_SECTION_COMMAND || typeof lens?.uri !== "string") return next(command, args);
        showSection(lens);
        return undefined;
      },
    },
  };
  // The id "partnerCharter" makes the client honour the `partnerCharter.trace.server` setting.
  const client = new LanguageClient("partnerCharter", "Partner Charter Language Server", serverOptions, clientOptions);
  return { client, crashPolicy };
}

export function requestModel(client: LanguageClient, uri: vscode.Uri): Promise<ModelResult> {
  return client.sendRequest<ModelResult>(MODEL_REQUEST, { uri: uri.toString() });
}

export function requestPortfolio(client: LanguageClient, params: PortfolioParams = {}): Promise<PortfolioResponse> {
  return client.sendRequest<PortfolioResponse>(PORTFOLIO_REQUEST, params);
}

export function requestWorkspaceValidation(client: LanguageClient): Promise<ValidateWorkspaceResult> {
  return client.sendRequest<ValidateWorkspaceResult>(VALIDATE_WORKSPACE_REQUEST, {});
}

export function requestSign(client: LanguageClient, params: SignParams): Promise<SignResponse> {
  return client.sendRequest<SignResponse>(SIGN_REQUEST, params);
}

export function requestDiff(client: LanguageClient, params: DiffParams): Promise<DiffResponse> {
  return client.sendRequest<DiffResponse>(DIFF_REQUEST, params);
}
