import type { CharterResult } from "../engine/check-charter";
import { charterFacts, charterHealth, record, text, type CharterFacts } from "../facts";
import type { Finding } from "../types";
import type { Charter } from "./charter";

/**
 * Everything needed to show one charter: its data, findings, health score and facts. It is
 * plain JSON: the language server returns it for `partnerCharter/model`, the preview and
 * `partner-charter render` draw it, so the preview and the Problems panel never disagree, and
 * the preview shows the facts the rules judged instead of working them out again.
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
  /** The health score; undefined ("no score", shown as "—") for an empty file, broken YAML or a non-charter. */
  health?: number;
  /** "Today" the findings were computed for (YYYY-MM-DD); the timeline marks it. */
  today: string;
  /** The charter's facts (phase lengths, balance, signature states, milestones…). */
  facts: CharterFacts;
  /** The partner program the charter belongs to (its nearest program file), as the page names it. */
  program?: ProgramLabel;
}

/** What a page says of a charter's program: its title, our company, the program's name for the charter's tier. */
export interface ProgramLabel {
  title?: string;
  companyName?: string;
  tierName?: string;
  /** How many partnerships the charter's tier can serve at once (the tier's `maxPartners`). */
  maxPartners?: number;
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
    health: charterHealth(result),
    today: where.today,
    // An analysis of unreadable YAML has no facts: those of no data (nothing stated).
    facts: result.facts ?? charterFacts(result.charter, { today: where.today, rules: result.rules }),
    ...(result.program ? { program: result.program } : {}),
  };
}

/** What the page calls our company when neither the charter nor its program names it. */
export const OUR_COMPANY = "our company";

/**
 * The name of our company, as the page shows it to a reader from the partner's side: the
 * charter's `company.name` (format 1.1), then the program's `company.name`, then the words
 * "our company". Read leniently: a `company` of the wrong shape reads as absent.
 */
export function ourCompanyName(view: Pick<CharterView, "charter" | "program">): string {
  return text(record(record(view.charter).company).name) ?? view.program?.companyName ?? OUR_COMPANY;
}
