import { defineRule } from "../rule";

export default defineRule({
  meta: {
    id: "yaml-syntax",
    category: "Structure",
    defaultSeverity: "error",
    summary: "The file is not well-formed YAML.",
    rationale:
      "When the YAML itself is broken nothing else in the file can be trusted, so this is the only kind of finding such a file gets. The finding sits where the parser lost its way; fix it and the charter is checked in full. Typical causes are tab indentation, an unclosed quote, a key written twice, or a second document after `---`.",
    options: {},
    reads: [],
    suppressible: false,
    examples: {
      failing: 'title: "Acme × CloudCo\nstatus: draft',
      passing: 'title: "Acme × CloudCo"\nstatus: draft',
    },
  },
  // Produced by the parser (core/src/parse/parse-charter.ts), not by a check here.
});
