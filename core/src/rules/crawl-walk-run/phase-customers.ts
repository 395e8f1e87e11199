import { defineRule } from "../rule";

type Range = [number, number];

const EXPECTATIONS = [
  { name: "crawl", who: "pilot customers", why: "enough to measure, few enough to stop cheaply" },
  {
    name: "walk",
    who: "additional customers",
    why: "enough to show adoption beyond one friendly account, few enough to support by hand",
  },
] as const;

interface Options {
  crawl: Range;
  walk: Range;
}

const rangeSchema = { type: "array", items: { type: "integer", minimum: 0 }, minItems: 2, maxItems: 2 };

export default defineRule<Options>({
  meta: {
    id: "phase-customers",
    category: "Crawl, walk, run",
    defaultSeverity: "warning",
    summary: "The number of customers in crawl (1–2 pilots) or walk (5–10 more) is outside the framework's range.",
    rationale:
      "Crawl needs real customers, but only one or two: with none there is nothing to measure, and with many the pilot becomes a launch that is expensive to unwind. Walk widens the test to a handful more customers, five to ten, enough to show that adoption is not a fluke of one friendly account, few enough to support by hand while the formal integration is built. Adjust the customer count, or tune the ranges for your program in `.partner-charter.yaml`.",
    options: {
      crawl: {
        description: "two whole numbers [min, max]: how many pilot customers the crawl phase may have",
        default: [1, 2],
        schema: rangeSchema,
      },
      walk: {
        description: "two whole numbers [min, max]: how many additional customers the walk phase may have",
        default: [5, 10],
        schema: rangeSchema,
      },
    },
    reads: ["phases.crawl.customers", "phases.walk.customers"],
    subjects: ["phases.crawl", "phases.walk"],
    examples: {
      failing: "phases:\n  crawl:\n    customers: 12",
      passing: "phases:\n  crawl:\n    customers: 2",
    },
  },
  check({ facts, options, report }) {
    for (const { name, who, why } of EXPECTATIONS) {
      const count = facts.phases[name].customers;
      const [min, max] = options[name];
      if (count === undefined || (count >= min && count <= max)) continue;
      const advice = count < min ? `recruit ${min} or more` : `limit it to ${max}`;
      report({
        message: `${count} ${who} in ${name}, outside ${min}–${max}: ${advice}, ${why}.`,
        at: ["phases", name, "customers"],
        fixes: [
          {
            title: `Set the ${name} customers to ${count < min ? min : max}`,
            safe: false,
            edits: [{ kind: "replace", at: ["phases", name, "customers"], text: String(count < min ? min : max) }],
          },
        ],
      });
    }
  },
});
