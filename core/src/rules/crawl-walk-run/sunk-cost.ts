import type { GatedPhase } from "../../model/charter";
import { defineRule } from "../rule";

type PhaseName = "crawl" | "walk" | "run";
const ORDER: readonly PhaseName[] = ["crawl", "walk", "run"];

export default defineRule({
  meta: {
    id: "sunk-cost",
    category: "Crawl, walk, run",
    defaultSeverity: "error",
    summary: "A phase failed its go/no-go, yet a later phase is still planned.",
    rationale:
      "A failed crawl or walk is the framework doing its job: it found out cheaply that the partnership does not deliver. Carrying on into the next phase because of the time and goodwill already spent is the sunk-cost trap, and it turns a small, useful failure into a large, expensive one. After a failed crawl, end the partnership and write down what you learned; after a failed walk, end it or restart crawl with real changes. Remove the later phase from the charter, or replace the charter.",
    options: {},
    reads: ["phases"],
    examples: {
      failing: "phases:\n  crawl: { outcome: failed }\n  walk: { start: 2026-03-09, customers: 8 }",
      passing: "phases:\n  crawl: { outcome: failed }\nstatus: ended",
    },
  },
  check({ charter, report }) {
    const phases = charter.phases;
    if (!phases || typeof phases !== "object") return;
    const present = (name: PhaseName): boolean => !!phases[name] && typeof phases[name] === "object";
    for (const name of ["crawl", "walk"] as const) {
      const phase = phases[name] as GatedPhase | undefined;
      if (!present(name) || phase?.outcome !== "failed") continue;
      const later = ORDER.slice(ORDER.indexOf(name) + 1).filter(present);
      if (later.length === 0) continue;
      const advice =
        name === "crawl"
          ? "End the partnership and record what the pilot taught you"
          : "End the partnership, or restart crawl with concrete changes";
      report({
        message: `The ${name} phase failed its go/no-go, yet the charter still plans the ${later.join(" and ")} ${later.length === 1 ? "phase" : "phases"}. Continuing because of what was already invested is the sunk-cost trap. ${advice}, and take the later ${later.length === 1 ? "phase" : "phases"} out of the charter.`,
        at: ["phases", later[0]!],
        anchor: "key",
        related: [{ at: ["phases", name, "outcome"], message: `The ${name} phase failed here.` }],
      });
    }
  },
});
