import { defineRule } from "../rule";
import { ecosystemAdvice } from "../../program/ecosystem";

export default defineRule({
  meta: {
    id: "ecosystem-model",
    category: "Partner program",
    defaultSeverity: "warning",
    summary: "The program's curated or open model contradicts the curated-vs-open decision tree.",
    rationale:
      "Whether to review every partner before it joins, or to let anyone join and let quality surface, follows from two facts. When a weak partner would do real damage — a regulated or security-critical product — curate, whatever the volume. When it would not, compare how many partners want to join in the next year with how many the team can review by hand: if more want in than can be reviewed, curation makes the team the bottleneck and partners go elsewhere, so open the network and invest in trust layers; if review keeps up, curation is affordable and keeps the quality high. Change `ecosystem.model`, or correct the inputs if they are out of date. The rule only judges when `brandRisk` (and, for low risk, both numbers) are given.",
    options: {},
    reads: ["ecosystem.model", "ecosystem.brandRisk", "ecosystem.expectedPartners", "ecosystem.reviewCapacity"],
    examples: {
      failing:
        "# acme.partner-program.yaml\napiVersion: partner-charter/v1\nkind: Program\nid: acme-partner-network\ntitle: Acme Partner Network\nowner: head-of-partnerships@acme.example\necosystem:\n  model: curated\n  brandRisk: low\n  expectedPartners: 400\n  reviewCapacity: 60\n  trustLayers: [search, ratings]\ntiers:\n  - tier: integration\n    name: Registered\n    graduation: { to: strategic, criteria: [three shared customers live] }\n  - { tier: strategic, name: Premier, provides: [partner-manager] }",
      passing:
        "# acme.partner-program.yaml\napiVersion: partner-charter/v1\nkind: Program\nid: acme-partner-network\ntitle: Acme Partner Network\nowner: head-of-partnerships@acme.example\necosystem:\n  model: open\n  brandRisk: low\n  expectedPartners: 400\n  reviewCapacity: 60\n  trustLayers: [search, ratings]\ntiers:\n  - tier: integration\n    name: Registered\n    graduation: { to: strategic, criteria: [three shared customers live] }\n  - { tier: strategic, name: Premier, provides: [partner-manager] }",
    },
  },
  checkProgram({ program, report }) {
    const advice = ecosystemAdvice(program.ecosystem);
    if (!advice || advice.model === program.ecosystem?.model) return;
    report({
      message: `${advice.reason}: make this program ${advice.model}.`,
      at: ["ecosystem", "model"],
      anchor: "value",
      fixes: [
        {
          title: `Change the model to ${advice.model}`,
          edits: [{ kind: "replace", at: ["ecosystem", "model"], anchor: "value", text: advice.model }],
          safe: false,
        },
      ],
    });
  },
});
