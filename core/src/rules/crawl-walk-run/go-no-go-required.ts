import { GATED_PHASES } from "../../facts";
import { defineRule } from "../rule";
import { fillFix } from "../support/fixes";

const BAR: Record<"crawl" | "walk", string> = {
  crawl: "the improvement pilot customers must see (e.g. `improvement: 20%`)",
  walk: "the share of invited customers who must adopt (e.g. `adoption: 70%`)",
};

/** A criterion with the framework's bar; what is measured is for the authors to decide. */
const CRITERION: Record<"crawl" | "walk", string> = {
  crawl: "- { metric: TODO, improvement: 20% }",
  walk: "- { metric: TODO, adoption: 70% }",
};

export default defineRule({
  meta: {
    id: "go-no-go-required",
    category: "Crawl, walk, run",
    defaultSeverity: "error",
    summary: "The crawl or walk phase has no go/no-go criteria.",
    rationale:
      'A phase without a go/no-go bar never fails: whatever happens, the partnership drifts into the next phase because nobody agreed in advance what "not good enough" means. Write the criteria before the phase starts, while both sides are still objective: the improvement pilot customers must see in crawl, the adoption rate invited customers must reach in walk. Then the end of each phase is a decision, not a formality.',
    options: {},
    reads: ["phases.crawl?", "phases.crawl.goNoGo?", "phases.walk?", "phases.walk.goNoGo?"],
    subjects: ["phases.crawl", "phases.walk"],
    examples: {
      failing: "phases:\n  crawl:\n    customers: 2\n    outcome: pending",
      passing:
        "phases:\n  crawl:\n    customers: 2\n    goNoGo:\n      - { metric: onboarding time, improvement: 25% }",
    },
  },
  check({ facts, today, report }) {
    for (const name of GATED_PHASES) {
      const phase = facts.phases[name];
      if (!phase.present || phase.criteria.length > 0) continue;
      report({
        message: `The ${name} phase has no go/no-go bar: add goNoGo with ${BAR[name]}.`,
        at: ["phases", name],
        anchor: "key",
        fixes: [
          fillFix(["phases", name, "goNoGo"], today, `Add a ${name} go/no-go criterion to fill in`, CRITERION[name]),
        ],
      });
    }
  },
});
