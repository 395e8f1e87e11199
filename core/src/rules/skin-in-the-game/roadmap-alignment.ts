import { defineRule } from "../rule";
import { appendFix } from "../support/fixes";

export default defineRule({
  meta: {
    id: "roadmap-alignment",
    category: "Skin in the game",
    defaultSeverity: "warning",
    summary: "A partnership or strategic tier has no `roadmap` commitment from either side.",
    rationale:
      "Joint development (Tier 2) and strategic co-development (Tier 3) only make sense when the product roadmaps actually move: features built because of this partnership, on one side or both. If neither side commits a roadmap item, the higher tier is an expensive label on a self-serve integration. Add a `roadmap` commitment saying what gets built for the partnership, or reconsider the tier. Self-serve `integration` partnerships are not checked.",
    options: {},
    reads: ["tier", "commitments.us.*.type", "commitments.partner.*.type"],
    examples: {
      failing:
        "tier: partnership\ncommitments:\n  us:\n    - { type: engineering, detail: two engineers on the integration }\n  partner:\n    - { type: spend, detail: enablement fund }",
      passing:
        "tier: partnership\ncommitments:\n  us:\n    - { type: engineering, detail: two engineers on the integration }\n  partner:\n    - { type: roadmap, detail: billing API built for this partnership }",
    },
  },
  check({ charter, facts, report }) {
    const tier = charter.tier;
    if (tier !== "partnership" && tier !== "strategic") return;
    const { stated, us, partner } = facts.exchange;
    if (!stated || [...us.types, ...partner.types].includes("roadmap")) return;
    report({
      message: `No roadmap commitment at the ${tier} tier: add a "roadmap" item naming what gets built for the partnership, or lower the tier.`,
      at: ["commitments"],
      anchor: "key",
      fixes: [
        appendFix(
          ["commitments", "partner"],
          { type: "roadmap", detail: "TODO — what gets built for the partnership" },
          "Add a roadmap commitment for the partner to fill in",
        ),
      ],
    });
  },
});
