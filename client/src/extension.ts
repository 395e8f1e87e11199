import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { ACTIVE_CONTEXT_KEY, COMMANDS, OUTPUT_CHANNEL, isCharterDocument } from "./constants";
import { exportHtml } from "./export-html";
import { newCharter, type NewCharterArgs } from "./new-charter";
import { PreviewManager, type CharterPreview, type ModelSource } from "./preview";
import type { CharterView, ValidateWorkspaceResult } from "./protocol";
import { createLanguageClient, requestModel, requestWorkspaceValidation, type CrashPolicy } from "./server-client";
import { CharterStatusBar } from "./status-bar";

/**
 * The VS Code extension: a thin adapter that starts the language server (dist/server.js) and
 * adds what only an editor can do: the preview, the status bar item and the commands.
 */

/** What `activate` returns: used by the end-to-end tests and open to other extensions. */
export interface PartnerCharterApi {
  readonly client: LanguageClient;
  readonly ready: Promise<void>;
  getModel(uri: vscode.Uri): Promise<CharterView | null>;
  getPreview(uri: vscode.Uri): CharterPreview | undefined;
  statusBarText(): string | undefined;
}

let client: LanguageClient | undefined;

function targetUri(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === "string") return vscode.Uri.parse(arg);
  const editor = vscode.window.activeTextEditor;
  return isCharterDocument(editor?.document) ? editor!.document.uri : undefined;
}

export async function activate(context: vscode.ExtensionContext): Promise<PartnerCharterApi> {
  const output = vscode.window.createOutputChannel(OUTPUT_CHANNEL);
  let restartChoicePending = false;
  const notify = (message: string, canRestart: boolean): void => {
    output.appendLine(`[client] ${message}`);
    if (!canRestart) {
      void vscode.window.showWarningMessage(message);
      return;
    }
    if (restartChoicePending) return;
    restartChoicePending = true;
    void vscode.window.showErrorMessage(message, "Restart Server", "Show Output").then((choice) => {
      restartChoicePending = false;
      if (choice === "Restart Server") void vscode.commands.executeCommand(COMMANDS.restartServer);
      else if (choice === "Show Output") output.show(true);
    });
  };
  const connection = createLanguageClient(context, output, notify);
  client = connection.client;
  const crashPolicy: CrashPolicy = connection.crashPolicy;
  const languageClient = connection.client;

  // Until the server is up, model requests wait for it (they are made from timers and events).
  let ready: Promise<void> = Promise.resolve();
  const models: ModelSource = async (uri) => {
    if (!languageClient.isRunning()) await ready;
    return requestModel(languageClient, uri);
  };
  const previewManager = new PreviewManager(context.extensionUri, models);
  const statusBar = new CharterStatusBar(models);
  ready = languageClient.start().then(
    () => {
      output.appendLine("[client] language server started");
      previewManager.refreshAll();
      statusBar.schedule(0);
    },
    (error: unknown) => {
      const message = `The Partner Charter language server could not start: ${(error as Error)?.message ?? error}`;
      output.appendLine(`[client] ${message}`);
      void vscode.window.showErrorMessage(message, "Show Output").then((choice) => {
        if (choice) output.show(true);
      });
    },
  );

  const openPreview = (toSide: boolean) => (arg?: unknown) => {
    const uri = targetUri(arg);
    if (!uri) {
      void vscode.window.showInformationMessage("Open a partner charter (*.partner.yaml) to preview it.");
      return undefined;
    }
    previewManager.open(uri, toSide);
    return uri;
  };

  context.subscriptions.push(
    output,
    previewManager,
    statusBar,
    vscode.commands.registerCommand(COMMANDS.openPreview, openPreview(false)),
    vscode.commands.registerCommand(COMMANDS.openPreviewToSide, openPreview(true)),
    vscode.commands.registerCommand(
      COMMANDS.validateWorkspace,
      async (): Promise<ValidateWorkspaceResult | undefined> => {
        await ready;
        let result: ValidateWorkspaceResult;
        try {
          result = await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Window, title: "Validating partner charters…" },
            () => requestWorkspaceValidation(languageClient),
          );
        } catch (error) {
          void vscode.window.showErrorMessage(
            `Partner Charter: workspace validation failed: ${(error as Error).message}`,
          );
          return undefined;
        }
        await vscode.commands.executeCommand("workbench.actions.view.problems");
        vscode.window.setStatusBarMessage(
          `Partner Charter: ${result.files} charter(s) validated, ${result.errors} error(s), ${result.warnings} warning(s)`,
          8000,
        );
        return result;
      },
    ),
    vscode.commands.registerCommand(COMMANDS.newCharter, (args?: NewCharterArgs) =>
      newCharter(args && typeof args === "object" && !(args instanceof vscode.Uri) ? args : {}),
    ),
    vscode.commands.registerCommand(COMMANDS.exportHtml, (source?: unknown, target?: vscode.Uri | string) =>
      exportHtml(models, targetUri(source), target),
    ),
    vscode.commands.registerCommand(COMMANDS.restartServer, async () => {
      crashPolicy.reset();
      output.appendLine("[client] restarting the language server");
      try {
        if (languageClient.needsStop()) await languageClient.restart();
        else await languageClient.start();
      } catch (error) {
        void vscode.window.showErrorMessage(
          `Partner Charter: restarting the server failed: ${(error as Error).message}`,
        );
        return;
      }
      previewManager.refreshAll();
      statusBar.schedule(0);
      vscode.window.setStatusBarMessage("Partner Charter: language server restarted", 4000);
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration("partnerCharter")) {
        previewManager.refreshAll();
        statusBar.schedule();
      }
    }),
  );
  void vscode.commands.executeCommand("setContext", ACTIVE_CONTEXT_KEY, true);

  return {
    client: languageClient,
    ready,
    getModel: models,
    getPreview: (uri) => previewManager.get(uri),
    statusBarText: () => statusBar.item.text || undefined,
  };
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop().catch(() => undefined);
  client = undefined;
}
