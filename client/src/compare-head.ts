import * as path from "node:path";
import * as vscode from "vscode";
import { renderDiffHtml } from "../../core/src/diff";
import { record, text } from "../../core/src/facts";
import { makeNonce, policySource } from "./preview-html";
import type { DiffParams, DiffResponse } from "./protocol";

/**
 * Partner Charter: Compare with Git HEAD — what a reviewer of this change will see: the
 * `partner-charter diff` of the charter (as the editor has it, saved or not) against its last
 * committed version, or "new charter" when HEAD does not have it. The language server reads
 * HEAD and computes the diff (`partnerCharter/diff`); this shows it in a webview under the
 * preview's policy (nonce'd style, no script).
 */

export type DiffRequester = (params: DiffParams) => Promise<DiffResponse>;

export const COMPARE_VIEW_TYPE = "partnerCharter.compareWithHead";

/** One comparison panel per charter, reused. */
const panels = new Map<string, vscode.WebviewPanel>();

export interface ComparePanel {
  response: DiffResponse;
  panel: vscode.WebviewPanel;
  html: string;
}

export async function compareWithHead(
  requestDiff: DiffRequester,
  uri: vscode.Uri | undefined,
): Promise<ComparePanel | undefined> {
  if (!uri) {
    void vscode.window.showInformationMessage("Open a partner charter (*.partner.yaml) to compare it with Git HEAD.");
    return undefined;
  }
  await vscode.workspace.openTextDocument(uri);
  let response: DiffResponse;
  try {
    response = await requestDiff({ uri: uri.toString() });
  } catch (error) {
    void vscode.window.showErrorMessage((error as Error).message);
    return undefined;
  }
  const file = path.basename(uri.path);
  let panel = panels.get(uri.toString());
  if (panel) panel.reveal(vscode.ViewColumn.Beside, true);
  else {
    panel = vscode.window.createWebviewPanel(
      COMPARE_VIEW_TYPE,
      `Changes: ${file}`,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: false, enableCommandUris: false, enableFindWidget: true, localResourceRoots: [] },
    );
    const key = uri.toString();
    panels.set(key, panel);
    panel.onDidDispose(() => panels.delete(key));
  }
  const title = text(record(response.head.charter).title) ?? file;
  const html = renderDiffHtml(response.diff, {
    title,
    nonce: makeNonce(),
    cspSource: policySource(panel.webview.cspSource),
  });
  panel.webview.html = html;
  return { response, panel, html };
}
