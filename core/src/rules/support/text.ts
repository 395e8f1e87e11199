import { ECONOMIC_COMMITMENT_TYPES } from "../../model/charter";
import { listPhrase } from "../../text/words";

/**
 * What the framework rules say in their messages beyond the facts. The free-text facts (blank
 * answers, stock phrases, money) live in core/src/facts and are re-exported here for the rules.
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

/** "an economic commitment (engineering, spend, revenue-share, co-investment or roadmap)". */
export const ECONOMIC_COMMITMENT = `an economic commitment (${listPhrase(ECONOMIC_COMMITMENT_TYPES, "or")})`;

/** "our side" / "the partner's side". */
export function sideName(side: "us" | "partner"): string {
  return side === "us" ? "our side" : "the partner's side";
}
