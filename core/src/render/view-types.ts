import type { BalanceVerdict, SignatureState, Stage } from "../facts";
import type { SeverityCounts } from "../facts/health";
import type { Severity } from "../types";
import type { PhaseKey } from "./format";

/**
 * What the charter page shows, as data: the model both renderers (HTML and Markdown) draw.
 * Built by `renderModel` (view-model.ts) from a `CharterView` and its facts.
 */

/**
 * Who the page is for. `internal`: the team that keeps the charter (file name, findings, health
 * score, line numbers). `partner`: the page sent for signature (both companies named, none of
 * the above, a signature block for each party).
 */
export type Audience = "internal" | "partner";
export const AUDIENCES: readonly Audience[] = ["internal", "partner"];

/** The two companies as the page names them (never "we" or "us": the partner reads it too). */
export interface Companies {
  /** Our company: `company.name`, then the program's, then "our company". */
  us: string;
  /** The partner's `partner.name`, else "the partner". */
  partner: string;
}

export interface ValueColumn {
  side: "us" | "partner" | "customers";
  label: string;
  items: { benefit: string; detail?: string }[];
  goal?: string;
}

export interface CommitmentLine {
  type: string;
  label: string;
  economic: boolean;
  detail?: string;
  amount?: string;
}

export interface ExchangeSide {
  side: "us" | "partner";
  label: string;
  gives: CommitmentLine[];
  loses?: string;
  economicCount: number;
  totals: string[];
}

export interface Exchange {
  stated: boolean;
  sides: [ExchangeSide, ExchangeSide];
  /** Same-unit totals of both sides, e.g. "USD: us 100,000 · partner 300,000 (1 : 3)". */
  comparisons: string[];
  /** The authors' answer to "would both sides still do this if the other walked?". */
  balanced?: boolean;
  /** The balance verdict of the facts: what the code lens and `unbalanced-exchange` say. */
  verdict: BalanceVerdict;
  /** The verdict, then what each side puts in and the authors' answer, in one sentence. */
  balanceLine: string;
}

export interface LeverageView {
  type?: string;
  evidence?: string;
  ifWeWalkAway?: string;
  scale: { type: string; label: string; note: string; selected: boolean }[];
}

export interface CriterionView {
  metric: string;
  bar: string;
}

export interface PhaseView {
  key: PhaseKey;
  label: string;
  present: boolean;
  start?: string;
  end?: string;
  /** The length in the framework's units, as the rules say it ("7.6 weeks", "5 months and 29 days"). */
  length?: string;
  customers?: string;
  integration?: string;
  deliverables: string[];
  criteria: CriterionView[];
  /** crawl and walk only: `pending` when not stated. */
  outcome?: string;
  decidedOn?: string;
  reviewCadence?: string;
  roiValidated?: boolean;
  /** Position on the timeline in percent of its width, when the start date is known. */
  bar?: { left: number; width: number; open: boolean };
}

export interface TimelineView {
  phases: PhaseView[];
  /** First and last date the timeline shows, when any phase has dates. */
  from?: string;
  to?: string;
  /** Where today falls, in percent of the width (0–100), when the timeline has dates. */
  todayAt?: number;
  today: string;
  /** The partnership's current stage (a fact: from status, phase dates, outcomes and today). */
  stage: Stage;
}

export interface SignatureView {
  /** The company that signed (or the party as written when it is neither side). */
  party: string;
  side?: "us" | "partner";
  name?: string;
  title?: string;
  date?: string;
  digest?: string;
  /** `current`: the signed text is unchanged; `outdated`: it changed since; `none`: no digest. */
  state: SignatureState;
}

export interface FindingView {
  severity: Severity;
  rule: string;
  message: string;
  /** 0-based, as in the findings (the editor's convention). */
  line: number;
  character: number;
}

/** One party's place to sign on the partner page: its signature when present. */
export interface SignatureBlock {
  side: "us" | "partner";
  company: string;
  signature?: SignatureView;
}

export interface RenderModel {
  audience: Audience;
  companies: Companies;
  /**
   * Set when findings other than those signing resolves stop the charter from being signed
   * (core/src/signing decides which): the page is marked "Draft — not ready for signature".
   */
  draft?: { blocking: number };
  readable: boolean;
  fileName: string;
  title: string;
  partner?: string;
  website?: string;
  tier?: string;
  status?: string;
  owner?: string;
  updated?: string;
  id?: string;
  /** Undefined: no score ("—"), for a file that could not be read as a charter. */
  health?: number;
  counts: SeverityCounts;
  suppressed: number;
  today: string;
  value: ValueColumn[];
  exchange: Exchange;
  leverage: LeverageView;
  timeline: TimelineView;
  measurement: {
    metrics: { name: string; target?: string; source?: string }[];
    reviewCadence?: string;
    dashboard?: string;
  };
  governance: {
    owners: { us?: string; partner?: string };
    sponsors: { us?: string; partner?: string };
    partnerManager?: string;
    syncCadence?: string;
    escalation: string[];
    exitCriteria: string[];
  };
  signatures: SignatureView[];
  /** Our company's block, then the partner's. */
  signatureBlocks: [SignatureBlock, SignatureBlock];
  launch?: { date?: string; done: number; total: number; open: string[] };
  findings: FindingView[];
}

export const NOT_STATED = "not stated";

/** The mark on a page that cannot be signed yet. */
export const DRAFT_MARK = "Draft — not ready for signature";
