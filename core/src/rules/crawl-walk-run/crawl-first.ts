import { PHASE_NAMES, type PhaseName } from "../../facts";
import { capitalize } from "../../text/words";
import { defineRule } from "../rule";
import { fillFix } from "../support/fixes";

const ADD: Record<"crawl" | "walk", string> = {
  crawl: "add a crawl pilot first (one or two customers, a go/no-go bar)",
  walk: "add a walk phase before run (five to ten more customers, an adoption bar)",
};

export default defineRule({
  meta: {
    id: "crawl-first",
    category: "Crawl, walk, run",
    defaultSeverity: "error",
    summary: "A later phase (walk or run) is planned without the phases that must come before it.",
    rationale:
      "Crawl is the cheap experiment: one or two pilot customers and a throwaway integration tell you within weeks whether the partnership produces anything. Walk widens a proven pilot; run scales a proven walk. Jumping straight to walk or run commits engineering, money and reputation before anyone knows it works, and most partnerships would have failed that first test. Add the missing phase (with its dates, pilot customers and go/no-go bar) before the later one.",
    options: {},
    reads: ["phases.crawl?", "phases.walk?", "phases.run?"],
    examples: {
      failing: "phases:\n  walk: { start: 2026-03-09, end: 2026-05-29, customers: 8 }",
      passing:
        "phases:\n  crawl: { start: 2026-01-05, end: 2026-02-27, customers: 2 }\n  walk: { start: 2026-03-09, end: 2026-05-29, customers: 8 }",
    },
  },
  check({ facts, today, report }) {
    const present = (name: PhaseName): boolean => facts.phases[name].present;
    // The latest phase that exists decides which earlier phases it needs.
    const latest = [...PHASE_NAMES].reverse().find(present);
    if (!latest) return;
    const missing = PHASE_NAMES.slice(0, PHASE_NAMES.indexOf(latest)).filter((name) => !present(name));
    if (missing.length === 0) return;
    const first = missing[0]!;
    const later = PHASE_NAMES.slice(PHASE_NAMES.indexOf(first) + 1).filter(present);
    const plans = later.length === 1 ? `a ${later[0]} phase` : `${later.join(" and ")} phases`;
    const without = missing.length === 1 ? `a ${first} phase` : `${missing.join(" or ")} phases`;
    report({
      message: `Skipping ${first}: the charter plans ${plans} without ${without}. ${capitalize(ADD[first as "crawl" | "walk"])}.`,
      // A missing section is reported on its parent's key: `phases`.
      at: ["phases", first],
      anchor: "key",
      related: [{ at: ["phases", later[0]!], anchor: "key", message: `The ${later[0]} phase starts here.` }],
      fixes: [fillFix(["phases", first], today, `Add a ${first} phase with TODO dates`)],
    });
  },
});
