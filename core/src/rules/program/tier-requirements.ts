import { judgingProgram } from "../../program/membership";
import { tierAt } from "../../program/program";
import { unmetRequirements } from "../../program/requirements";
import { defineRule } from "../rule";

export default defineRule({
  meta: {
    id: "tier-requirements",
    category: "Partner program",
    defaultSeverity: "error",
    summary: "The charter does not meet a requirement its program sets for its tier.",
    rationale:
      "A program's tier is a promise in both directions: what we provide at that tier, and what a partnership must bring to deserve it. The program writes the second half down in `requires`: the fields a charter must fill (a partner manager, the evidence for the leverage), the commitments each side must make, the leverage that justifies the tier, the least number of exit criteria and metrics, and the largest revenue share we give. Each requirement is plain data, never code, so it is safe to check in any workspace. Each unmet requirement is its own finding, named by the program's own tier name; where another rule reports the same place, this one wins (the program's policy is the more specific).",
    options: {},
    reads: [
      "tier",
      "program",
      "leverage.type",
      "governance.exitCriteria",
      "measurement.metrics",
      "commitments.us.*.type",
      "commitments.partner.*.type",
      "commitments.us.*.amount",
      "commitments.partner.*.amount",
    ],
    subjects: ["leverage", "governance.exitCriteria", "measurement.metrics", "commitments"],
    supersedes: "*",
    examples: {
      failing:
        "# acme.partner-program.yaml\napiVersion: partner-charter/v1\nkind: Program\nid: acme-partner-network\ntitle: Acme Partner Network\nowner: head-of-partnerships@acme.example\ntiers:\n  - tier: integration\n    name: Registered\n    graduation: { to: strategic, criteria: [three shared customers live] }\n  - tier: strategic\n    name: Premier\n    provides: [partner-manager]\n    requires: { minExitCriteria: 3, leverage: [requirement, economic] }\n# acme-cloudco.partner.yaml\ntier: strategic\ngovernance:\n  exitCriteria: [CloudCo drops the MSP certification requirement]",
      passing:
        "# acme.partner-program.yaml\napiVersion: partner-charter/v1\nkind: Program\nid: acme-partner-network\ntitle: Acme Partner Network\nowner: head-of-partnerships@acme.example\ntiers:\n  - tier: integration\n    name: Registered\n    graduation: { to: strategic, criteria: [three shared customers live] }\n  - tier: strategic\n    name: Premier\n    provides: [partner-manager]\n    requires: { minExitCriteria: 3, leverage: [requirement, economic] }\n# acme-cloudco.partner.yaml\ntier: strategic\ngovernance:\n  exitCriteria: [CloudCo drops the MSP certification requirement, fewer than 10 MSPs live after two quarters, either side misses two QBRs in a row]",
    },
  },
  check({ charter, facts, program, report }) {
    const judging = judgingProgram(charter.program, program);
    const tier = judging && tierAt(judging, charter.tier);
    if (!tier) return;
    const undecided = (path: readonly (string | number)[]): boolean =>
      facts.placeholders.some(
        (placeholder) =>
          placeholder.exact && path.every((segment, i) => String(segment) === String(placeholder.path[i])),
      );
    for (const unmet of unmetRequirements(charter, tier, undecided)) {
      report({ message: unmet.message, at: unmet.at, anchor: unmet.anchor });
    }
  },
});
