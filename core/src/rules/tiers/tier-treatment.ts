import { defineRule } from "../rule";
import { isBlank } from "../support/text";

export default defineRule({
  meta: {
    id: "tier-treatment",
    category: "Tiers",
    defaultSeverity: "info",
    summary: "A self-serve integration (Tier 1) gets white-glove treatment: a partner manager or a weekly sync.",
    rationale:
      "Self-serve partners want what lets them build on their own: good documentation, a community channel, office hours. A dedicated partner manager and weekly syncs are the treatment of the higher tiers, and giving them to a Tier 1 partner costs the team time it owes to the partnerships that need it — while the partner, who did not ask for it, learns to expect it. Either the partnership has outgrown Tier 1 (move the tier up, and the charter with it), or drop the white-glove items: no `governance.partnerManager`, and a sync no more often than every two weeks.",
    options: {},
    reads: ["tier", "governance.partnerManager", "governance.syncCadence"],
    subjects: ["governance.partnerManager", "governance.syncCadence"],
    examples: {
      failing: "tier: integration\ngovernance:\n  partnerManager: Dana Ortiz\n  syncCadence: weekly",
      passing: "tier: integration\ngovernance:\n  syncCadence: monthly",
    },
  },
  check({ charter, report }) {
    const { tier, governance } = charter;
    if (tier !== "integration" || !governance) return;
    if (!isBlank(governance.partnerManager)) {
      report({
        message:
          "A dedicated partner manager is white-glove treatment for a self-serve partner: move the tier up, or drop it.",
        at: ["governance", "partnerManager"],
        anchor: "value",
        fixes: [
          {
            title: "Remove the partner manager",
            safe: false,
            edits: [{ kind: "remove", at: ["governance", "partnerManager"] }],
          },
        ],
      });
    }
    if (governance.syncCadence === "weekly") {
      report({
        message:
          "A weekly sync is white-glove treatment for a self-serve partner: move the tier up, or sync less often.",
        at: ["governance", "syncCadence"],
        anchor: "value",
        fixes: [
          {
            title: "Sync every other week",
            safe: false,
            edits: [{ kind: "replace", at: ["governance", "syncCadence"], text: "biweekly" }],
          },
        ],
      });
    }
  },
});
