import type { TextEdit } from "vscode-languageserver/node";
import type { TextDocument } from "vscode-languageserver-textdocument";
import {
  analyzeCharter,
  charterView,
  decodeCharterBytes,
  finishCharter,
  isRecord,
  PARTIES,
  signCharter,
  type CharterResult,
  type Party,
} from "../../core/src";
import {
  DIFF_REQUEST,
  SIGN_REQUEST,
  type DiffResponse,
  type SignParams,
  type SignResponse,
} from "../../core/src/model/review-protocol";
import { diffCharters, fileAtRevision, GitVersionError, type DiffSide } from "../../core/src/diff";
import type { Charters } from "./charters";
import { invalidParams } from "./features";
import { baseName, uriToPath } from "./uris";

export { DIFF_REQUEST, SIGN_REQUEST };

/**
 * The editor's review commands, answered from the core: `partnerCharter/sign` (the signature
 * `partner-charter sign` would add, as an edit of the editor's buffer, or why not) and
 * `partnerCharter/diff` (the charter against its last committed version). The client shows
 * the answers and applies the edit; it decides nothing.
 */

/** The one edit that turns `before` into `after`: the span between their common ends. */
export function minimalEdit(document: TextDocument, after: string): TextEdit {
  const before = document.getText();
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (
    end < before.length - start &&
    end < after.length - start &&
    before[before.length - 1 - end] === after[after.length - 1 - end]
  ) {
    end++;
  }
  return {
    range: { start: document.positionAt(start), end: document.positionAt(before.length - end) },
    newText: after.slice(start, after.length - end),
  };
}

function signParams(params: unknown): SignParams {
  if (!isRecord(params) || typeof params.uri !== "string" || params.uri === "") {
    throw invalidParams("Expected params.uri (a string).");
  }
  if (typeof params.party !== "string" || !(PARTIES as readonly string[]).includes(params.party)) {
    throw invalidParams('Expected params.party: "us" or "partner".');
  }
  const name = typeof params.name === "string" ? params.name.trim() : "";
  if (name === "") throw invalidParams("Expected params.name: the name of the person who signs.");
  const title = typeof params.title === "string" && params.title.trim() !== "" ? params.title.trim() : undefined;
  return { uri: params.uri, party: params.party as Party, name, title, replace: params.replace === true };
}

export class ReviewRequests {
  constructor(
    private readonly charters: Charters,
    private readonly getDocument: (uri: string) => TextDocument | undefined,
  ) {}

  /** `partnerCharter/sign`: signs the open document's text, as `partner-charter sign` signs a file. */
  sign(params: unknown): SignResponse {
    const request = signParams(params);
    const document = this.getDocument(request.uri);
    if (!document) return { signed: false, reason: "not-open", blocking: [] };
    const result = this.charters.resultFor(document);
    const outcome = signCharter(result, {
      party: request.party,
      name: request.name,
      title: request.title,
      date: this.charters.today(),
      replace: request.replace === true,
    });
    if (!outcome.signed) {
      return {
        signed: false,
        reason: outcome.reason,
        blocking: outcome.blocking.map((finding) => ({
          line: finding.range.start.line,
          rule: finding.rule,
          message: finding.message,
        })),
        ...("previous" in outcome ? { previous: outcome.previous } : {}),
      };
    }
    return {
      signed: true,
      version: document.version,
      edits: [minimalEdit(document, outcome.text)],
      signature: outcome.signature,
      ...(outcome.replaced ? { replaced: outcome.replaced } : {}),
    };
  }

  /** `partnerCharter/diff`: the charter (as the editor has it) against its version at HEAD. */
  diff(params: unknown): DiffResponse {
    const uri = isRecord(params) ? params.uri : undefined;
    if (typeof uri !== "string" || uri === "") throw invalidParams("Expected params.uri (a string).");
    const file = uriToPath(uri);
    if (!file) throw invalidParams("Compare with Git HEAD needs a file on disk.");
    const head = this.current(uri, file);
    if (!head) throw invalidParams(`${baseName(uri)} is not a partner charter.`);
    let base: DiffSide;
    try {
      const { bytes } = fileAtRevision(file, "HEAD");
      base =
        bytes === undefined
          ? { label: "HEAD", charter: undefined, findings: [], missing: true }
          : this.side(bytes, file);
    } catch (error) {
      if (error instanceof GitVersionError) throw invalidParams(`Cannot compare with Git HEAD: ${error.message}.`);
      throw error;
    }
    const view = charterView(head, { uri, fileName: baseName(uri), today: this.charters.today() });
    const diff = diffCharters(base, {
      label: "working copy",
      charter: head.charter,
      findings: head.findings,
      facts: head.facts,
    });
    return { diff, head: view };
  }

  private current(uri: string, file: string): CharterResult | undefined {
    const document = this.getDocument(uri);
    return document ? this.charters.resultFor(document) : this.charters.resultFromDisk(file);
  }

  /** HEAD's version, checked with the same configuration as the working copy. */
  private side(bytes: Buffer, file: string): DiffSide {
    const decoded = decodeCharterBytes(bytes);
    const text = decoded.text ?? "";
    const analysis = analyzeCharter(text, {
      today: this.charters.today(),
      rules: this.charters.configs.rulesFor(file),
    });
    const result = finishCharter(analysis);
    const findings = decoded.finding ? [decoded.finding, ...result.findings] : result.findings;
    return { label: "HEAD", charter: result.charter, findings, facts: result.facts };
  }
}
