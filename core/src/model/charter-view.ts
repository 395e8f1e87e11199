import type { CharterResult } from "../engine/check-charter";
import { healthScore } from "../health";
import type { Finding } from "../types";
import type { Charter } from "./charter";

/**
 * Everything needed to show one charter: its data, findings and health score. It is plain
 * JSON: the language server returns it for `partnerCharter/model`, the preview and
 * `partner-charter render` draw it, so the preview and the Problems panel never disagree.
 */
export interface CharterView {
  uri: string;
  /** File name for titles (e.g. `acme.partner.yaml`). */
  fileName: string;
  /** Editor document version the view was computed from, when there is one. */
  version?: number;
  /** The charter as data; undefined when the file is not a YAML mapping. */
  charter: Charter | undefined;
  /** False when the YAML could not be parsed (the preview keeps its last good render). */
  parseOk: boolean;
  findings: Finding[];
  suppressed: number;
  health: number;
  /** "Today" the findings were computed for (YYYY-MM-DD); the timeline marks it. */
  today: string;
}

export function charterView(
  result: CharterResult,
  where: { uri: string; fileName: string; today: string; version?: number },
): CharterView {
  return {
    uri: where.uri,
    fileName: where.fileName,
    version: where.version,
    charter: result.charter,
    parseOk: result.parsed.syntaxFindings.length === 0,
    findings: result.findings,
    suppressed: result.suppressed.length,
    health: healthScore(result.findings),
    today: where.today,
  };
}
