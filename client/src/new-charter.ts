import * as vscode from "vscode";
import type { Tier } from "../../core/src/model/charter";
import { isIsoDate, localToday } from "../../core/src/facts/dates";
import { charterSkeleton, slugify } from "../../core/src/skeleton";
import { programCharterSkeleton, programForNewCharter, programSkeleton } from "../../core/src/program/skeleton";
import type { ProgramRef, ProgramTier } from "../../core/src/program/program";

/** Arguments that skip the prompts (tests, other extensions, keybindings). */
export interface NewCharterArgs {
  /** A tier level, or a tier name of the program the charter will belong to. */
  tier?: Tier | string;
  /** "program": write a partner program (`*.partner-program.yaml`) instead of a charter. */
  kind?: "charter" | "program";
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

/** What the first step offers: the tiers (the program's, by its names, inside a program's folder) and a program. */
interface KindPick extends vscode.QuickPickItem {
  tier?: Tier;
  programTier?: ProgramTier;
  program?: true;
}

const PROGRAM_PICK: KindPick = {
  label: "A partner program",
  description: "the tiers offered, and what each requires",
  detail:
    "A *.partner-program.yaml file: curated or open, two or three tiers, their benefits, requirements and graduation path.",
  program: true,
};

function tierPicks(program: ProgramRef | undefined): KindPick[] {
  if (!program?.tiers) return TIERS.map((t) => ({ ...t }));
  return program.tiers.map((programTier) => ({
    label: programTier.name,
    description: TIERS.find((t) => t.tier === programTier.tier)?.description,
    detail: programTier.provides?.length ? `Provides ${programTier.provides.join(", ")}.` : undefined,
    tier: programTier.tier,
    programTier,
  }));
}

/** The tier named by an argument: a level, or a tier name of the program. */
function tierNamed(value: string, program: ProgramRef | undefined): KindPick | undefined {
  const programTier = program?.tiers?.find((t) => t.tier === value || t.name.toLowerCase() === value.toLowerCase());
  if (programTier) return { label: programTier.name, tier: programTier.tier, programTier };
  const plain = TIERS.find((t) => t.tier === value);
  return plain && !program ? { ...plain } : undefined;
}

/** Writes a new file and opens it; never overwrites. */
async function createAndOpen(target: vscode.Uri, text: string, what: string): Promise<vscode.Uri | undefined> {
  if (await exists(target)) {
    void vscode.window.showErrorMessage(
      `${vscode.workspace.asRelativePath(target)} already exists; ${what} never overwrites a file. Choose another name.`,
    );
    return undefined;
  }
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  const document = await vscode.workspace.openTextDocument(target);
  await vscode.window.showTextDocument(document, { preview: false });
  return target;
}

/** New Charter… → "A partner program": its location, then the program skeleton. */
async function newProgram(args: NewCharterArgs, folder: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  let target = typeof args.uri === "string" ? vscode.Uri.file(args.uri) : args.uri;
  target ??= await vscode.window.showSaveDialog({
    title: "New Partner Program: location (its charters go in this folder and below)",
    saveLabel: "Create Program",
    defaultUri: folder ? vscode.Uri.joinPath(folder, "partner.partner-program.yaml") : undefined,
    filters: { "Partner programs": ["yaml", "yml"] },
  });
  if (!target) return undefined;
  if (!/\.partner-program\.ya?ml$/.test(target.path)) {
    target = target.with({ path: `${target.path.replace(/\.ya?ml$/, "")}.partner-program.yaml` });
  }
  const id = slugify(target.path.replace(/^.*\//, "").replace(/\.partner-program\.ya?ml$/, "")) || "partner-program";
  return createAndOpen(target, programSkeleton(id), "New Charter");
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
  const given = typeof args.uri === "string" ? vscode.Uri.file(args.uri) : args.uri;
  const folder = given ? undefined : await pickFolder();
  if (args.kind === "program") return newProgram(args, folder);
  // Inside a program's folder, its tiers are offered by their names (the folder chosen, else the given file's).
  const place = given ?? (folder ? vscode.Uri.joinPath(folder, "new.partner.yaml") : undefined);
  const program = place?.scheme === "file" ? programForNewCharter(place.fsPath) : undefined;
  let kind: KindPick | undefined;
  if (args.tier !== undefined) {
    kind = tierNamed(String(args.tier), program);
    if (!kind) {
      const offered = program?.tiers
        ? program.tiers.map((t) => t.name).join(", ")
        : "integration, partnership or strategic";
      void vscode.window.showErrorMessage(`Unknown tier "${String(args.tier)}": use ${offered}.`);
      return undefined;
    }
  } else {
    kind = await vscode.window.showQuickPick([...tierPicks(program), PROGRAM_PICK], {
      title: "New Partner Charter (1/3): tier, or a partner program",
      placeHolder: "How deep is the partnership? Start low; a charter can move up a tier later.",
      matchOnDescription: true,
      matchOnDetail: true,
    });
    if (!kind) return undefined;
    if (kind.program) return newProgram(args, folder);
  }
  const tier = kind.tier!;

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
  if (given) {
    target = given;
  } else {
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
  const today = todayIso(vscode.workspace.getConfiguration("partnerCharter").get<string>("today"));
  const input = { tier, partnerName, today };
  // The program of the chosen location (it may differ from the folder's when the dialog went elsewhere).
  const home = target.scheme === "file" ? programForNewCharter(target.fsPath) : undefined;
  const homeTier = home?.tiers?.find((t) => t.tier === tier);
  const text = home && homeTier ? programCharterSkeleton(input, home, homeTier) : charterSkeleton(input);
  return createAndOpen(target, text, "New Charter");
}
