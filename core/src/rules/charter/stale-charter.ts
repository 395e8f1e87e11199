import { defineRule } from "../rule";

interface Options {
  days: number;
}

export default defineRule<Options>({
  meta: {
    id: "stale-charter",
    category: "Charter",
    defaultSeverity: "info",
    summary: "An active charter has not been reviewed (`updated`) for more than 120 days, or records no review at all.",
    rationale:
      "A charter is a living agreement: phases end, targets move, people change jobs. An active charter that nobody has touched in months probably no longer describes the partnership, and the next dispute will be settled against an outdated text. Review it with the partner at least every few months (the quarterly business review is a natural moment), then set `updated` to the review date. An active charter without `updated` records no review at all, and is reported on its `status`.",
    options: {
      days: {
        description: "a whole number of days: how long an active charter may go without a review",
        default: 120,
        schema: { type: "integer", minimum: 0 },
      },
    },
    reads: ["status", "updated"],
    judgesProgress: true,
    examples: {
      failing: "# today: 2026-11-24\nstatus: active\nupdated: 2026-03-02",
      passing: "# today: 2026-11-24\nstatus: active\nupdated: 2026-11-02",
    },
  },
  check({ facts, report }) {
    // An active charter past its review date (`stale-charter`'s days after `updated`), or with none.
    const review = facts.review;
    if (review.unrecorded) {
      report({
        message:
          "No review is recorded for this active charter: review it with the partner, then set updated to that date.",
        at: ["status"],
      });
    } else if (review.overdue) {
      report({
        message: `Last reviewed ${review.age} days ago (${review.updated}): review it with the partner at least every ${review.days} days, then update the date.`,
        at: ["updated"],
      });
    }
  },
});
