import { GATED_PHASES } from "../../facts";
import { plural } from "../../text/words";
import { defineRule } from "../rule";

export default defineRule({
  meta: {
    id: "decision-overdue",
    category: "Crawl, walk, run",
    defaultSeverity: "warning",
    summary: "Crawl or walk has ended, but its go/no-go outcome is still pending.",
    rationale:
      "The end of crawl and of walk is a decision point: both sides look at the go/no-go criteria and decide to continue, change course or stop. When the end date passes and the outcome stays `pending`, the partnership slides into the next phase by default, which is exactly how partnerships that do not deliver keep consuming time. Hold the review, then record `outcome: passed` or `outcome: failed` with `decidedOn`, or move the end date if the phase was really extended.",
    options: {},
    reads: ["status", "phases.crawl.end", "phases.crawl.outcome", "phases.walk.end", "phases.walk.outcome"],
    subjects: ["phases.crawl", "phases.walk"],
    judgesProgress: true,
    examples: {
      failing: "# today: 2026-04-15\nphases:\n  crawl: { start: 2026-01-05, end: 2026-02-27, outcome: pending }",
      passing:
        "# today: 2026-04-15\nphases:\n  crawl: { start: 2026-01-05, end: 2026-02-27, outcome: passed, decidedOn: 2026-03-02 }",
    },
  },
  check({ facts, report }) {
    for (const name of GATED_PHASES) {
      const phase = facts.phases[name];
      if (!phase.decision?.overdue) continue;
      report({
        message: `The ${name} go/no-go is ${plural(-phase.decision.daysUntil, "day")} overdue (the phase ended ${phase.decision.due}): record passed or failed with decidedOn, or move the end date.`,
        at: ["phases", name],
        anchor: "key",
      });
    }
  },
});
