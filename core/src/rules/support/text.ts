import { ECONOMIC_COMMITMENT_TYPES } from "../../model/charter";
import { listPhrase } from "../../text/words";

/**
 * What the framework rules say in their messages beyond the facts: phrases and the one
 * money test of `tier-provisions`. The free-text facts (blank answers, stock phrases) live in
 * core/src/facts/free-text.ts and are re-exported here for the rules.
 */

export {
  isBlank,
  isEmptyList,
  normalizePhrase,
  saysNothingChanges,
  saysNothingIsLost,
  NOTHING_CHANGES_PHRASES,
  NOTHING_LOST_PHRASES,
} from "../../facts/free-text";

/** The economic commitment types as a phrase for messages. */
export const ECONOMIC_TYPES_PHRASE = listPhrase(ECONOMIC_COMMITMENT_TYPES, "or");

/** True when a metric name or target speaks of money: revenue, ARR, bookings, pipeline or "$". */
export function mentionsRevenue(value: unknown): boolean {
  return typeof value === "string" && /revenue|bookings|pipeline|\$|\barr\b/i.test(value);
}

/** "our side" / "the partner's side". */
export function sideName(side: "us" | "partner"): string {
  return side === "us" ? "our side" : "the partner's side";
}
