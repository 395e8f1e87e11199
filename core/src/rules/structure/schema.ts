import { defineRule } from "../rule";

export default defineRule({
  meta: {
    id: "schema",
    category: "Structure",
    defaultSeverity: "error",
    summary:
      "The charter does not follow the charter format: a missing or unknown key, a wrong type, a value outside its list, a bad date.",
    rationale:
      "Every charter follows the same format, so anyone can read any partnership the same way and the framework rules know where to look. Unknown keys are errors on purpose: a typo such as `exitCritera` would otherwise hide the exit criteria from every check. Each problem is reported once, on the node that explains it, with the allowed values and a suggestion when the value looks like a typo. Rules that read a section the schema already reported are skipped for that section.",
    options: {},
    reads: [],
    examples: {
      failing: "tier: strategc",
      passing: "tier: strategic",
    },
  },
  // Produced by the schema check (core/src/schema/validate-charter.ts), not by a check here.
});
