import { defineRule } from "../rule";

export default defineRule({
  meta: {
    id: "tier-capacity",
    category: "Partner program",
    defaultSeverity: "warning",
    summary: "More charters that have not ended sit in a tier than its maxPartners.",
    rationale:
      "A tier's benefits cost the team time: a partner manager can run a handful of strategic partnerships well, and a dozen badly. `maxPartners` is how many partnerships the tier can serve at once; once more charters that have not ended sit in it, every partner at that tier gets less than the tier promised. Raise the limit if the team has grown, or move partnerships to the tier that fits them, or end the ones that are over. The finding sits on the tier's `maxPartners`, with each charter in the tier as related information: in the editor every charter of the workspace, in the command line the charters of the run. (The engine counts the charters; this rule has no check of its own.)",
    options: {},
    reads: [],
    examples: {
      failing:
        "# acme.partner-program.yaml\napiVersion: partner-charter/v1\nkind: Program\nid: acme-partner-network\ntitle: Acme Partner Network\nowner: head-of-partnerships@acme.example\ntiers:\n  - tier: integration\n    name: Registered\n    graduation: { to: strategic, criteria: [three shared customers live] }\n  - { tier: strategic, name: Premier, provides: [partner-manager], maxPartners: 1 }\n# acme-cloudco.partner.yaml\nid: acme-cloudco\n# acme-datalake.partner.yaml\nid: acme-datalake",
      passing:
        "# acme.partner-program.yaml\napiVersion: partner-charter/v1\nkind: Program\nid: acme-partner-network\ntitle: Acme Partner Network\nowner: head-of-partnerships@acme.example\ntiers:\n  - tier: integration\n    name: Registered\n    graduation: { to: strategic, criteria: [three shared customers live] }\n  - { tier: strategic, name: Premier, provides: [partner-manager], maxPartners: 2 }\n# acme-cloudco.partner.yaml\nid: acme-cloudco\n# acme-datalake.partner.yaml\nid: acme-datalake",
    },
  },
});
