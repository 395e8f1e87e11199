import { defineRule } from "../rule";

export default defineRule({
  meta: {
    id: "config",
    category: "Configuration",
    defaultSeverity: "error",
    summary: "The configuration file or a suppression comment names an unknown rule or option, or a bad value.",
    rationale:
      "A misspelt rule id in `.partner-charter.yaml` or in a `# partner-charter-disable` comment would silently do nothing, and the team would believe a rule is tuned or silenced when it is not. Problems in the configuration file are errors, reported on the offending key of that file; an unknown rule in a suppression comment is a warning on the comment.",
    options: {},
    reads: [],
    suppressible: false,
    examples: {
      failing: "rules:\n  phase-durations: off",
      passing: "rules:\n  phase-duration: off",
    },
  },
  // Produced by core/src/config and core/src/suppress, not by a check here.
});
