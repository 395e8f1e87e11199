import { defineRule } from "../rule";

export default defineRule({
  meta: {
    id: "program-tiers",
    category: "Partner program",
    defaultSeverity: "warning",
    summary: "A program defines fewer than two tiers.",
    rationale:
      "A program with one tier treats every partner the same, and partners are not the same: a small developer building on the public API wants documentation and a community to ask, while a strategic partner wants a partner manager, an executive relationship and revenue objectives. Giving everyone the strategic treatment does not scale; giving everyone the self-serve treatment loses the partners that matter most. Offer two or three tiers, each with what that kind of partner needs.",
    options: {},
    reads: ["tiers"],
    examples: {
      failing:
        "# acme.partner-program.yaml\napiVersion: partner-charter/v1\nkind: Program\nid: acme-partner-network\ntitle: Acme Partner Network\nowner: head-of-partnerships@acme.example\ntiers:\n  - { tier: strategic, name: Premier, provides: [partner-manager] }",
      passing:
        "# acme.partner-program.yaml\napiVersion: partner-charter/v1\nkind: Program\nid: acme-partner-network\ntitle: Acme Partner Network\nowner: head-of-partnerships@acme.example\ntiers:\n  - tier: integration\n    name: Registered\n    graduation: { to: strategic, criteria: [three shared customers live] }\n  - { tier: strategic, name: Premier, provides: [partner-manager] }",
    },
  },
  checkProgram({ program, report }) {
    const tiers = program.tiers;
    if (!tiers || tiers.length >= 2) return;
    report({
      message: `This program offers ${tiers.length === 1 ? "one tier" : "no tier"}: offer two or three, so self-serve and strategic partners each get what they need.`,
      at: ["tiers"],
      anchor: "key",
    });
  },
});
