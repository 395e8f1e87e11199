import { monthsBetween, isoDate } from "./dates";
import { list, record, text } from "./read";

/**
 * Facts about the tiers a partnership has held (`tierHistory`, oldest first, the last entry
 * being the current tier): the graduation from a self-serve integration to a higher tier, and
 * how long the partnership held integration before it moved up (docs/rules/tier-fit.md).
 */

const TIER_LEVELS: readonly string[] = ["integration", "partnership", "strategic"];

export interface TierStep {
  /** Position in `tierHistory`. */
  index: number;
  tier?: string;
  /** Since when, as a real date. */
  since?: string;
}

export interface GraduationFact {
  /** The integration entry the partnership graduated from, and the entry of the higher tier. */
  from: TierStep;
  to: TierStep;
  /** Calendar months at integration before the move up. */
  months: number;
}

export interface TierHistoryFact {
  steps: TierStep[];
  /** The move from integration to a higher tier, when the history records one with both dates. */
  graduation?: GraduationFact;
}

export function tierHistoryFact(history: unknown): TierHistoryFact {
  const steps = list(history).map((item, index) => {
    const entry = record(item);
    return { index, tier: text(entry.tier), since: isoDate(entry.since) };
  });
  let graduation: GraduationFact | undefined;
  steps.forEach((step, i) => {
    const next = steps[i + 1];
    if (step.tier !== "integration" || !next || !step.since || !next.since) return;
    if (TIER_LEVELS.indexOf(next.tier ?? "") <= 0) return;
    const months = monthsBetween(step.since, next.since)!;
    // The longest stay at integration decides (a history may move up, down and up again).
    if (!graduation || months > graduation.months) graduation = { from: step, to: next, months };
  });
  return graduation ? { steps, graduation } : { steps };
}
