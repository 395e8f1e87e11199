import { defineRule } from "../rule";

export default defineRule({
  meta: {
    id: "duplicate-id",
    category: "Structure",
    defaultSeverity: "error",
    summary: "Two charters in the same workspace or CLI run share an `id`.",
    rationale:
      "The `id` is how reports, dashboards and pull-request reviews refer to a partnership. Two charters with the same id make those references ambiguous — usually a copied charter whose id was never changed. Each of the charters gets the finding on its `id`, pointing at the other.",
    options: {},
    reads: ["id"],
    examples: {
      failing: "# a.partner.yaml\nid: acme-cloudco\n# b.partner.yaml\nid: acme-cloudco",
      passing: "# a.partner.yaml\nid: acme-cloudco\n# b.partner.yaml\nid: acme-globex",
    },
  },
  // Produced across files by core/src/engine/workspace.ts, not by a check here.
});
