import { defineRule } from "../rule";
import { fillFix } from "../support/fixes";
import { isBlank } from "../support/text";

const SIDES = [
  { side: "us", label: "us" },
  { side: "partner", label: "the partner" },
  { side: "customers", label: "shared customers" },
] as const;

export default defineRule({
  meta: {
    id: "mutual-goals",
    category: "Three-sided value",
    defaultSeverity: "warning",
    summary: "The goals do not say what success looks like for us, for the partner or for shared customers.",
    rationale:
      "If each side has its own unspoken idea of success, the partnership will be judged by three different yardsticks and disappoint all of them. Write one line per party in `goals.us`, `goals.partner` and `goals.customers` — concrete enough that you could tell, a year from now, whether it happened. Each missing or empty goal is its own finding.",
    options: {},
    reads: ["goals.us", "goals.partner", "goals.customers"],
    subjects: ["goals.us", "goals.partner", "goals.customers"],
    examples: {
      failing: "goals:\n  us: 120 MSPs live in year one\n  partner: certified stack complete for all Gold MSPs",
      passing:
        "goals:\n  us: 120 MSPs live in year one\n  partner: certified stack complete for all Gold MSPs\n  customers: identity set up in under one day",
    },
  },
  check({ charter, today, report }) {
    const goals = charter.goals;
    if (!goals) return;
    for (const { side, label } of SIDES) {
      const goal = goals[side];
      if (!isBlank(goal)) continue;
      report({
        message: `No goal for ${label}: write in goals.${side} what success looks like for ${label === "us" ? "us" : "them"}, concrete enough to check in a year.`,
        at: ["goals", side],
        anchor: "value",
        fixes: [fillFix(["goals", side], today, `Add the goal for ${label} as TODO`)],
      });
    }
  },
});
