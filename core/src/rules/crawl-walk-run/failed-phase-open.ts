import { GATED_PHASES, PHASE_NAMES } from "../../facts";
import { defineRule } from "../rule";

const OPEN_STATUSES: ReadonlySet<string> = new Set(["proposed", "signed", "active"]);

export default defineRule({
  meta: {
    id: "failed-phase-open",
    category: "Crawl, walk, run",
    defaultSeverity: "warning",
    summary: "Crawl or walk failed its go/no-go, nothing has been re-planned, and the charter is still open.",
    rationale:
      "A failed go/no-go is a decision point, not a pause. The framework leaves two ways forward: end the partnership (set `status: ended`, and keep the charter as the record of what was tried), or restart crawl with real changes (give crawl new dates and `outcome: pending`, and remove the later phases or re-plan them as pending). A charter that records the failure and stays `proposed`, `signed` or `active` with nothing re-planned keeps both teams half-committed to a partnership nobody is running. When a later phase is still planned after the failure, `sunk-cost` reports it instead.",
    options: {},
    reads: ["status", "phases.crawl?", "phases.crawl.outcome", "phases.walk?", "phases.walk.outcome", "phases.run?"],
    judgesProgress: true,
    examples: {
      failing:
        "status: active\nphases:\n  crawl: { start: 2026-01-05, end: 2026-02-27, customers: 2, outcome: failed }",
      passing: "status: ended\nphases:\n  crawl: { start: 2026-01-05, end: 2026-02-27, customers: 2, outcome: failed }",
    },
  },
  check({ facts, report }) {
    if (!OPEN_STATUSES.has(facts.status ?? "")) return;
    const phases = facts.phases;
    // A pending phase means something was re-planned (crawl restarted, a later phase re-planned).
    if (GATED_PHASES.some((name) => phases[name].present && phases[name].pending)) return;
    for (const name of GATED_PHASES) {
      if (phases[name].outcome !== "failed") continue;
      const later = PHASE_NAMES.slice(PHASE_NAMES.indexOf(name) + 1).some((next) => phases[next].present);
      if (later) continue; // sunk-cost's finding
      report({
        message: `The ${name} phase failed and nothing is re-planned: set the status to ended, or restart crawl with new dates and outcome pending.`,
        at: ["phases", name, "outcome"],
      });
    }
  },
});
