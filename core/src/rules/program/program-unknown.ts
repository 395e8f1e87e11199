import { defineRule } from "../rule";
import { programApplies } from "../../program/membership";

export default defineRule({
  meta: {
    id: "program-unknown",
    category: "Partner program",
    defaultSeverity: "error",
    summary: "The charter names a program that does not apply to it.",
    rationale:
      "A charter belongs to the program file in its folder or the nearest folder above it. Naming the program in `program` is a safety check: it catches a charter copied into the wrong folder, or a folder moved out from under its program, which would otherwise be judged against another program's tiers — or none — without anyone noticing. When the id does not match the program that applies (or no program applies), move the charter into the program's folder, or correct `program`. The charter is judged against no program until it matches.",
    options: {},
    reads: ["program"],
    examples: {
      failing: "program: acme-partner-network",
      passing:
        "# acme.partner-program.yaml\napiVersion: partner-charter/v1\nkind: Program\nid: acme-partner-network\ntitle: Acme Partner Network\nowner: head-of-partnerships@acme.example\ntiers:\n  - tier: integration\n    name: Registered\n    graduation: { to: strategic, criteria: [three shared customers live] }\n  - tier: strategic\n    name: Premier\n    provides: [partner-manager]\n    requires: { minExitCriteria: 3, leverage: [requirement, economic] }\n# acme-cloudco.partner.yaml\nprogram: acme-partner-network",
    },
  },
  check({ charter, program, report }) {
    const named = charter.program;
    if (named === undefined || programApplies(named, program) !== "other") return;
    const found = program.program;
    const message = program.conflicting
      ? `This charter names the program "${named}", but two program files in one folder apply to it: resolve that conflict first.`
      : found
        ? `This charter names the program "${named}", but the program here is "${found.id ?? "?"}": move the charter into the folder of "${named}", or correct program.`
        : `This charter names the program "${named}", but no program file applies to it: move it into that program's folder, or remove program.`;
    report({ message, at: ["program"], anchor: "value" });
  },
});
