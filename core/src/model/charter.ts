/**
 * The charter format v1 as TypeScript types (schemas/partner-charter.schema.json, README).
 * Rules receive a `Charter` whose sections passed the JSON Schema, so the types hold for
 * every section a rule reads. Every section is optional here: a required-but-missing one is
 * the schema's finding, and the rules that read it are skipped.
 */

export type Status = "draft" | "proposed" | "signed" | "active" | "paused" | "ended";
export type Tier = "integration" | "partnership" | "strategic";
export type LeverageType = "requirement" | "economic" | "competitive" | "customer" | "co-marketing";
export type UsBenefit = "distribution" | "credibility" | "revenue" | "product-leverage" | "other";
export type PartnerBenefit = "revenue" | "retention" | "differentiation" | "support-reduction" | "other";
export type CustomerBenefit = "workflow" | "integration" | "single-vendor" | "cost" | "other";
export type CommitmentType =
  | "engineering"
  | "spend"
  | "revenue-share"
  | "co-investment"
  | "roadmap"
  | "executive-time"
  | "co-marketing"
  | "support"
  | "distribution";
export type Integration = "manual" | "lightweight" | "formal" | "native";
export type Outcome = "pending" | "passed" | "failed";
export type ChecklistState = "done" | "todo" | "n/a";
/** A percentage as written: a number 0–100 or a string such as "25%". */
export type Percent = number | string;

export const ECONOMIC_COMMITMENT_TYPES: readonly CommitmentType[] = [
  "engineering",
  "spend",
  "revenue-share",
  "co-investment",
  "roadmap",
];

export interface Partner {
  name?: string;
  website?: string;
  engineeringCapacity?: boolean;
  marquee?: boolean;
  customersInCommon?: number;
}

export interface Decision {
  coreDifferentiator?: boolean;
  buildDelayMonths?: number;
  partnerNeedsUs?: boolean;
  choice?: "build" | "partner";
}

export interface Leverage {
  type?: LeverageType;
  evidence?: string;
  ifWeWalkAway?: string;
}

export interface ValueItem<B extends string> {
  benefit: B;
  detail: string;
}

export interface ValueProposition {
  us?: ValueItem<UsBenefit>[];
  partner?: ValueItem<PartnerBenefit>[];
  customers?: ValueItem<CustomerBenefit>[];
}

export interface Goals {
  us?: string;
  partner?: string;
  customers?: string;
}

export interface Amount {
  value: number;
  unit: string;
}

export interface Commitment {
  type: CommitmentType;
  detail: string;
  amount?: Amount;
}

export interface Commitments {
  us?: Commitment[];
  partner?: Commitment[];
  ifItFails?: { us?: string; partner?: string };
  balanced?: boolean;
}

export interface Criterion {
  metric: string;
  improvement?: Percent;
  adoption?: Percent;
  target?: string;
}

export interface PhaseBase {
  start?: string;
  end?: string;
  integration?: Integration;
  deliverables?: string[];
}

export interface GatedPhase extends PhaseBase {
  customers?: number;
  goNoGo?: Criterion[];
  outcome?: Outcome;
  decidedOn?: string;
}

export interface RunPhase extends PhaseBase {
  reviewCadence?: "monthly" | "quarterly";
  roiValidated?: boolean;
}

export interface Phases {
  crawl?: GatedPhase;
  walk?: GatedPhase;
  run?: RunPhase;
}

export interface Metric {
  name: string;
  target?: string;
  source?: string;
}

export interface Measurement {
  metrics?: Metric[];
  reviewCadence?: "weekly" | "monthly" | "quarterly";
  dashboard?: string;
}

export interface Sides {
  us?: string;
  partner?: string;
}

export interface Governance {
  owners?: Sides;
  sponsors?: Sides;
  partnerManager?: string;
  syncCadence?: "weekly" | "biweekly" | "monthly" | "quarterly";
  escalation?: string[];
  exitCriteria?: string[];
}

export interface Signature {
  party: "us" | "partner";
  name: string;
  title?: string;
  date: string;
  digest?: string;
}

export interface Launch {
  date?: string;
  checklist?: Partial<Record<string, ChecklistState>>;
}

export interface Charter {
  apiVersion?: string;
  kind?: string;
  id?: string;
  title?: string;
  status?: Status;
  owner?: string;
  updated?: string;
  tags?: string[];
  program?: string;
  company?: { name: string; website?: string };
  partner?: Partner;
  tier?: Tier;
  /** The tiers held, oldest first; the last is the current tier (the graduation path). */
  tierHistory?: { tier: Tier; since: string }[];
  decision?: Decision;
  leverage?: Leverage;
  valueProposition?: ValueProposition;
  goals?: Goals;
  commitments?: Commitments;
  phases?: Phases;
  measurement?: Measurement;
  governance?: Governance;
  signatures?: Signature[];
  launch?: Launch;
}

/** Parses a percentage written as 25 or "25%"; undefined when it is not one. */
export function percentValue(value: Percent | undefined): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value !== "string") return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(value);
  return match ? Number(match[1]) : undefined;
}
