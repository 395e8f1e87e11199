import { PLACEHOLDER } from "../../facts/read";
import { defineRule } from "../rule";

export default defineRule({
  meta: {
    id: "todo-placeholder",
    category: "Charter",
    defaultSeverity: "error",
    summary:
      "A value is, or contains as a whole word, the marker `TODO`: a decision still open (info while the charter is a draft).",
    rationale:
      "`partner-charter init`, the New Charter… command, the snippets and the quick fixes write `TODO` wherever the two sides still have to decide: who owns the decisions, what each side loses if it fails, the crawl's dates. A charter with an open decision is not ready to be proposed, signed or run on, so every `TODO` is reported until it is replaced by what was agreed: as information while the charter is a `draft`, as an error once it is not. `partner-charter sign` refuses a charter that still holds one.\n\nOnly the upper-case marker counts, as a whole word (`TODO`, `TODO — partner name`); the checklist state `todo` of a launch item is not a placeholder. A value that is exactly `TODO` stands for a value of any type — a date, a number, yes or no, a tier — so a skeleton is complete before anything is decided; the other rules read it as not decided yet, and do not judge it.",
    options: {},
    // Every value, whatever the schema says about the rest.
    reads: [],
    examples: {
      failing: "governance:\n  owners: { us: TODO, partner: Tom Lee }",
      passing: "governance:\n  owners: { us: Priya Shah, partner: Tom Lee }",
    },
  },
  check({ facts, report }) {
    const severity = facts.status === "draft" ? "info" : undefined;
    for (const { path } of facts.placeholders) {
      // Named by its keys, never by a position in a list ("measurement.metrics.target").
      const where = path.filter((segment) => typeof segment === "string").join(".") || "this value";
      report({
        message: `Open decision in ${where}: replace the ${PLACEHOLDER} with what both sides agreed.`,
        at: path,
        severity,
      });
    }
  },
});
