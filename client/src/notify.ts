import * as vscode from "vscode";
import { COMMANDS } from "./constants";

/**
 * How the extension tells the user that the language server is in trouble: a warning, or an
 * error offering Restart Server and Show Output (one such choice open at a time).
 */
export function serverNotifier(output: vscode.OutputChannel): (message: string, canRestart: boolean) => void {
  let restartChoicePending = false;
  return (message, canRestart) => {
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
}
