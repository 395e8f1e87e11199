import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { compareWithHead } from "./compare-head";
import { SHOW_RULE_DOCUMENTATION_COMMAND } from "../../core/src/model/editor-commands";
import { COMMANDS, isCharterDocument } from "./constants";
import { exportHtml } from "./export-html";
import { newCharter, type NewCharterArgs } from "./new-charter";
import type { ModelSource, PreviewManager } from "./preview";
import type { ValidateWorkspaceResult } from "./protocol";
import { chooseGrouping, openCharterAt, PARTNERSHIPS_VIEW, PartnershipsView, PortfolioDashboard } from "./partnerships";
import { PORTFOLIO_CHANGED_NOTIFICATION } from "../../core/src/portfolio/protocol";
import {
  requestDiff,
  requestPortfolio,
  requestSign,
  requestWorkspaceValidation,
  type CrashPolicy,
} from "./server-client";
import { signCharter, type SignCharterArgs } from "./sign-charter";
import type { CharterStatusBar } from "./status-bar";

/**
 * The extension's commands, one registration per feature. Each takes what it needs from the
 * context; `ready` resolves once the language server is up (requests wait for it).
 */

export interface CommandContext {
  client: LanguageClient;
  ready: () => Promise<void>;
  models: ModelSource;
  previews: PreviewManager;
  statusBar: CharterStatusBar;
  output: vscode.OutputChannel;
  crashPolicy: CrashPolicy;
}

/** The charter a command is for: its argument (a Uri or a string), else the active charter editor. */
export function targetUri(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === "string") return vscode.Uri.parse(arg);
  const editor = vscode.window.activeTextEditor;
  return isCharterDocument(editor?.document) ? editor!.document.uri : undefined;
}

export function registerPreviewCommands({ previews }: CommandContext): vscode.Disposable[] {
  const open = (toSide: boolean) => (arg?: unknown) => {
    const uri = targetUri(arg);
    if (!uri) {
      void vscode.window.showInformationMessage("Open a partner charter (*.partner.yaml) to preview it.");
      return undefined;
    }
    previews.open(uri, toSide);
    return uri;
  };
  return [
    vscode.commands.registerCommand(COMMANDS.openPreview, open(false)),
    vscode.commands.registerCommand(COMMANDS.openPreviewToSide, open(true)),
  ];
}

export function registerValidateWorkspace({ client, ready }: CommandContext): vscode.Disposable {
  return vscode.commands.registerCommand(
    COMMANDS.validateWorkspace,
    async (): Promise<ValidateWorkspaceResult | undefined> => {
      await ready();
      let result: ValidateWorkspaceResult;
      try {
        result = await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Window, title: "Validating partner charters…" },
          () => requestWorkspaceValidation(client),
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
  );
}

export function registerFileCommands({ models, previews }: CommandContext): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMANDS.newCharter, (args?: NewCharterArgs) =>
      newCharter(args && typeof args === "object" && !(args instanceof vscode.Uri) ? args : {}),
    ),
    vscode.commands.registerCommand(COMMANDS.exportHtml, (source?: unknown, target?: vscode.Uri | string) => {
      const uri = targetUri(source);
      // The page the preview shows is the page exported.
      return exportHtml(models, uri, target, (uri && previews.get(uri)?.audience) || "internal");
    }),
  ];
}

/** Sign Charter… and Compare with Git HEAD: reviewing a charter from the editor. */
export function registerReviewCommands({ client, ready, models }: CommandContext): vscode.Disposable[] {
  const whenReady =
    <P, R>(request: (client: LanguageClient, params: P) => Promise<R>) =>
    async (params: P): Promise<R> => {
      await ready();
      return request(client, params);
    };
  return [
    vscode.commands.registerCommand(COMMANDS.signCharter, (source?: unknown, args?: SignCharterArgs) =>
      signCharter(whenReady(requestSign), models, targetUri(source), args && typeof args === "object" ? args : {}),
    ),
    vscode.commands.registerCommand(COMMANDS.compareWithHead, (source?: unknown) =>
      compareWithHead(whenReady(requestDiff), targetUri(source)),
    ),
  ];
}

/** "Show documentation for RULE" (a code action): the shipped page, in VS Code's Markdown preview. */
export function registerShowRuleDocumentation(): vscode.Disposable {
  return vscode.commands.registerCommand(SHOW_RULE_DOCUMENTATION_COMMAND, async (href?: unknown) => {
    if (typeof href !== "string") return undefined;
    const page = vscode.Uri.parse(href);
    await vscode.commands.executeCommand("markdown.showPreview", page);
    return page;
  });
}

export function registerRestart({
  client,
  previews,
  statusBar,
  output,
  crashPolicy,
}: CommandContext): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.restartServer, async () => {
    crashPolicy.reset();
    output.appendLine("[client] restarting the language server");
    try {
      if (client.needsStop()) await client.restart();
      else await client.start();
    } catch (error) {
      void vscode.window.showErrorMessage(`Partner Charter: restarting the server failed: ${(error as Error).message}`);
      return;
    }
    previews.refreshAll();
    statusBar.schedule(0);
    vscode.window.setStatusBarMessage("Partner Charter: language server restarted", 4000);
  });
}

/**
 * The portfolio: the Partnerships view, its grouping switch and refresh, the dashboard, and
 * the command their items and links run to open a charter.
 */
export function registerPortfolio({ client, ready }: CommandContext): {
  view: PartnershipsView;
  dashboard: PortfolioDashboard;
  disposables: vscode.Disposable[];
} {
  const source = async () => {
    await ready();
    return requestPortfolio(client);
  };
  const view = new PartnershipsView(source);
  const dashboard = new PortfolioDashboard(source);
  const changed = () => {
    void view.refresh();
    void dashboard.refresh();
  };
  const disposables = [
    view,
    dashboard,
    vscode.window.registerTreeDataProvider(PARTNERSHIPS_VIEW, view),
    client.onNotification(PORTFOLIO_CHANGED_NOTIFICATION, changed),
    vscode.commands.registerCommand(COMMANDS.groupPartnerships, (grouping?: unknown) => chooseGrouping(view, grouping)),
    vscode.commands.registerCommand(COMMANDS.refreshPartnerships, () => view.refresh()),
    vscode.commands.registerCommand(COMMANDS.openPortfolioDashboard, () => dashboard.open()),
    vscode.commands.registerCommand(COMMANDS.openCharterAt, openCharterAt),
  ];
  void view.refresh();
  return { view, dashboard, disposables };
}

/** A change of the `partnerCharter.*` settings re-renders what shows findings. */
export function watchSettings({ previews, statusBar }: CommandContext): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration("partnerCharter")) {
      previews.refreshAll();
      statusBar.schedule();
    }
  });
}
