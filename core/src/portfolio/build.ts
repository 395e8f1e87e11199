import { charterHealth, countSeverities, type Stage } from "../facts";
import { listPhrase, plural } from "../text/words";
import type { Finding } from "../types";
import {
  PORTFOLIO_VERSION,
  type AttentionItem,
  type Portfolio,
  type PortfolioCharter,
  type PortfolioEntry,
  type PortfolioMilestone,
  type PortfolioTotals,
  type PortfolioTier,
} from "./types";

/** One charter file for the portfolio: its entry (from its analysis) and its final findings. */
export interface PortfolioInput {
  file: string;
  uri?: string;
  entry: PortfolioEntry;
  findings: readonly Pick<Finding, "severity" | "range">[];
}

export interface PortfolioOptions {
  today: string;
  /** Days ahead that count as "coming up" (decisions due, launches). */
  horizon: number;
  /**
   * The program tier of a charter whose entry does not carry one (its program was not
   * discovered with it, e.g. a caller that assembles the rows itself).
   */
  programTierOf?: (charter: PortfolioCharter) => PortfolioTier | undefined;
}

export const DEFAULT_HORIZON = 30;
export const STAGES: readonly Stage[] = ["planned", "crawl", "walk", "run", "ended"];
/** The lowest score of each health band (`PortfolioTotals.health`). */
export const HEALTH_BANDS = { high: 80, medium: 50 } as const;

function days(count: number): string {
  return plural(Math.abs(count), "day");
}

/** "in 3 days", "today", "3 days ago". */
export function whenWords(daysUntil: number): string {
  if (daysUntil === 0) return "today";
  return daysUntil > 0 ? `in ${days(daysUntil)}` : `${days(daysUntil)} ago`;
}

/** The values of an entry a row shows as they are. */
const ROW_FIELDS = ["id", "title", "partner", "tier", "status", "owner", "stage"] as const;

function row(input: PortfolioInput, options: PortfolioOptions): PortfolioCharter {
  const { entry } = input;
  const counts = countSeverities(input.findings);
  const result: PortfolioCharter = {
    file: input.file,
    ...(input.uri ? { uri: input.uri } : {}),
    ...Object.fromEntries(ROW_FIELDS.filter((key) => entry[key] !== undefined).map((key) => [key, entry[key]])),
    phases: entry.phases,
    milestones: entry.milestones,
    ...(entry.nextMilestone ? { nextMilestone: entry.nextMilestone } : {}),
    health: charterHealth({ scored: entry.charter, findings: input.findings }) ?? null,
    errors: counts.errors,
    warnings: counts.warnings,
  };
  const tier = entry.programTier ?? options.programTierOf?.(result);
  if (tier) result.programTier = tier;
  return result;
}

function decisionItem(
  milestone: PortfolioMilestone,
  horizon: number,
): Pick<AttentionItem, "kind" | "message"> | undefined {
  if (milestone.daysUntil < 0) {
    return { kind: "decision-overdue", message: `${milestone.label} overdue by ${days(milestone.daysUntil)}` };
  }
  if (milestone.daysUntil <= horizon) {
    return { kind: "decision-due", message: `${milestone.label} due ${whenWords(milestone.daysUntil)}` };
  }
  return undefined;
}

/** What needs attention in one charter. */
function attentionOf(input: PortfolioInput, charter: PortfolioCharter, horizon: number): AttentionItem[] {
  const { entry } = input;
  const base = {
    file: input.file,
    ...(input.uri ? { uri: input.uri } : {}),
    ...(entry.id ? { id: entry.id } : {}),
    ...(entry.partner ? { partner: entry.partner } : {}),
  };
  const items: AttentionItem[] = [];
  const dated = (milestone: PortfolioMilestone, item: Pick<AttentionItem, "kind" | "message">): AttentionItem => ({
    ...base,
    ...item,
    line: milestone.line,
    date: milestone.date,
    daysUntil: milestone.daysUntil,
  });
  // An ended charter is history: its decisions and launch are no longer pending.
  if (entry.status !== "ended") {
    for (const milestone of entry.milestones) {
      if (milestone.kind === "decision") {
        const item = decisionItem(milestone, horizon);
        if (item) items.push(dated(milestone, item));
      } else if (
        milestone.kind === "launch" &&
        milestone.daysUntil >= 0 &&
        milestone.daysUntil <= horizon &&
        entry.launchOpen.length > 0
      ) {
        const open = `${plural(entry.launchOpen.length, "pre-launch item")} not done: ${listPhrase(entry.launchOpen)}`;
        items.push(
          dated(milestone, { kind: "launch", message: `launch ${whenWords(milestone.daysUntil)} with ${open}` }),
        );
      }
    }
  }
  if (entry.reviewOverdue) {
    const { due, daysUntil, line } = entry.reviewOverdue;
    items.push({
      ...base,
      kind: "review-overdue",
      line,
      date: due,
      daysUntil,
      message: `charter review overdue by ${days(daysUntil)}`,
    });
  }
  for (const signature of entry.outdatedSignatures) {
    const who = signature.name ?? signature.party ?? "a party";
    items.push({
      ...base,
      kind: "signature-outdated",
      line: signature.line,
      message: `${who}'s signature is outdated: the charter changed after signing`,
    });
  }
  if (charter.errors > 0) {
    const first = input.findings.find((finding) => finding.severity === "error");
    items.push({
      ...base,
      kind: "errors",
      line: (first?.range.start.line ?? 0) + 1,
      message: `${plural(charter.errors, "error")} to fix`,
    });
  }
  return items;
}

/** Dated items first, oldest first (overdue before upcoming); then the rest by file and line. */
function byUrgency(a: AttentionItem, b: AttentionItem): number {
  if (a.date !== b.date) {
    if (a.date === undefined) return 1;
    if (b.date === undefined) return -1;
    return a.date < b.date ? -1 : 1;
  }
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line;
}

function count(into: Record<string, number>, key: string | undefined): void {
  const name = key ?? "none";
  into[name] = (into[name] ?? 0) + 1;
}

function totalsOf(charters: readonly PortfolioCharter[]): PortfolioTotals {
  const totals: PortfolioTotals = {
    charters: charters.length,
    byTier: {},
    byStatus: {},
    byStage: {},
    health: { high: 0, medium: 0, low: 0, none: 0 },
  };
  const programTiers = new Map<string, NonNullable<PortfolioTotals["programTiers"]>[number]>();
  for (const charter of charters) {
    count(totals.byTier, charter.tier);
    count(totals.byStatus, charter.status);
    count(totals.byStage, charter.stage);
    const band =
      charter.health === null
        ? "none"
        : charter.health >= HEALTH_BANDS.high
          ? "high"
          : charter.health >= HEALTH_BANDS.medium
            ? "medium"
            : "low";
    totals.health[band]++;
    const program = charter.programTier;
    if (program) {
      const key = `${charter.tier ?? ""}\u0000${program.name}`;
      const use = programTiers.get(key) ?? {
        tier: charter.tier ?? "none",
        name: program.name,
        used: 0,
        ...(program.maxPartners !== undefined ? { maxPartners: program.maxPartners } : {}),
      };
      // An ended partnership no longer takes a place in its tier.
      if (charter.status !== "ended") use.used++;
      programTiers.set(key, use);
    }
  }
  if (programTiers.size > 0) totals.programTiers = [...programTiers.values()];
  return totals;
}

/** The portfolio of these charter files. */
export function buildPortfolio(inputs: readonly PortfolioInput[], options: PortfolioOptions): Portfolio {
  const sorted = [...inputs].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const charters: PortfolioCharter[] = [];
  const attention: AttentionItem[] = [];
  for (const input of sorted) {
    const charter = row(input, options);
    charters.push(charter);
    attention.push(...attentionOf(input, charter, options.horizon));
  }
  attention.sort(byUrgency);
  return { version: PORTFOLIO_VERSION, today: options.today, charters, attention, totals: totalsOf(charters) };
}
