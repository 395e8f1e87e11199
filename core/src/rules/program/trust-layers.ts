import { defineRule } from "../rule";

export default defineRule({
  meta: {
    id: "trust-layers",
    category: "Partner program",
    defaultSeverity: "warning",
    summary: "An open program names no trust layers.",
    rationale:
      "An open ecosystem gives up reviewing partners at the door, so something else has to tell customers which partners are good: search that finds the right one, badges for the partners you have verified, usage numbers, health scores, ratings, curated collections, and moderation that removes the bad actors. Without them an open marketplace fills with abandoned and low-quality listings, and customers stop trusting any of it. List the layers the program runs in `ecosystem.trustLayers`.",
    options: {},
    reads: ["ecosystem.model", "ecosystem.trustLayers"],
    examples: {
      failing:
        "# acme.partner-program.yaml\napiVersion: partner-charter/v1\nkind: Program\nid: acme-partner-network\ntitle: Acme Partner Network\nowner: head-of-partnerships@acme.example\necosystem:\n  model: open\ntiers:\n  - tier: integration\n    name: Registered\n    graduation: { to: strategic, criteria: [three shared customers live] }\n  - { tier: strategic, name: Premier, provides: [partner-manager] }",
      passing:
        "# acme.partner-program.yaml\napiVersion: partner-charter/v1\nkind: Program\nid: acme-partner-network\ntitle: Acme Partner Network\nowner: head-of-partnerships@acme.example\necosystem:\n  model: open\n  trustLayers: [search, verified-badges, ratings, moderation]\ntiers:\n  - tier: integration\n    name: Registered\n    graduation: { to: strategic, criteria: [three shared customers live] }\n  - { tier: strategic, name: Premier, provides: [partner-manager] }",
    },
  },
  checkProgram({ program, report }) {
    const ecosystem = program.ecosystem;
    if (ecosystem?.model !== "open" || (ecosystem.trustLayers?.length ?? 0) > 0) return;
    report({
      message:
        "An open program needs trust layers in place of review: list them in ecosystem.trustLayers (search, verified-badges, ratings, moderation…).",
      at: ["ecosystem"],
      anchor: "key",
      fixes:
        ecosystem.trustLayers === undefined
          ? [
              {
                title: "Add trust layers to choose from",
                edits: [
                  {
                    kind: "insert",
                    into: ["ecosystem"],
                    key: "trustLayers",
                    yaml: "[search, verified-badges, ratings, moderation]",
                  },
                ],
                safe: false,
              },
            ]
          : undefined,
    });
  },
});
