import { defineRule } from "../rule";
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
    examples: {
      failing: "goals:\n  us: 120 MSPs live in year one\n  partner: certified stack complete for all Gold MSPs",
      passing:
        "goals:\n  us: 120 MSPs live in year one\n  partner: certified stack complete for all Gold MSPs\n  customers: identity set up in under one day",
    },
  },
  check({ charter, report }) {
    const goals = charter.goals;
    if (!goals) return;
    for (const { side, label } of SIDES) {
      const goal = goals[side];
      if (!isBlank(goal)) continue;
      report({
        message: `The charter does not say what success looks like for ${label} ("goals.${side}" is ${goal === undefined ? "missing" : "empty"}). Write a concrete goal for each party — us, the partner and shared customers — so everyone judges the partnership by the same yardstick.`,
        at: ["goals", side],
        anchor: "value",
      });
    }
  },
});
