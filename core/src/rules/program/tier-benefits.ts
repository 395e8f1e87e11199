import { defineRule } from "../rule";

const WHITE_GLOVE = ["partner-manager", "executive-relationship"];

export default defineRule({
  meta: {
    id: "tier-benefits",
    category: "Partner program",
    defaultSeverity: "warning",
    summary: "What a tier provides contradicts its level: white-glove for self-serve, or a strategic tier without it.",
    rationale:
      "Each level of partner wants something different. Self-serve integration partners want to build on their own: documentation, a community, office hours. A partner manager or an executive relationship at that level spends the team's scarcest time where it was not asked for, and cannot be kept up as the tier grows. Strategic partners are the opposite: what makes the tier strategic is a named partner manager and a relationship between the executives; without either, the tier's name promises what nobody delivers. Align `provides` with the level.",
    options: {},
    reads: ["tiers.*.tier", "tiers.*.provides"],
    subjects: ["tiers.*"],
    examples: {
      failing:
        "# acme.partner-program.yaml\napiVersion: partner-charter/v1\nkind: Program\nid: acme-partner-network\ntitle: Acme Partner Network\nowner: head-of-partnerships@acme.example\ntiers:\n  - tier: integration\n    name: Registered\n    provides: [documentation, partner-manager]\n    graduation: { to: strategic, criteria: [three shared customers live] }\n  - { tier: strategic, name: Premier, provides: [partner-manager] }",
      passing:
        "# acme.partner-program.yaml\napiVersion: partner-charter/v1\nkind: Program\nid: acme-partner-network\ntitle: Acme Partner Network\nowner: head-of-partnerships@acme.example\ntiers:\n  - tier: integration\n    name: Registered\n    provides: [documentation, community-channel]\n    graduation: { to: strategic, criteria: [three shared customers live] }\n  - { tier: strategic, name: Premier, provides: [partner-manager] }",
    },
  },
  checkProgram({ program, report }) {
    (program.tiers ?? []).forEach((tier, index) => {
      if (!tier.provides) return;
      const given = tier.provides.filter((item) => WHITE_GLOVE.includes(item));
      if (tier.tier === "integration" && given.length > 0) {
        report({
          message: `${tier.name} is self-serve, yet provides ${given.join(" and ")}: keep white-glove treatment for the higher tiers.`,
          at: ["tiers", index, "provides"],
          anchor: "key",
        });
      } else if (tier.tier === "strategic" && given.length === 0) {
        report({
          message: `${tier.name} is strategic but provides neither partner-manager nor executive-relationship: add them to provides.`,
          at: ["tiers", index, "provides"],
          anchor: "key",
        });
      }
    });
  },
});
