import { listPhrase } from "../../text/words";
import { defineRule } from "../rule";
import { isBlank, sideName } from "../support/text";

export default defineRule({
  meta: {
    id: "executive-sponsors",
    category: "Skin in the game",
    defaultSeverity: "warning",
    summary:
      "`governance.sponsors` lacks an executive sponsor on one side or both; an error for a strategic partnership.",
    rationale:
      "Partnerships stall when nobody senior on either side cares: priorities shift, engineers get pulled, and there is no one to unblock it. Name an executive on each side who engages at least every quarter and owns the partnership's success. For a `strategic` (Tier 3) partnership, where an executive relationship is part of what the tier promises, a missing sponsor is an error rather than a warning. A sponsor written as an empty text counts as missing.",
    options: {},
    reads: ["governance.sponsors", "tier"],
    examples: {
      failing: "tier: strategic\ngovernance:\n  sponsors: { us: Chief Revenue Officer }",
      passing: "tier: strategic\ngovernance:\n  sponsors: { us: Chief Revenue Officer, partner: VP Channels }",
    },
  },
  check({ charter, report }) {
    const governance = charter.governance;
    if (!governance) return;
    const sponsors = governance.sponsors;
    const missing = (["us", "partner"] as const).filter((side) => isBlank(sponsors?.[side]));
    if (missing.length === 0) return;
    const strategic = charter.tier === "strategic";
    const names = missing.length === 2 ? ["either side"] : missing.map(sideName);
    const tierNote = strategic
      ? " A strategic partnership promises an executive relationship, so this is required."
      : "";
    const single = missing.length === 1 ? missing[0] : undefined;
    const blankValue = single !== undefined && sponsors?.[single] !== undefined;
    const detail =
      sponsors === undefined
        ? '"governance.sponsors" is missing'
        : single
          ? `"governance.sponsors.${single}" is ${blankValue ? "empty" : "missing"}`
          : '"governance.sponsors" names neither side';
    report({
      message: `No executive sponsor is named for ${listPhrase(names)} (${detail}). Name a senior leader on each side who engages at least quarterly and can unblock the partnership.${tierNote}`,
      // An empty sponsor is reported on its value; a missing one on the sponsors key (or governance).
      at: single && blankValue ? ["governance", "sponsors", single] : ["governance", "sponsors"],
      anchor: blankValue ? "value" : "key",
      severity: strategic ? "error" : undefined,
    });
  },
});
