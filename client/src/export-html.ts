import * as path from "node:path";
import * as vscode from "vscode";
import { renderCharterHtml, type Audience } from "../../core/src/render";
import type { ModelSource } from "./preview";

function toUri(value: vscode.Uri | string | undefined): vscode.Uri | undefined {
  if (!value) return undefined;
  if (typeof value !== "string") return value;
  return /^[a-z][\w+.-]+:\/\//i.test(value) ? vscode.Uri.parse(value) : vscode.Uri.file(value);
}

/**
 * Partner Charter: Export as HTML — the same standalone document as `partner-charter render`
 * (the one renderer, standalone mode: inline styles, no script), for the audience the charter's
 * preview shows (`render --audience`). `target` skips the save dialog. Returns the written
 * file's Uri.
 */
export async function exportHtml(
  models: ModelSource,
  source: vscode.Uri | undefined,
  target: vscode.Uri | string | undefined,
  audience: Audience = "internal",
): Promise<vscode.Uri | undefined> {
  const uri = source ?? vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    void vscode.window.showErrorMessage("Open a partner charter (*.partner.yaml) to export it as HTML.");
    return undefined;
  }
  // Open the document so that the server has it, then ask for its model.
  await vscode.workspace.openTextDocument(uri);
  const view = await models(uri);
  if (!view) {
    void vscode.window.showErrorMessage(`${path.basename(uri.path)} is not a partner charter.`);
    return undefined;
  }
  if (!view.parseOk) {
    void vscode.window.showErrorMessage(
      `${path.basename(uri.path)} has a YAML syntax error; fix it before exporting (see the Problems panel).`,
    );
    return undefined;
  }
  let destination = toUri(target);
  if (!destination) {
    const base = path.basename(uri.path).replace(/\.partner\.ya?ml$/, "");
    destination = await vscode.window.showSaveDialog({
      title: "Export charter as HTML",
      saveLabel: "Export",
      defaultUri: uri.with({ path: path.posix.join(path.posix.dirname(uri.path), `${base}.html`) }),
      filters: { HTML: ["html", "htm"] },
    });
    if (!destination) return undefined;
  }
  const html = renderCharterHtml(view, { mode: "standalone", audience });
  await vscode.workspace.fs.writeFile(destination, new TextEncoder().encode(html));
  if (!target) {
    void vscode.window
      .showInformationMessage(`Exported ${vscode.workspace.asRelativePath(destination)}.`, "Open in Browser")
      .then((choice) => {
        if (choice) void vscode.env.openExternal(destination!);
      });
  }
  return destination;
}
