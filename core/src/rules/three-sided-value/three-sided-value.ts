import { defineRule } from "../rule";
import { fillFix } from "../support/fixes";
import { isEmptyList } from "../support/text";

const SIDES = [
  { side: "us", label: "our company", examples: "distribution, credibility, revenue or product leverage" },
  {
    side: "partner",
    label: "the partner",
    examples: "revenue, retention, differentiation or a lighter support load",
  },
  {
    side: "customers",
    label: "shared customers",
    examples: "a better workflow, easier integration, a single vendor or lower cost",
  },
] as const;

export default defineRule({
  meta: {
    id: "three-sided-value",
    category: "Three-sided value",
    defaultSeverity: "error",
    summary: "The value proposition names no benefit for us, for the partner or for shared customers.",
    rationale:
      "A partnership that works creates value for three parties: our company, the partner, and the customers we share. If you cannot say what one of them gets, that party has no reason to keep showing up — and partnerships that leave customers out become marketing announcements. Fill in `valueProposition.us`, `.partner` and `.customers` with at least one concrete benefit each. Each missing or empty side is its own finding.",
    options: {},
    reads: ["valueProposition.us", "valueProposition.partner", "valueProposition.customers"],
    subjects: ["valueProposition.us", "valueProposition.partner", "valueProposition.customers"],
    examples: {
      failing:
        "valueProposition:\n  us:\n    - { benefit: distribution, detail: 400 certified MSPs }\n  partner:\n    - { benefit: retention, detail: MSPs keep certification }",
      passing:
        "valueProposition:\n  us:\n    - { benefit: distribution, detail: 400 certified MSPs }\n  partner:\n    - { benefit: retention, detail: MSPs keep certification }\n  customers:\n    - { benefit: single-vendor, detail: one bill through the marketplace }",
    },
  },
  check({ charter, today, report }) {
    const value = charter.valueProposition;
    if (!value) return;
    for (const { side, label, examples } of SIDES) {
      const items = value[side];
      if (!isEmptyList(items)) continue;
      report({
        message: `No benefit for ${label} in the value proposition: add one under valueProposition.${side} (e.g. ${examples}).`,
        at: ["valueProposition", side],
        anchor: "key",
        fixes: [fillFix(["valueProposition", side], today, `Add a benefit for ${label} with a TODO`)],
      });
    }
  },
});
