import { effectiveOptions, type RulesConfig } from "../config/rules-config";
import staleCharter from "../rules/charter/stale-charter";
import phaseDuration from "../rules/crawl-walk-run/phase-duration";
import unbalancedExchange from "../rules/skin-in-the-game/unbalanced-exchange";
import type { PhaseName } from "./phases";

/**
 * The thresholds some facts are measured against. They are the options of the rules that
 * judge the same thing (configured in `.partner-charter.yaml` or the editor settings), so a
 * fact and its rule always use the same number.
 */
export interface FactSettings {
  /** `unbalanced-exchange` `ratio`: how many times more one side may commit in the same unit. */
  ratio: number;
  /** `phase-duration` windows: crawl and walk in weeks, run in calendar months. */
  windows: Readonly<Record<PhaseName, readonly [number, number]>>;
  /** `stale-charter` `days`: how long an active charter may go without a review. */
  reviewDays: number;
}

type Range = readonly [number, number];

export function factSettings(rules?: RulesConfig): FactSettings {
  const duration = effectiveOptions(phaseDuration, rules) as { crawlWeeks: Range; walkWeeks: Range; runMonths: Range };
  return {
    ratio: effectiveOptions(unbalancedExchange, rules).ratio as number,
    windows: { crawl: duration.crawlWeeks, walk: duration.walkWeeks, run: duration.runMonths },
    reviewDays: effectiveOptions(staleCharter, rules).days as number,
  };
}
