import type { CharterView } from "../../core/src/model/charter-view";

/** Custom requests of the Partner Charter language server (see server/src). */

export const MODEL_REQUEST = "partnerCharter/model";
export const VALIDATE_WORKSPACE_REQUEST = "partnerCharter/validateWorkspace";

export interface ModelParams {
  uri: string;
}

export type ModelResult = CharterView | null;

export interface ValidateWorkspaceResult {
  files: number;
  errors: number;
  warnings: number;
}

export type { CharterView };

export {
  DIFF_REQUEST,
  SIGN_REQUEST,
  type DiffParams,
  type DiffResponse,
  type SignParams,
  type SignResponse,
} from "../../core/src/model/review-protocol";
