import { GATED_PHASES } from "../../facts";
import { capitalize } from "../../text/words";
import { defineRule } from "../rule";

export default defineRule({
  meta: {
    id: "run-gate",
    category: "Crawl, walk, run",
    defaultSeverity: "error",
    summary:
      "The run phase is under way although crawl or walk has not passed its go/no-go, or an active run has no validated ROI.",
    rationale:
      "Run is the expensive phase: joint enterprise selling, native integrations, marketplace listings, executive steering. It is earned, not scheduled. Enter it only when crawl and walk both passed their go/no-go criteria and the return on investment has been shown to hold at scale; otherwise both companies are scaling something nobody has proven. Record each phase's `outcome` when its decision is taken, and set `roiValidated: true` once the ROI model checks out with real numbers. Until then, keep the charter out of `active` and the run start in the future.",
    options: {},
    reads: ["status", "phases.crawl", "phases.walk", "phases.run"],
    examples: {
      failing:
        "status: active\nphases:\n  crawl: { outcome: passed }\n  walk: { outcome: pending }\n  run: { start: 2026-06-08, roiValidated: true }",
      passing:
        "status: active\nphases:\n  crawl: { outcome: passed }\n  walk: { outcome: passed }\n  run: { start: 2026-06-08, roiValidated: true }",
    },
  },
  check({ charter, facts, report }) {
    const run = facts.phases.run;
    if (!run.present) return;
    const active = charter.status === "active";
    // 1. Run entered before crawl and walk passed. A missing phase is crawl-first's finding.
    const open = GATED_PHASES.map((name) => facts.phases[name]).filter((p) => p.present && p.outcome !== "passed");
    if ((active || run.started) && open.length > 0) {
      const why = active
        ? run.started
          ? `the charter is active and the run phase started on ${run.start}`
          : "the charter is active"
        : `the run phase started on ${run.start}`;
      const states = open.map((p) => (p.outcome === "failed" ? `${p.name} failed` : `${p.name} is still pending`));
      report({
        message: `${capitalize(why)}, but ${states.join(" and ")}. Enter run only when both crawl and walk have passed their go/no-go criteria: record the passed outcome, or keep the run start in the future and the charter out of \`active\`.`,
        at: ["phases", "run"],
        anchor: "key",
        related: open.map((p) => ({
          at: ["phases", p.name, "outcome"],
          message: `The ${p.name} outcome is ${p.outcome ?? "not recorded (pending)"}.`,
        })),
      });
    }
    // 2. An active run without a validated ROI.
    if (active && run.started && run.roiValidated !== true) {
      const stated = run.roiValidated === false ? "`roiValidated` is false" : "`roiValidated` is not set";
      report({
        message: `The charter is active and the run phase started on ${run.start}, but ${stated}: nobody has shown that the ROI model holds at scale. Validate it with the partner and set \`roiValidated: true\`, or pause the charter until it is.`,
        at: ["phases", "run", "roiValidated"],
      });
    }
  },
});
