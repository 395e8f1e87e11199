import * as vscode from "vscode";
import type { Tier } from "../../core/src/model/charter";
import { isIsoDate, localToday } from "../../core/src/facts/dates";
import { charterSkeleton, slugify } from "../../core/src/skeleton";

/** Arguments that skip the prompts (tests, other extensions, keybindings). */
export interface NewCharterArgs {
  tier?: Tier;
  partnerName?: string;
  /** Where to write the charter (a Uri or an absolute path). */
  uri?: vscode.Uri | string;
}

const TIERS: readonly { tier: Tier; label: string; description: string; detail: string }[] = [
  {
    tier: "integration",
    label: "Integration",
    description: "Tier 1 · self-serve",
    detail: "The partner builds on our public API with their own engineers. Where most partners should start.",
  },
  {
    tier: "partnership",
    label: "Partnership",
    description: "Tier 2 · joint development",
    detail: "Both sides build together, with a regular sync and roadmap commitments on both sides.",
  },
  {
    tier: "strategic",
    label: "Strategic",
    description: "Tier 3 · co-development",
    detail: "A marquee partner: executive sponsors, a dedicated partner manager and revenue targets.",
  },
];

/** The `partnerCharter.today` setting when it is a real date, else the machine's local date. */
export function todayIso(configured: string | undefined): string {
  return isIsoDate(configured) ? configured : localToday();
}

export function validatePartnerName(value: string): string | undefined {
  const name = value.trim();
  if (!name) return "Enter the partner's name, e.g. CloudCo.";
  if (name.length > 80) return "Keep the name under 80 characters; details go in the charter.";
  if (!/[\p{L}\p{N}]/u.test(name)) return "The name needs at least one letter or digit.";
  if (/[\r\n]/.test(value)) return "The name must fit on one line.";
  return undefined;
}

function isTier(value: unknown): value is Tier {
  return TIERS.some((t) => t.tier === value);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function pickFolder(): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 1) return folders[0]!.uri;
  if (folders.length > 1) {
    const folder = await vscode.window.showWorkspaceFolderPick({ placeHolder: "Workspace folder for the new charter" });
    return folder?.uri;
  }
  return undefined;
}

/**
 * Partner Charter: New Charter… — tier, partner name, location; writes the same skeleton as
 * `partner-charter init` and opens it. Never overwrites a file. Returns the new file's Uri.
 */
export async function newCharter(args: NewCharterArgs = {}): Promise<vscode.Uri | undefined> {
  let tier = args.tier;
  if (tier !== undefined && !isTier(tier)) {
    void vscode.window.showErrorMessage(`Unknown tier "${String(tier)}": use integration, partnership or strategic.`);
    return undefined;
  }
  if (!tier) {
    const picked = await vscode.window.showQuickPick(
      TIERS.map((t) => ({ ...t })),
      {
        title: "New Partner Charter (1/3): tier",
        placeHolder: "How deep is the partnership? Start low; a charter can move up a tier later.",
        matchOnDescription: true,
        matchOnDetail: true,
      },
    );
    if (!picked) return undefined;
    tier = picked.tier;
  }

  let partnerName = args.partnerName;
  if (partnerName !== undefined) {
    const problem = validatePartnerName(partnerName);
    if (problem) {
      void vscode.window.showErrorMessage(problem);
      return undefined;
    }
  } else {
    partnerName = await vscode.window.showInputBox({
      title: "New Partner Charter (2/3): partner",
      prompt: "The partner's name, as it should appear in the charter's title",
      placeHolder: "e.g. CloudCo",
      validateInput: validatePartnerName,
      ignoreFocusOut: true,
    });
    if (partnerName === undefined) return undefined;
  }
  partnerName = partnerName.trim();

  let target: vscode.Uri | undefined;
  if (args.uri) {
    target = typeof args.uri === "string" ? vscode.Uri.file(args.uri) : args.uri;
  } else {
    const folder = await pickFolder();
    const fileName = `${slugify(partnerName)}.partner.yaml`;
    target = await vscode.window.showSaveDialog({
      title: "New Partner Charter (3/3): location",
      saveLabel: "Create Charter",
      defaultUri: folder ? vscode.Uri.joinPath(folder, fileName) : undefined,
      filters: { "Partner charters": ["yaml", "yml"] },
    });
    if (!target) return undefined;
  }
  if (!/\.partner\.ya?ml$/.test(target.path)) {
    target = target.with({ path: `${target.path.replace(/\.ya?ml$/, "")}.partner.yaml` });
  }
  if (await exists(target)) {
    void vscode.window.showErrorMessage(
      `${vscode.workspace.asRelativePath(target)} already exists; New Charter never overwrites a file. Choose another name.`,
    );
    return undefined;
  }

  const today = todayIso(vscode.workspace.getConfiguration("partnerCharter").get<string>("today"));
  const text = charterSkeleton({ tier, partnerName, today });
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  const document = await vscode.workspace.openTextDocument(target);
  await vscode.window.showTextDocument(document, { preview: false });
  return target;
}
