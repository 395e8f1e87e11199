import { judgingProgram } from "../../program/membership";
import { listPhrase } from "../../text/words";
import { defineRule } from "../rule";

export default defineRule({
  meta: {
    id: "tier-not-offered",
    category: "Partner program",
    defaultSeverity: "error",
    summary: "The charter's tier is not one of its program's tiers.",
    rationale:
      "A program says which tiers it offers, and each tier comes with what it provides and what it requires. A charter at a tier the program does not offer promises the partner a treatment nobody has agreed to give, and escapes every requirement the program sets. Choose one of the program's tiers (the message names them by the program's own names), or add the tier to the program if the program should offer it.",
    options: {},
    reads: ["tier", "program"],
    examples: {
      failing:
        "# acme.partner-program.yaml\napiVersion: partner-charter/v1\nkind: Program\nid: acme-partner-network\ntitle: Acme Partner Network\nowner: head-of-partnerships@acme.example\ntiers:\n  - tier: integration\n    name: Registered\n    graduation: { to: strategic, criteria: [three shared customers live] }\n  - tier: strategic\n    name: Premier\n    provides: [partner-manager]\n    requires: { minExitCriteria: 3, leverage: [requirement, economic] }\n# acme-cloudco.partner.yaml\ntier: partnership",
      passing:
        "# acme.partner-program.yaml\napiVersion: partner-charter/v1\nkind: Program\nid: acme-partner-network\ntitle: Acme Partner Network\nowner: head-of-partnerships@acme.example\ntiers:\n  - tier: integration\n    name: Registered\n    graduation: { to: strategic, criteria: [three shared customers live] }\n  - tier: strategic\n    name: Premier\n    provides: [partner-manager]\n    requires: { minExitCriteria: 3, leverage: [requirement, economic] }\n# acme-cloudco.partner.yaml\ntier: strategic",
    },
  },
  check({ charter, program, report }) {
    const judging = judgingProgram(charter.program, program);
    if (!judging?.tiers || charter.tier === undefined) return;
    if (judging.tiers.some((tier) => tier.tier === charter.tier)) return;
    const offered = judging.tiers.map((tier) => `${tier.name} (${tier.tier})`);
    report({
      message: `${judging.title ?? "This program"} does not offer the tier ${charter.tier}: choose ${offered.length ? listPhrase(offered, "or") : "a tier it offers"}.`,
      at: ["tier"],
      anchor: "value",
    });
  },
});
