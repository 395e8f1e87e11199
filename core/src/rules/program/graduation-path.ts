import { highestTier, TIER_LEVELS } from "../../program/program";
import { defineRule } from "../rule";

export default defineRule({
  meta: {
    id: "graduation-path",
    category: "Partner program",
    defaultSeverity: "warning",
    summary: "A tier below the program's highest has no graduation path with at least one criterion.",
    rationale:
      "Partners start where their capability and our investment fit, and the good ones grow. If a tier does not say how a partner moves up — to which tier, after how long, and what must be true — every request to move up becomes a negotiation, and the partners who earned it wait while louder ones get promoted. Write the path down for every tier but the highest: `graduation.to`, `criteria` (what must be true: shared customers live, certification passed, a marquee logo), and `afterMonths` when time at the tier matters.",
    options: {},
    reads: ["tiers.*.tier", "tiers.*.graduation.criteria"],
    subjects: ["tiers.*"],
    examples: {
      failing:
        "# acme.partner-program.yaml\napiVersion: partner-charter/v1\nkind: Program\nid: acme-partner-network\ntitle: Acme Partner Network\nowner: head-of-partnerships@acme.example\ntiers:\n  - { tier: integration, name: Registered }\n  - { tier: strategic, name: Premier, provides: [partner-manager] }",
      passing:
        "# acme.partner-program.yaml\napiVersion: partner-charter/v1\nkind: Program\nid: acme-partner-network\ntitle: Acme Partner Network\nowner: head-of-partnerships@acme.example\ntiers:\n  - tier: integration\n    name: Registered\n    graduation: { to: strategic, afterMonths: 6, criteria: [three shared customers live] }\n  - { tier: strategic, name: Premier, provides: [partner-manager] }",
    },
  },
  checkProgram({ program, report }) {
    const tiers = program.tiers ?? [];
    const top = highestTier(tiers);
    tiers.forEach((tier, index) => {
      if (tier === top || (tier.graduation?.criteria?.length ?? 0) > 0) return;
      const next = TIER_LEVELS.find(
        (level) =>
          TIER_LEVELS.indexOf(level) > TIER_LEVELS.indexOf(tier.tier) && tiers.some((other) => other.tier === level),
      );
      report({
        message: `${tier.name} has no graduation path: say which tier its partners move up to, and what must be true first.`,
        at: ["tiers", index],
        anchor: "value",
        fixes:
          tier.graduation === undefined && next
            ? [
                {
                  title: "Add a graduation path to fill in",
                  edits: [
                    {
                      kind: "insert",
                      into: ["tiers", index],
                      key: "graduation",
                      yaml: `to: ${next}\nafterMonths: TODO\ncriteria: [TODO]`,
                    },
                  ],
                  safe: false,
                },
              ]
            : undefined,
      });
    });
  },
});
