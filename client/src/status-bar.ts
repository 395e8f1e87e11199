import * as path from "node:path";
import * as vscode from "vscode";
import { countSeverities, healthText } from "../../core/src/facts/health";
import { plural } from "../../core/src/text/words";
import { COMMANDS, isCharterDocument } from "./constants";
import type { ModelSource } from "./preview";
import type { CharterView } from "./protocol";

const REFRESH_DEBOUNCE_MS = 250;

/** `$(error) 2 $(warning) 3 · health 55`, or `· health —` for a file with no score (the preview says the same). */
export function statusText(view: Pick<CharterView, "findings" | "health">): string {
  const counts = countSeverities(view.findings);
  return `$(error) ${counts.errors} $(warning) ${counts.warnings} · health ${view.health ?? "—"}`;
}

export function statusTooltip(view: CharterView): vscode.MarkdownString {
  const counts = countSeverities(view.findings);
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**Partner Charter** — ${path.basename(view.fileName)}\n\n`);
  if (!view.parseOk) md.appendMarkdown("$(warning) The YAML has a syntax error.\n\n");
  md.appendMarkdown(
    `${plural(counts.errors, "error")}, ${plural(counts.warnings, "warning")}, ${plural(counts.infos, "info")}` +
      (view.suppressed ? `, ${view.suppressed} suppressed` : "") +
      "\n\n",
  );
  md.appendMarkdown(
    view.health === undefined
      ? "Health **—**: no score until the file reads as a charter.\n\n"
      : `Health **${healthText(view.health)}** (100, minus 15 per error, 5 per warning, 1 per info)\n\n`,
  );
  md.appendMarkdown("Click to open the preview.");
  return md;
}

/** Shows the active charter's findings count and health score; click opens the preview. */
export class CharterStatusBar implements vscode.Disposable {
  readonly item: vscode.StatusBarItem;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private sequence = 0;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly models: ModelSource) {
    this.item = vscode.window.createStatusBarItem("partnerCharter.status", vscode.StatusBarAlignment.Left, 50);
    this.item.name = "Partner Charter";
    this.item.command = COMMANDS.openPreview;
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      vscode.languages.onDidChangeDiagnostics((event) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && event.uris.some((uri) => uri.toString() === active)) this.schedule();
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === vscode.window.activeTextEditor?.document) this.schedule();
      }),
    );
    this.schedule(0);
  }

  schedule(delay = REFRESH_DEBOUNCE_MS): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, delay);
  }

  async refresh(): Promise<void> {
    const ticket = ++this.sequence;
    const document = vscode.window.activeTextEditor?.document;
    if (!isCharterDocument(document)) {
      this.item.hide();
      return;
    }
    let view: CharterView | null = null;
    try {
      view = await this.models(document!.uri);
    } catch {
      view = null; // server starting or restarting: keep the last text
    }
    if (ticket !== this.sequence) return;
    if (vscode.window.activeTextEditor?.document !== document) return;
    if (!view) {
      if (!this.item.text) this.item.text = "$(sync~spin) Partner Charter";
      this.item.tooltip = "Partner Charter: waiting for the language server";
    } else {
      this.item.text = statusText(view);
      this.item.tooltip = statusTooltip(view);
      this.item.accessibilityInformation = {
        label: `Partner Charter: ${countSeverities(view.findings).errors} errors, ${countSeverities(view.findings).warnings} warnings, health ${view.health ?? "none"}`,
      };
    }
    this.item.show();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
