import * as vscode from "vscode";
import { renderPortfolioHtml, type Portfolio, type PortfolioCharter } from "../../core/src/portfolio";
import { healthText } from "../../core/src/facts/health";
import { COMMANDS } from "./constants";
import { makeNonce, policySource } from "./preview-html";

/**
 * The portfolio in VS Code: the `Partnerships` view in the Explorer (every charter of the
 * workspace, grouped by tier, status, stage or program tier) and the Portfolio Dashboard (the
 * page of `partner-charter portfolio --format html`, themed). The language server computes the
 * portfolio (`partnerCharter/portfolio`) and says when it changed
 * (`partnerCharter/portfolioChanged`); this only draws it.
 */

export type PortfolioSource = () => Promise<Portfolio>;

export const PARTNERSHIPS_VIEW = "partnerCharter.partnerships";
export const DASHBOARD_VIEW_TYPE = "partnerCharter.portfolioDashboard";
const GROUP_CONTEXT_KEY = "partnerCharter.partnershipsGroup";

export const GROUPINGS = {
  tier: { label: "Tier", of: (charter: PortfolioCharter) => charter.tier },
  status: { label: "Status", of: (charter: PortfolioCharter) => charter.status },
  stage: { label: "Stage", of: (charter: PortfolioCharter) => charter.stage },
  programTier: { label: "Program tier", of: (charter: PortfolioCharter) => charter.programTier?.name },
} as const;
export type Grouping = keyof typeof GROUPINGS;

const NOT_SET = "(not set)";

type Node =
  { kind: "group"; name: string; charters: PortfolioCharter[] } | { kind: "charter"; charter: PortfolioCharter };

/** What a test (or another extension) can read of the view: its groups and items as drawn. */
export interface PartnershipsSnapshot {
  grouping: Grouping;
  groups: { name: string; items: { label: string; description: string; uri?: string }[] }[];
}

function charterLabel(charter: PortfolioCharter): string {
  return charter.partner ?? charter.title ?? charter.file;
}

/** "walk · health 80/100 · next: launch 2026-12-14" */
function charterDescription(charter: PortfolioCharter): string {
  const next = charter.nextMilestone
    ? `next: ${charter.nextMilestone.label} ${charter.nextMilestone.date}`
    : "no next milestone";
  return `${charter.stage ?? "—"} · health ${healthText(charter.health ?? undefined)} · ${next}`;
}

/** The command that opens a charter (at a line, 1-based). */
function openCommand(uri: string, line?: number): vscode.Command {
  return { title: "Open Charter", command: COMMANDS.openCharterAt, arguments: [uri, line] };
}

export class PartnershipsView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private portfolio: Portfolio | undefined;
  private grouping: Grouping = "tier";
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private loading: Promise<void> | undefined;
  private again = false;

  constructor(private readonly source: PortfolioSource) {
    void vscode.commands.executeCommand("setContext", GROUP_CONTEXT_KEY, this.grouping);
  }

  /** Asks the server again (one request at a time; a change during a request asks once more). */
  refresh(): Promise<void> {
    if (this.loading) {
      this.again = true;
      return this.loading;
    }
    this.loading = (async () => {
      do {
        this.again = false;
        try {
          this.portfolio = await this.source();
        } catch {
          // The server is restarting or stopped: keep what is shown.
        }
      } while (this.again);
      this.loading = undefined;
      this.changed.fire(undefined);
    })();
    return this.loading;
  }

  groupBy(grouping: Grouping): void {
    this.grouping = grouping;
    void vscode.commands.executeCommand("setContext", GROUP_CONTEXT_KEY, grouping);
    this.changed.fire(undefined);
  }

  get current(): Portfolio | undefined {
    return this.portfolio;
  }

  private groups(): { name: string; charters: PortfolioCharter[] }[] {
    const of = GROUPINGS[this.grouping].of;
    const groups = new Map<string, PortfolioCharter[]>();
    for (const charter of this.portfolio?.charters ?? []) {
      const name = of(charter) ?? NOT_SET;
      groups.set(name, [...(groups.get(name) ?? []), charter]);
    }
    return [...groups.entries()]
      .sort(([a], [b]) => (a === NOT_SET ? 1 : b === NOT_SET ? -1 : a.localeCompare(b)))
      .map(([name, charters]) => ({
        name,
        charters: charters.sort((a, b) => charterLabel(a).localeCompare(charterLabel(b))),
      }));
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.groups().map((group) => ({ kind: "group", ...group }));
    return node.kind === "group" ? node.charters.map((charter) => ({ kind: "charter", charter })) : [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === "group") {
      const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.Expanded);
      item.description = String(node.charters.length);
      item.id = `group:${this.grouping}:${node.name}`;
      return item;
    }
    const { charter } = node;
    const item = new vscode.TreeItem(charterLabel(charter), vscode.TreeItemCollapsibleState.None);
    item.description = charterDescription(charter);
    item.tooltip = `${charter.title ?? charterLabel(charter)} (${charter.file})\n${charterDescription(charter)}`;
    item.id = `charter:${charter.uri ?? charter.file}`;
    if (charter.uri) {
      item.resourceUri = vscode.Uri.parse(charter.uri);
      item.command = openCommand(charter.uri);
    }
    item.iconPath = new vscode.ThemeIcon(charter.errors > 0 ? "error" : charter.warnings > 0 ? "warning" : "pass");
    return item;
  }

  snapshot(): PartnershipsSnapshot {
    return {
      grouping: this.grouping,
      groups: this.groups().map((group) => ({
        name: group.name,
        items: group.charters.map((charter) => ({
          label: charterLabel(charter),
          description: charterDescription(charter),
          uri: charter.uri,
        })),
      })),
    };
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** The dashboard: one panel, redrawn when the portfolio changes while it is open. */
export class PortfolioDashboard implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private html = "";

  constructor(private readonly source: PortfolioSource) {}

  async open(): Promise<{ panel: vscode.WebviewPanel; html: string } | undefined> {
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(
        DASHBOARD_VIEW_TYPE,
        "Portfolio Dashboard",
        vscode.ViewColumn.Active,
        // No script: a partnership's link is a command URI that only opens its charter.
        {
          enableScripts: false,
          enableCommandUris: [COMMANDS.openCharterAt],
          enableFindWidget: true,
          localResourceRoots: [],
        },
      );
      this.panel.onDidDispose(() => (this.panel = undefined));
    } else this.panel.reveal();
    await this.refresh();
    return this.panel && { panel: this.panel, html: this.html };
  }

  async refresh(): Promise<void> {
    const panel = this.panel;
    if (!panel) return;
    let portfolio: Portfolio;
    try {
      portfolio = await this.source();
    } catch (error) {
      void vscode.window.showErrorMessage(
        `Partner Charter: the portfolio could not be computed: ${(error as Error).message}`,
      );
      return;
    }
    this.html = renderPortfolioHtml(portfolio, {
      mode: "webview",
      nonce: makeNonce(),
      cspSource: policySource(panel.webview.cspSource),
      linkOf: (charter, line) =>
        charter.uri
          ? `command:${COMMANDS.openCharterAt}?${encodeURIComponent(JSON.stringify([charter.uri, line]))}`
          : "#",
    });
    panel.webview.html = this.html;
  }

  get currentHtml(): string | undefined {
    return this.panel ? this.html : undefined;
  }

  dispose(): void {
    this.panel?.dispose();
  }
}

/** Opens a charter, at a 1-based line when one is given. */
export async function openCharterAt(uri: unknown, line?: unknown): Promise<vscode.TextEditor | undefined> {
  if (typeof uri !== "string") return undefined;
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  if (typeof line === "number" && Number.isInteger(line) && line >= 1) {
    const position = new vscode.Position(Math.min(line - 1, document.lineCount - 1), 0);
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
  return editor;
}

/** Asks which grouping the view shows (or takes it as the argument). */
export async function chooseGrouping(view: PartnershipsView, given?: unknown): Promise<Grouping | undefined> {
  let grouping = typeof given === "string" && given in GROUPINGS ? (given as Grouping) : undefined;
  if (!grouping) {
    const picked = await vscode.window.showQuickPick(
      (Object.keys(GROUPINGS) as Grouping[]).map((key) => ({ label: GROUPINGS[key].label, key })),
      { placeHolder: "Group the partnerships by" },
    );
    grouping = picked?.key;
  }
  if (grouping) view.groupBy(grouping);
  return grouping;
}
