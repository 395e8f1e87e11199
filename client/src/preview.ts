import * as path from "node:path";
import * as vscode from "vscode";
import type { Audience } from "../../core/src/render";
import type { CharterView } from "./protocol";
import { PREVIEW_VIEW_TYPE } from "./constants";
import { messageHtml, previewHtml } from "./preview-html";
import { programPage } from "../../core/src/program/program-page";
import { renderProgramHtml } from "../../core/src/render/program-page";
import { isCharterFileName, isProgramFileName, searchFolderSync } from "../../core/src/workspace";
import { todayIso } from "./new-charter";

/** How long typing must pause before the preview asks the server again. */
export const PREVIEW_DEBOUNCE_MS = 200;

export type ModelSource = (uri: vscode.Uri) => Promise<CharterView | null>;

/** What the preview's page posts (see the script of core/src/render/render-html.ts). */
type PageMessage =
  | { type: "reveal"; line: number; character?: number; scrollY?: number }
  | { type: "audience"; audience: Audience }
  | { type: "scroll"; y: number }
  | { type: "loaded" };

function pageMessage(message: unknown): PageMessage | undefined {
  const m = message as Record<string, unknown> | null;
  if (!m || typeof m !== "object") return undefined;
  if (m.type === "reveal" && Number.isInteger(m.line) && (m.line as number) >= 0) return m as PageMessage;
  if (m.type === "audience" && (m.audience === "internal" || m.audience === "partner")) return m as PageMessage;
  if (m.type === "scroll" && typeof m.y === "number" && Number.isFinite(m.y) && m.y >= 0) return m as PageMessage;
  if (m.type === "loaded") return m as PageMessage;
  return undefined;
}

/** One preview panel, bound to one charter document. */
export class CharterPreview implements vscode.Disposable {
  private lastGood: CharterView | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private sequence = 0;
  private disposed = false;
  private readonly disposables: vscode.Disposable[] = [];
  /** The HTML last given to the webview (for tests and debugging). */
  html = "";
  /** The view last rendered (the current one, or the last good one while the YAML is broken). */
  lastView: CharterView | undefined;
  stale = false;
  /** Which page the preview shows: switched by the page's toolbar (or `setAudience`). */
  audience: Audience = "internal";
  /** Where the page was last scrolled to (the page reports it): a re-render keeps it. */
  scrollY = 0;
  /** A section to scroll to (a code lens's command) that the page has not shown yet. */
  private section: string | undefined;
  private renderedOnce: (() => void) | undefined;
  readonly firstRender: Promise<void>;

  constructor(
    readonly uri: vscode.Uri,
    readonly panel: vscode.WebviewPanel,
    private readonly models: ModelSource,
    private readonly onDispose: (preview: CharterPreview) => void,
  ) {
    this.firstRender = new Promise((resolve) => (this.renderedOnce = resolve));
    panel.webview.html = messageHtml("Loading the charter…", panel.webview.cspSource);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((raw: unknown) => {
        const message = pageMessage(raw);
        if (message?.type === "reveal") {
          if (message.scrollY !== undefined) this.scrollY = message.scrollY;
          void this.reveal(message.line, message.character ?? 0);
        } else if (message?.type === "audience") this.setAudience(message.audience);
        else if (message?.type === "scroll") {
          this.scrollY = message.y;
          this.section = undefined; // the page has scrolled to it
        }
        // VS Code loaded the page (its first render, a new render, or the panel moved or shown again).
        else if (message?.type === "loaded" && this.section) {
          void panel.webview.postMessage({ type: "scrollToSection", id: this.section });
          this.section = undefined;
        } else if (message?.type === "loaded" && this.scrollY > 0) {
          void panel.webview.postMessage({ type: "scrollTo", y: this.scrollY });
        }
      }),
    );
  }

  /** Scrolls the page to a section (its `id`): now if the page is there, else once it has loaded. */
  showSection(id: string): void {
    this.section = id;
    void this.panel.webview.postMessage({ type: "scrollToSection", id });
  }

  /** Shows the page for `audience` (the toolbar's toggle). */
  setAudience(audience: Audience): Promise<void> {
    if (audience === this.audience) return Promise.resolve();
    this.audience = audience;
    return this.update();
  }

  /** Asks the server again after PREVIEW_DEBOUNCE_MS of quiet. */
  schedule(delay = PREVIEW_DEBOUNCE_MS): void {
    if (this.disposed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.update();
    }, delay);
  }

  async update(): Promise<void> {
    if (this.disposed) return;
    if (isProgramFileName(path.basename(this.uri.path)) && this.uri.scheme === "file") return this.updateProgram();
    const ticket = ++this.sequence;
    let view: CharterView | null;
    try {
      view = await this.models(this.uri);
    } catch (error) {
      if (ticket !== this.sequence || this.disposed) return;
      if (!this.lastView) {
        this.setHtml(messageHtml(`The language server is not available: ${(error as Error).message}`, this.cspSource));
      }
      return;
    }
    // A newer request was sent meanwhile: its answer wins, this one is stale.
    if (ticket !== this.sequence || this.disposed) return;
    if (!view) {
      this.setHtml(messageHtml(`${path.basename(this.uri.path)} is not a partner charter.`, this.cspSource));
      return;
    }
    if (view.parseOk) this.lastGood = view;
    let render: ReturnType<typeof previewHtml>;
    try {
      render = previewHtml(view, this.lastGood, this.cspSource, { audience: this.audience, scrollY: this.scrollY });
    } catch (error) {
      this.setHtml(messageHtml(`The preview could not be rendered: ${(error as Error).message}`, this.cspSource));
      this.renderedOnce?.();
      return;
    }
    this.lastView = view.parseOk ? view : (this.lastGood ?? view);
    this.stale = render.stale;
    this.setHtml(render.html);
    this.renderedOnce?.();
  }

  /** A program file: its page (the decision, the tiers side by side, each tier's charters with their health). */
  private updateProgram(): void {
    try {
      const text = vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.uri.toString())?.getText();
      const today = todayIso(vscode.workspace.getConfiguration("partnerCharter").get<string>("today"));
      const search = (folder: string): string[] => searchFolderSync(folder, isCharterFileName);
      this.setHtml(renderProgramHtml(programPage(this.uri.fsPath, { today, text, search })));
    } catch (error) {
      this.setHtml(messageHtml(`The program could not be rendered: ${(error as Error).message}`, this.cspSource));
    }
    this.renderedOnce?.();
  }

  private get cspSource(): string {
    return this.panel.webview.cspSource;
  }

  private setHtml(html: string): void {
    this.html = html;
    this.panel.webview.html = html;
  }

  /**
   * Reveals a line of the charter in its editor (a finding link was clicked): in the editor
   * already showing it, else beside the preview, so the preview stays in view where it was.
   */
  async reveal(line: number, character: number): Promise<void> {
    const document = await vscode.workspace.openTextDocument(this.uri);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.uri.toString());
    const position = document.validatePosition(new vscode.Position(line, character));
    const editor = await vscode.window.showTextDocument(document, {
      viewColumn: visible?.viewColumn ?? vscode.ViewColumn.Beside,
      selection: new vscode.Range(position, position),
      preserveFocus: false,
    });
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
    this.onDispose(this);
  }
}

/** One preview per document, reused; live while typing and when diagnostics change. */
export class PreviewManager implements vscode.Disposable {
  private readonly previews = new Map<string, CharterPreview>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly models: ModelSource,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length) this.previews.get(event.document.uri.toString())?.schedule();
      }),
      vscode.languages.onDidChangeDiagnostics((event) => {
        for (const uri of event.uris) this.previews.get(uri.toString())?.schedule();
      }),
    );
  }

  get(uri: vscode.Uri): CharterPreview | undefined {
    return this.previews.get(uri.toString());
  }

  get all(): CharterPreview[] {
    return [...this.previews.values()];
  }

  /** Opens (or reveals) the preview of `uri`. */
  open(uri: vscode.Uri, toSide: boolean): CharterPreview {
    const existing = this.previews.get(uri.toString());
    if (existing) {
      // like the Markdown preview: "to the side" moves it beside the editor, otherwise it stays put
      existing.panel.reveal(toSide ? vscode.ViewColumn.Beside : existing.panel.viewColumn, toSide);
      existing.schedule(0);
      return existing;
    }
    const column = toSide
      ? vscode.ViewColumn.Beside
      : (vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.Active);
    const panel = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE,
      `Preview: ${path.basename(uri.path)}`,
      { viewColumn: column, preserveFocus: toSide },
      {
        enableScripts: true,
        enableCommandUris: false,
        enableFindWidget: true,
        // Nothing is loaded from disk or the network: the renderer inlines everything.
        localResourceRoots: [],
      },
    );
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, "images", "icon.png");
    const preview = new CharterPreview(uri, panel, this.models, (p) => {
      if (this.previews.get(p.uri.toString()) === p) this.previews.delete(p.uri.toString());
    });
    this.previews.set(uri.toString(), preview);
    void preview.update();
    return preview;
  }

  /** Re-renders every preview (e.g. after the server restarted). */
  refreshAll(): void {
    for (const preview of this.previews.values()) preview.schedule(0);
  }

  dispose(): void {
    for (const preview of [...this.previews.values()]) preview.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
