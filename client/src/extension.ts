import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import {
  registerFileCommands,
  registerPortfolio,
  registerPreviewCommands,
  registerRestart,
  registerShowRuleDocumentation,
  registerReviewCommands,
  registerValidateWorkspace,
  watchSettings,
  type CommandContext,
} from "./commands";
import { ACTIVE_CONTEXT_KEY, OUTPUT_CHANNEL } from "./constants";
import { serverNotifier } from "./notify";
import { PreviewManager, type CharterPreview, type ModelSource } from "./preview";
import type { CharterView } from "./protocol";
import { createLanguageClient, requestModel } from "./server-client";
import type { PartnershipsSnapshot } from "./partnerships";
import { CharterStatusBar } from "./status-bar";

/**
 * The VS Code extension: a thin adapter that starts the language server (dist/server.js) and
 * adds what only an editor can do: the preview, the status bar item and the commands
 * (commands.ts, one registration per feature).
 */

/** What `activate` returns: used by the end-to-end tests and open to other extensions. */
export interface PartnerCharterApi {
  readonly client: LanguageClient;
  readonly ready: Promise<void>;
  getModel(uri: vscode.Uri): Promise<CharterView | null>;
  getPreview(uri: vscode.Uri): CharterPreview | undefined;
  statusBarText(): string | undefined;
  /** The Partnerships view as drawn now (groups and items). */
  partnerships(): PartnershipsSnapshot;
  /** The dashboard's current page, when it is open. */
  dashboardHtml(): string | undefined;
}

let client: LanguageClient | undefined;

/** Starts the server; once it is up, what shows findings is drawn again. */
function startServer(
  languageClient: LanguageClient,
  output: vscode.OutputChannel,
  onStarted: () => void,
): Promise<void> {
  return languageClient.start().then(
    () => {
      output.appendLine("[client] language server started");
      onStarted();
    },
    (error: unknown) => {
      const message = `The Partner Charter language server could not start: ${(error as Error)?.message ?? error}`;
      output.appendLine(`[client] ${message}`);
      void vscode.window.showErrorMessage(message, "Show Output").then((choice) => {
        if (choice) output.show(true);
      });
    },
  );
}

export async function activate(context: vscode.ExtensionContext): Promise<PartnerCharterApi> {
  const output = vscode.window.createOutputChannel(OUTPUT_CHANNEL);
  // A code lens opens the preview beside the charter, at the section with the lens's facts.
  const connection = createLanguageClient(context, output, serverNotifier(output), (lens) =>
    previews.open(vscode.Uri.parse(lens.uri), true).showSection(lens.section),
  );
  const languageClient = connection.client;
  client = languageClient;

  // Until the server is up, requests wait for it (they are made from timers and events).
  let ready: Promise<void> = Promise.resolve();
  const models: ModelSource = async (uri) => {
    if (!languageClient.isRunning()) await ready;
    return requestModel(languageClient, uri);
  };
  const previews = new PreviewManager(context.extensionUri, models);
  const statusBar = new CharterStatusBar(models);
  ready = startServer(languageClient, output, () => {
    previews.refreshAll();
    statusBar.schedule(0);
  });

  const commands: CommandContext = {
    client: languageClient,
    ready: () => ready,
    models,
    previews,
    statusBar,
    output,
    crashPolicy: connection.crashPolicy,
  };
  const portfolio = registerPortfolio(commands);
  context.subscriptions.push(
    ...portfolio.disposables,
    output,
    previews,
    statusBar,
    ...registerPreviewCommands(commands),
    registerValidateWorkspace(commands),
    ...registerFileCommands(commands),
    ...registerReviewCommands(commands),
    registerRestart(commands),
    registerShowRuleDocumentation(),
    watchSettings(commands),
  );
  void vscode.commands.executeCommand("setContext", ACTIVE_CONTEXT_KEY, true);

  return {
    client: languageClient,
    ready,
    getModel: models,
    getPreview: (uri) => previews.get(uri),
    statusBarText: () => statusBar.item.text || undefined,
    partnerships: () => portfolio.view.snapshot(),
    dashboardHtml: () => portfolio.dashboard.currentHtml,
  };
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop().catch(() => undefined);
  client = undefined;
}
