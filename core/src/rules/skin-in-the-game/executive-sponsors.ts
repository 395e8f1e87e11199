import { listPhrase } from "../../text/words";
import { defineRule } from "../rule";
import { fillFix } from "../support/fixes";
import { isBlank, sideName } from "../support/text";

export default defineRule({
  meta: {
    id: "executive-sponsors",
    category: "Skin in the game",
    defaultSeverity: "warning",
    summary:
      "A partnership or strategic charter lacks an executive sponsor on one side or both (`governance.sponsors`); an error for strategic.",
    rationale:
      "Partnerships stall when nobody senior on either side cares: priorities shift, engineers get pulled, and there is no one to unblock it. Name an executive on each side who engages at least every quarter and owns the partnership's success. For a `strategic` (Tier 3) partnership, where an executive relationship is part of what the tier promises, a missing sponsor is an error rather than a warning. A sponsor written as an empty text counts as missing.\n\nA self-serve `integration` (Tier 1) is not checked: its partner builds on our public API with documentation and office hours, and no executive relationship is expected.",
    options: {},
    reads: ["tier", "governance.sponsors.us", "governance.sponsors.partner"],
    examples: {
      failing: "tier: strategic\ngovernance:\n  sponsors: { us: Chief Revenue Officer }",
      passing: "tier: strategic\ngovernance:\n  sponsors: { us: Chief Revenue Officer, partner: VP Channels }",
    },
  },
  check({ charter, today, report }) {
    const { tier, governance } = charter;
    if (!governance || (tier !== "partnership" && tier !== "strategic")) return;
    const sponsors = governance.sponsors;
    const missing = (["us", "partner"] as const).filter((side) => isBlank(sponsors?.[side]));
    if (missing.length === 0) return;
    const strategic = tier === "strategic";
    const names = missing.length === 2 ? "either side" : listPhrase(missing.map(sideName));
    const single = missing.length === 1 ? missing[0] : undefined;
    const blankValue = single !== undefined && sponsors?.[single] !== undefined;
    report({
      message: `No executive sponsor for ${names}: name a senior leader ${missing.length === 2 ? "on each side" : "there"} who meets at least quarterly${strategic ? " (Tier 3 promises it)" : ""}.`,
      // An empty sponsor is reported on its value; a missing one on the sponsors key (or governance).
      at: single && blankValue ? ["governance", "sponsors", single] : ["governance", "sponsors"],
      anchor: blankValue ? "value" : "key",
      severity: strategic ? "error" : undefined,
      fixes: [
        single
          ? fillFix(
              ["governance", "sponsors", single],
              today,
              `Add the executive sponsor for ${sideName(single)} as TODO`,
            )
          : fillFix(["governance", "sponsors"], today, "Add executive sponsors for both sides as TODO"),
      ],
    });
  },
});
