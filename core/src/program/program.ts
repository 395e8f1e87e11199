import type { Range } from "../types";

/**
 * A partner program file (`*.partner-program.yaml`, FORMAT.md "Program files") as data: what
 * the program rules read, and what a charter of the program is judged against.
 */

export type TierLevel = "integration" | "partnership" | "strategic";

/** The levels, lowest first. */
export const TIER_LEVELS: readonly TierLevel[] = ["integration", "partnership", "strategic"];

export interface TierRequirements {
  fields?: string[];
  commitments?: { us?: string[]; partner?: string[] };
  leverage?: string[];
  minExitCriteria?: number;
  minMetrics?: number;
  maxRevenueSharePercent?: number;
}

export interface ProgramTier {
  tier: TierLevel;
  name: string;
  provides?: string[];
  requires?: TierRequirements;
  graduation?: { to: TierLevel; afterMonths?: number; criteria: string[] };
  maxPartners?: number;
}

export interface Program {
  apiVersion?: string;
  kind?: string;
  id?: string;
  title?: string;
  owner?: string;
  updated?: string;
  company?: { name?: string; website?: string };
  ecosystem?: {
    model?: "open" | "curated";
    brandRisk?: "high" | "low";
    expectedPartners?: number;
    reviewCapacity?: number;
    trustLayers?: string[];
  };
  tiers?: ProgramTier[];
}

/**
 * A program as its charters see it: loaded once per program file, passed to the analysis of
 * every charter that belongs to it. `tiers` is absent when the file does not read as a program
 * (broken YAML, no valid tiers): its charters are then not judged against it.
 */
export interface ProgramRef {
  /** Absolute path (or URI) of the program file. */
  file: string;
  /** The program's `id`, when it is a valid slug. */
  id?: string;
  /** The program's title, for messages and pages. */
  title?: string;
  /** Our company, for the pages of its charters. */
  companyName?: string;
  /** The tiers as the schema let them through; each `requires.fields` path is a charter path. */
  tiers?: readonly ProgramTier[];
}

/**
 * Which program a charter is judged against: the nearest program file, or none. Two program
 * files in the nearest folder are a conflict: the charter is judged against neither.
 */
export interface ProgramSetting {
  program?: ProgramRef;
  /** The program files that conflict (same folder), when there is a conflict. */
  conflicting?: readonly string[];
}

/** What the cross-file program rules need of a charter (never its full parse). */
export interface ProgramMember {
  file: string;
  /** The program file the charter belongs to. */
  programFile: string;
  tier?: string;
  ended: boolean;
  /** The range of the charter's `tier` value (related information of `tier-capacity`). */
  tierRange?: Range;
}

/** The tier of a program at a level. */
export function tierAt(program: Pick<ProgramRef, "tiers">, level: unknown): ProgramTier | undefined {
  return program.tiers?.find((tier) => tier.tier === level);
}

/** The program's highest tier (the one that needs no graduation path). */
export function highestTier(tiers: readonly ProgramTier[]): ProgramTier | undefined {
  let best: ProgramTier | undefined;
  for (const tier of tiers) {
    if (!best || TIER_LEVELS.indexOf(tier.tier) > TIER_LEVELS.indexOf(best.tier)) best = tier;
  }
  return best;
}
