import { GATED_PHASES, PHASE_NAMES } from "../../facts";
import { defineRule } from "../rule";

const ADVICE = {
  crawl: "end the partnership, noting what the pilot taught",
  walk: "end the partnership or restart crawl with changes",
} as const;

export default defineRule({
  meta: {
    id: "sunk-cost",
    category: "Crawl, walk, run",
    defaultSeverity: "error",
    summary: "A phase failed its go/no-go, yet a later phase is still planned.",
    rationale:
      "A failed crawl or walk is the framework doing its job: it found out cheaply that the partnership does not deliver. Carrying on into the next phase because of the time and goodwill already spent is the sunk-cost trap, and it turns a small, useful failure into a large, expensive one. After a failed crawl, end the partnership and write down what you learned; after a failed walk, end it or restart crawl with real changes. Remove the later phase from the charter, or replace the charter.",
    options: {},
    reads: ["status", "phases.crawl.outcome", "phases.walk.outcome", "phases.walk?", "phases.run?"],
    judgesProgress: true,
    examples: {
      failing: "phases:\n  crawl: { outcome: failed }\n  walk: { start: 2026-03-09, customers: 8 }",
      passing: "phases:\n  crawl: { outcome: failed }\nstatus: ended",
    },
  },
  check({ facts, report }) {
    for (const name of GATED_PHASES) {
      if (facts.phases[name].outcome !== "failed") continue;
      const later = PHASE_NAMES.slice(PHASE_NAMES.indexOf(name) + 1).filter((next) => facts.phases[next].present);
      if (later.length === 0) continue;
      report({
        message: `The ${name} phase failed, yet ${later.join(" and ")} ${later.length === 1 ? "is" : "are"} still planned: the sunk-cost trap. Take ${later.length === 1 ? "it" : "them"} out and ${ADVICE[name]}.`,
        at: ["phases", later[0]!],
        anchor: "key",
        related: [{ at: ["phases", name, "outcome"], message: `The ${name} phase failed here.` }],
      });
    }
  },
});
