import type { CharterAnalysis } from "../engine/check-charter";
import { isPlaceholder, PHASE_NAMES, record, text, type Milestone, type PhaseName } from "../facts";
import { rangeAt, type ParsedCharter } from "../parse/parse-charter";
import { openItems, PRE_LAUNCH } from "../rules/support/launch";
import type { PortfolioEntry, PortfolioMilestone, PortfolioPhase } from "./types";

/**
 * What one charter contributes to the portfolio, read from its analysis: the values of its
 * data the rows show and the facts (stage, milestones, review, launch, signatures), each with
 * the line it is written on. Computed once per analysis; plain data.
 */

/** A text value the author decided (not `TODO`). */
function decided(value: unknown): string | undefined {
  return isPlaceholder(value) ? undefined : text(value);
}

function lineOf(parsed: ParsedCharter, path: (string | number)[]): number {
  return rangeAt(parsed, path, "value").start.line + 1;
}

/** Where each kind of milestone is written. */
function milestonePath(milestone: Milestone): (string | number)[] {
  if (milestone.kind === "decision") return ["phases", milestone.phase ?? "crawl", "end"];
  if (milestone.kind === "launch") return ["launch", "date"];
  if (milestone.kind === "run-start") return ["phases", "run", "start"];
  return ["updated"];
}

const NO_PHASES: Record<PhaseName, PortfolioPhase> = { crawl: {}, walk: {}, run: {} };

export function portfolioEntry(analysis: CharterAnalysis): PortfolioEntry {
  const { facts, parsed } = analysis;
  if (!facts || !analysis.scored) {
    return { charter: false, phases: NO_PHASES, milestones: [], launchOpen: [], outdatedSignatures: [] };
  }
  const data = record(parsed.data);
  const phases = {} as Record<PhaseName, PortfolioPhase>;
  for (const name of PHASE_NAMES) {
    const fact = facts.phases[name];
    phases[name] = {
      ...(fact.start ? { start: fact.start } : {}),
      ...(fact.end ? { end: fact.end } : {}),
      ...(name !== "run" && fact.outcome ? { outcome: fact.outcome } : {}),
    };
  }
  const milestones: PortfolioMilestone[] = facts.milestones.map((milestone) => ({
    ...milestone,
    line: lineOf(parsed, milestonePath(milestone)),
  }));
  const next = facts.nextMilestone;
  const review = milestones.find((milestone) => milestone.kind === "review");
  const tierName = analysis.program?.tierName;
  return {
    ...(tierName
      ? {
          programTier: {
            name: tierName,
            ...(analysis.program?.maxPartners !== undefined ? { maxPartners: analysis.program.maxPartners } : {}),
          },
        }
      : {}),
    charter: true,
    id: analysis.id?.value,
    title: decided(data.title),
    partner: decided(record(data.partner).name),
    tier: decided(data.tier),
    status: facts.status,
    owner: decided(data.owner),
    stage: facts.stage,
    phases,
    milestones,
    nextMilestone: next && milestones.find((milestone) => milestone.id === next.id),
    reviewOverdue:
      facts.review.overdue && review ? { due: review.date, daysUntil: review.daysUntil, line: review.line } : undefined,
    // The same open items `launch-readiness` names.
    launchOpen: openItems(facts.launch, PRE_LAUNCH),
    outdatedSignatures: facts.signatures
      .filter((signature) => signature.state === "outdated")
      .map((signature) => ({
        party: signature.party,
        name: signature.name,
        line: lineOf(parsed, ["signatures", signature.index]),
      })),
  };
}
