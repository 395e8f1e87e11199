import { finite, record, text } from "../facts/read";
import type { CommitmentType, LeverageType, Tier } from "../model/charter";
import { formatNumber } from "../text/numbers";

/**
 * Labels and amounts as a partnership manager reads them. Shared by the renderer (HTML and
 * Markdown) and the charter diff, so both say things the same way.
 */

/**
 * The label of a value the charter gives, looked up among the table's own keys only: a
 * `tier: toString` or a benefit `constructor` is not a label but an unknown value, shown as
 * written. (A local helper until the shared own-property lookup of core lands.)
 */
function ownLabel(labels: Readonly<Record<string, string>>, key: unknown): string | undefined {
  return typeof key === "string" && Object.hasOwn(labels, key) ? labels[key] : undefined;
}

/** `USD 300,000`, `15%`, `12 engineer-months`. */
export function formatAmount(amount: unknown): string | undefined {
  const data = record(amount);
  const value = finite(data.value);
  if (value === undefined) return undefined;
  return formatUnitAmount(value, typeof data.unit === "string" ? data.unit.trim() : "");
}

/** A number with its unit as written: currency codes before it, `%` and others after. */
export function formatUnitAmount(value: number, unit: string): string {
  const number = formatNumber(value);
  if (unit === "") return number;
  if (unit === "%" || unit.toLowerCase() === "percent") return `${number}%`;
  if (/^[A-Z]{3}$/.test(unit)) return `${unit} ${number}`;
  return `${number} ${unit}`;
}

export const TIER_LABELS: Record<Tier, string> = {
  integration: "Tier 1 · Integration",
  partnership: "Tier 2 · Partnership",
  strategic: "Tier 3 · Strategic",
};

export const TIER_ORDER: readonly Tier[] = ["integration", "partnership", "strategic"];

export function tierLabel(tier: unknown): string | undefined {
  return ownLabel(TIER_LABELS, tier) ?? text(tier);
}

/** The leverage scale, strongest first. */
export const LEVERAGE_SCALE: readonly { type: LeverageType; label: string; note: string }[] = [
  {
    type: "requirement",
    label: "Requirement",
    note: "strongest: the partner cannot meet a requirement (a certification, a mandated stack) without this partnership",
  },
  { type: "economic", label: "Economic", note: "strong: the partnership visibly improves the partner's own numbers" },
  {
    type: "competitive",
    label: "Competitive",
    note: "moderate: it keeps the partner level with a rival; prove it in a small pilot first",
  },
  {
    type: "customer",
    label: "Customer demand",
    note: "moderate: the partner's customers ask for it; prove it in a small pilot first",
  },
  { type: "co-marketing", label: "Co-marketing", note: "weakest: joint marketing alone seldom moves a deal" },
];

export function leverageRank(type: unknown): number | undefined {
  const index = LEVERAGE_SCALE.findIndex((step) => step.type === type);
  return index < 0 ? undefined : index;
}

export function leverageLabel(type: unknown): string | undefined {
  return LEVERAGE_SCALE.find((step) => step.type === type)?.label ?? text(type);
}

export const COMMITMENT_LABELS: Record<CommitmentType, string> = {
  engineering: "Engineering",
  spend: "Spend",
  "revenue-share": "Revenue share",
  "co-investment": "Co-investment",
  roadmap: "Roadmap",
  "executive-time": "Executive time",
  "co-marketing": "Co-marketing",
  support: "Support",
  distribution: "Distribution",
};

export function commitmentLabel(type: unknown): string {
  return ownLabel(COMMITMENT_LABELS, type) ?? text(type) ?? "Commitment";
}

const BENEFIT_LABELS: Record<string, string> = {
  distribution: "Distribution",
  credibility: "Credibility",
  revenue: "Revenue",
  "product-leverage": "Product leverage",
  retention: "Retention",
  differentiation: "Differentiation",
  "support-reduction": "Fewer support tickets",
  workflow: "Workflow",
  integration: "Integration",
  "single-vendor": "Single vendor",
  cost: "Lower cost",
  other: "Other",
};

export function benefitLabel(benefit: unknown): string {
  return ownLabel(BENEFIT_LABELS, benefit) ?? text(benefit) ?? "Benefit";
}

export const PHASE_LABELS = { crawl: "Crawl", walk: "Walk", run: "Run" } as const;
export type PhaseKey = keyof typeof PHASE_LABELS;
export const PHASE_KEYS: readonly PhaseKey[] = ["crawl", "walk", "run"];
