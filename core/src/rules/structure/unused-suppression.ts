import { defineRule } from "../rule";

export default defineRule({
  meta: {
    id: "unused-suppression",
    category: "Configuration",
    defaultSeverity: "info",
    summary: "A suppression comment suppresses nothing.",
    rationale:
      "Suppressions are exceptions a reviewer agreed to. Once the underlying problem is fixed, a leftover `# partner-charter-disable…` comment would silently swallow the next real finding of that rule, so it is reported and should be removed.",
    options: {},
    reads: [],
    suppressible: false,
    examples: {
      failing:
        "# partner-charter-disable-next-line exit-criteria\ngovernance:\n  exitCriteria: [fewer than 10 customers live by Q3]",
      passing: "governance:\n  exitCriteria: [fewer than 10 customers live by Q3]",
    },
  },
  // Produced by core/src/suppress, not by a check here.
});
