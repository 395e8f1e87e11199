import { defineRule } from "../rule";
import { fillFix } from "../support/fixes";

export default defineRule({
  meta: {
    id: "recurring-touchpoints",
    category: "Charter",
    defaultSeverity: "warning",
    summary: "No review cadence is set, neither `measurement.reviewCadence` nor `phases.run.reviewCadence`.",
    rationale:
      "Partnerships rarely die in a dispute; they fade after launch, when both teams move on to the next thing and nobody is looking at the numbers any more. A fixed review rhythm (monthly metric reviews, quarterly business reviews with the executive sponsors) keeps the relationship cultivated and surfaces problems while they are small. Set `measurement.reviewCadence`, or `phases.run.reviewCadence` for the run phase.",
    options: {},
    reads: ["measurement?", "measurement.reviewCadence", "phases.run.reviewCadence"],
    examples: {
      failing: 'measurement:\n  metrics:\n    - { name: MSPs live, target: "120" }',
      passing: 'measurement:\n  metrics:\n    - { name: MSPs live, target: "120" }\n  reviewCadence: monthly',
    },
  },
  check({ charter, today, report }) {
    const measurement = charter.measurement;
    if (!measurement || measurement.reviewCadence || charter.phases?.run?.reviewCadence) return;
    report({
      message:
        "No recurring review: set measurement.reviewCadence (or phases.run.reviewCadence) so the partnership isn't left alone after launch.",
      at: ["measurement", "reviewCadence"],
      fixes: [fillFix(["measurement", "reviewCadence"], today, "Add a review cadence to decide (TODO)", "TODO")],
    });
  },
});
