import * as path from "node:path";
import * as vscode from "vscode";
import type { Party } from "../../core/src/signing";
import { companyNames } from "../../core/src/render";
import type { ModelSource } from "./preview";
import type { SignParams, SignResponse } from "./protocol";

/**
 * Partner Charter: Sign Charter… — asks for the party and the name (title optional), then asks
 * the language server for the signature `partner-charter sign` would add (`partnerCharter/sign`:
 * the same core checks, the same signed text) and applies it to the editor's buffer as one
 * undoable edit. Another person's signature for that party is replaced only after the user
 * confirms, with the message naming whose signature and of which date.
 */

/** Arguments that skip the prompts (end-to-end tests, keybindings, other extensions). */
export interface SignCharterArgs {
  party?: Party;
  name?: string;
  title?: string;
  /** With arguments there is no dialog: true replaces another person's signature, else refuses. */
  replace?: boolean;
}

export type SignRequester = (params: SignParams) => Promise<SignResponse>;

async function askParty(models: ModelSource, uri: vscode.Uri): Promise<Party | undefined> {
  const view = await models(uri);
  const names = view ? companyNames(view) : { us: "our company", partner: "the partner" };
  const picked = await vscode.window.showQuickPick(
    [
      { label: names.us, description: "our side (party: us)", party: "us" as const },
      { label: names.partner, description: "the partner (party: partner)", party: "partner" as const },
    ],
    { title: "Sign Charter: for which party?", placeHolder: "The company the signer signs for", ignoreFocusOut: true },
  );
  return picked?.party;
}

async function askSigner(): Promise<{ name: string; title?: string } | undefined> {
  const name = await vscode.window.showInputBox({
    title: "Sign Charter: who signs?",
    prompt: "The full name of the person who signs",
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() === "" ? "Enter the signer's name." : undefined),
  });
  if (name === undefined) return undefined;
  const title = await vscode.window.showInputBox({
    title: "Sign Charter: the signer's title (optional)",
    prompt: "e.g. Head of Partnerships; leave empty to skip",
    ignoreFocusOut: true,
  });
  if (title === undefined) return undefined;
  return { name: name.trim(), ...(title.trim() ? { title: title.trim() } : {}) };
}

function refusalMessage(file: string, response: Extract<SignResponse, { signed: false }>): string {
  switch (response.reason) {
    case "errors": {
      const first = response.blocking
        .slice(0, 3)
        .map((finding) => `line ${finding.line + 1}: ${finding.message} (${finding.rule})`)
        .join(" ");
      const more = response.blocking.length > 3 ? ` …and ${response.blocking.length - 3} more.` : "";
      const count = response.blocking.length === 1 ? "1 problem" : `${response.blocking.length} problems`;
      return `${file} cannot be signed yet: it has ${count} to fix first (see the Problems panel). ${first}${more}`;
    }
    case "unreadable":
      return `${file} cannot be signed: it is not a charter that can be read.`;
    case "layout":
      return `${file} cannot be signed here: the signature could not be added without changing anything else.`;
    case "not-open":
      return `Open ${file} in the editor to sign it.`;
    case "signed-by-another":
      return `${file} already has another person's signature for that party.`;
  }
}

/** "Priya Shah's signature of 2026-10-16". */
function whose(previous: { name?: string; date?: string } | undefined): string {
  const name = previous?.name ? `${previous.name}'s signature` : "a signature";
  return previous?.date ? `${name} of ${previous.date}` : name;
}

export async function signCharter(
  sign: SignRequester,
  models: ModelSource,
  uri: vscode.Uri | undefined,
  args: SignCharterArgs = {},
): Promise<SignResponse | undefined> {
  if (!uri) {
    void vscode.window.showInformationMessage("Open a partner charter (*.partner.yaml) to sign it.");
    return undefined;
  }
  const file = path.basename(uri.path);
  const document = await vscode.workspace.openTextDocument(uri);
  const prompted = args.party === undefined || args.name === undefined;
  const party = args.party ?? (await askParty(models, uri));
  if (!party) return undefined;
  const signer = args.name !== undefined ? { name: args.name, title: args.title } : await askSigner();
  if (!signer) return undefined;

  const params: SignParams = { uri: uri.toString(), party, ...signer, replace: false };
  let response = await sign(params);
  if (!response.signed && response.reason === "signed-by-another") {
    const replace = prompted
      ? (await vscode.window.showWarningMessage(
          `${file} already has ${whose(response.previous)} for this party. Replace it with ${signer.name}'s signature?`,
          { modal: true },
          "Replace",
        )) === "Replace"
      : args.replace === true;
    if (!replace) return response;
    response = await sign({ ...params, replace: true });
  }
  if (!response.signed) {
    void vscode.window.showErrorMessage(refusalMessage(file, response));
    return response;
  }
  if (response.version !== document.version) {
    void vscode.window.showErrorMessage(`${file} changed while it was being signed; run Sign Charter… again.`);
    return undefined;
  }
  const edit = new vscode.WorkspaceEdit();
  for (const change of response.edits) {
    const range = new vscode.Range(
      change.range.start.line,
      change.range.start.character,
      change.range.end.line,
      change.range.end.character,
    );
    edit.replace(uri, range, change.newText);
  }
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(`${file} could not be edited; nothing was signed.`);
    return undefined;
  }
  const replaced = response.replaced ? ` It replaces ${whose(response.replaced)}.` : "";
  void vscode.window.showInformationMessage(
    `Signed ${file} for ${party === "us" ? "our side" : "the partner"} by ${response.signature.name} (digest ${response.signature.digest.slice(0, 15)}…).${replaced} Save the file to keep it; Undo removes it.`,
  );
  return response;
}
