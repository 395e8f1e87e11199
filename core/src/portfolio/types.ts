import type { MilestoneKind, PhaseName, Stage } from "../facts";

/**
 * The portfolio: every partnership at a glance (one row per charter), what needs attention,
 * and totals. Plain data (it is the JSON of `partner-charter portfolio --format json` and the
 * answer of the language server's `partnerCharter/portfolio`), documented by
 * schemas/partner-charter-portfolio.schema.json. Every date, stage and milestone in it is a
 * charter fact (core/src/facts); the portfolio only gathers and sorts them.
 */

export const PORTFOLIO_VERSION = 1;

/** A milestone of a charter, as the facts decide it, with the line it is written on (1-based). */
export interface PortfolioMilestone {
  /** Stable within a charter (`decision-crawl`, `launch`, `run-start`, `review`). */
  id: string;
  kind: MilestoneKind;
  phase?: PhaseName;
  label: string;
  date: string;
  daysUntil: number;
  line: number;
}

export interface PortfolioPhase {
  start?: string;
  end?: string;
  /** crawl and walk: `pending`, `passed` or `failed` (absent: pending). */
  outcome?: string;
}

/** What the program says about a charter's tier (filled in when charters belong to a program). */
export interface PortfolioTier {
  /** The program's own name for the tier ("Premier"). */
  name: string;
  /** How many partnerships the tier can serve at once. */
  maxPartners?: number;
}

/**
 * What a charter contributes to the portfolio, read from its data and facts once, when it is
 * analysed (so a report over thousands of files never keeps the parsed documents, and the
 * language server recomputes only the charter that changed).
 */
export interface PortfolioEntry {
  /** The file reads as a charter (it has facts). */
  charter: boolean;
  id?: string;
  title?: string;
  partner?: string;
  tier?: string;
  status?: string;
  owner?: string;
  stage?: Stage;
  phases: Record<PhaseName, PortfolioPhase>;
  /** Every milestone, by date. */
  milestones: PortfolioMilestone[];
  nextMilestone?: PortfolioMilestone;
  /** An active charter past its review date: since when it was due, and the `updated` line. */
  reviewOverdue?: { due: string; daysUntil: number; line: number };
  /** The pre-launch checklist items not done yet (`done` or `n/a`), as `launch-readiness` names them. */
  launchOpen: string[];
  /** Signatures whose digest no longer matches the charter. */
  outdatedSignatures: { party?: string; name?: string; line: number }[];
  /** The charter's tier as its partner program names it, with the tier's capacity. */
  programTier?: PortfolioTier;
}

/** One row of the portfolio: a charter file. */
export interface PortfolioCharter extends Omit<
  PortfolioEntry,
  "charter" | "reviewOverdue" | "launchOpen" | "outdatedSignatures" | "programTier"
> {
  /** The file, as the caller names it (relative to the current folder in the CLI). */
  file: string;
  /** The editor's URI of the file (language server only). */
  uri?: string;
  programTier?: PortfolioTier;
  /** Health score 0–100; null when the file does not read as a charter ("—"). */
  health: number | null;
  errors: number;
  warnings: number;
}

export type AttentionKind =
  "decision-overdue" | "decision-due" | "launch" | "review-overdue" | "signature-outdated" | "errors";

/** Something a head of partnerships must act on, with where it is written. */
export interface AttentionItem {
  kind: AttentionKind;
  file: string;
  uri?: string;
  /** 1-based line of the file. */
  line: number;
  id?: string;
  partner?: string;
  /** The date it is (or was) due. */
  date?: string;
  daysUntil?: number;
  /** In plain words, e.g. "crawl go/no-go decision overdue by 12 days". */
  message: string;
}

export interface PortfolioTotals {
  charters: number;
  byTier: Record<string, number>;
  byStatus: Record<string, number>;
  byStage: Record<string, number>;
  /** Health distribution: `high` 80–100, `medium` 50–79, `low` 0–49, `none` no score. */
  health: { high: number; medium: number; low: number; none: number };
  /** Each program tier's use against its `maxPartners` (charters in a program only). */
  programTiers?: { tier: string; name: string; used: number; maxPartners?: number }[];
}

export interface Portfolio {
  version: typeof PORTFOLIO_VERSION;
  today: string;
  charters: PortfolioCharter[];
  attention: AttentionItem[];
  totals: PortfolioTotals;
}
