import { GATED_PHASES } from "../../facts";
import { listPhrase } from "../../text/words";
import { defineRule } from "../rule";

export default defineRule({
  meta: {
    id: "run-gate",
    category: "Crawl, walk, run",
    defaultSeverity: "error",
    summary:
      "The run phase has started although crawl or walk has not passed its go/no-go, or an active run has no validated ROI.",
    rationale:
      "Run is the expensive phase: joint enterprise selling, native integrations, marketplace listings, executive steering. It is earned, not scheduled. Enter it only when crawl and walk both passed their go/no-go criteria and the return on investment has been shown to hold at scale; otherwise both companies are scaling something nobody has proven. Record each phase's `outcome` when its decision is taken, and set `roiValidated: true` once the ROI model checks out with real numbers.\n\nA run planned for a future date is not judged: a charter plans all three phases up front, and the gate applies once `run.start` is today or past. An `ended` charter is history and is not judged either.",
    options: {},
    reads: [
      "status",
      "phases.crawl?",
      "phases.crawl.outcome",
      "phases.walk?",
      "phases.walk.outcome",
      "phases.run.start",
      "phases.run.roiValidated",
    ],
    // The ROI finding does not depend on the go/no-go outcomes.
    subjects: ["phases.run.roiValidated", "phases.crawl", "phases.walk"],
    judgesProgress: true,
    examples: {
      failing:
        "# today: 2026-11-24\nstatus: active\nphases:\n  crawl: { outcome: passed }\n  walk: { outcome: pending }\n  run: { start: 2026-06-08, roiValidated: true }",
      passing:
        "# today: 2026-11-24\nstatus: active\nphases:\n  crawl: { outcome: passed }\n  walk: { outcome: pending }\n  run: { start: 2027-01-04 }",
    },
  },
  check({ charter, facts, report }) {
    const run = facts.phases.run;
    // A run planned for later is a plan, not a breach.
    if (!run.present || !run.started) return;
    // A missing phase is crawl-first's finding.
    const open = GATED_PHASES.map((name) => facts.phases[name]).filter((p) => p.present && p.outcome !== "passed");
    if (open.length > 0) {
      const states = open.map((p) => (p.outcome === "failed" ? `${p.name} failed` : `${p.name} is still pending`));
      report({
        message: `The run started on ${run.start} while ${listPhrase(states)}: record a passed go/no-go first, or move the run start later.`,
        at: ["phases", "run", "start"],
        related: open.map((p) => ({
          at: ["phases", p.name, "outcome"],
          message: `The ${p.name} outcome is ${p.outcome ?? "not recorded (pending)"}.`,
        })),
      });
    }
    if (charter.status === "active" && run.roiValidated !== true) {
      report({
        message: `The run started on ${run.start} without a validated ROI: check the ROI model with the partner, then set roiValidated to true.`,
        at: ["phases", "run", "roiValidated"],
      });
    }
  },
});
