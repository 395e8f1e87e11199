import type { CharterDiff } from "../diff/diff-types";
import type { Party, ReplacedSignature, SignatureEntry } from "../signing";
import type { Range } from "../types";
import type { CharterView } from "./charter-view";

/**
 * The language server's review requests, as the extension and the server both see them:
 * `partnerCharter/sign` (Sign Charter…) and `partnerCharter/diff` (Compare with Git HEAD).
 * Plain JSON. The server answers from the core (core/src/signing, core/src/diff); the client
 * shows the answer and applies the edit, deciding nothing.
 */

export const SIGN_REQUEST = "partnerCharter/sign";
export const DIFF_REQUEST = "partnerCharter/diff";

export interface SignParams {
  uri: string;
  party: Party;
  name: string;
  title?: string;
  /** True once the user confirmed replacing another person's signature for the party. */
  replace?: boolean;
}

export type SignResponse =
  | {
      signed: true;
      /** The document version the edit applies to: the client refuses it for any other. */
      version: number;
      /** LSP text edits (0-based ranges) that add the signature to the document. */
      edits: { range: Range; newText: string }[];
      signature: SignatureEntry;
      /** Another person's signature for the party, which this one replaces. */
      replaced?: ReplacedSignature;
    }
  | {
      signed: false;
      /** `not-open`: the charter is not open in the editor (signing edits the editor's text). */
      reason: "errors" | "unreadable" | "layout" | "signed-by-another" | "not-open";
      /** The findings that stop signing (0-based lines). */
      blocking: { line: number; rule: string; message: string }[];
      /** `signed-by-another`: whose signature the party has. */
      previous?: ReplacedSignature;
    };

export interface DiffParams {
  uri: string;
}

export interface DiffResponse {
  diff: CharterDiff;
  /** The charter as it is now (for the page's title). */
  head: CharterView;
}
