import type { Decision } from "../../model/charter";
import { plural } from "../../text/words";
import { defineRule } from "../rule";

/** What the build-vs-partner tree expects, with why, when the recorded choice contradicts it. */
function contradiction(decision: Decision): { expected: "build" | "partner"; why: string } | undefined {
  const { coreDifferentiator, buildDelayMonths, partnerNeedsUs, choice } = decision;
  if (coreDifferentiator === true && choice === "partner") {
    return {
      expected: "build",
      why: "the capability is core to our differentiation (coreDifferentiator: true), and what sets us apart is not something to depend on a partner for: build it yourself",
    };
  }
  if (coreDifferentiator !== false) return undefined;
  const delay = typeof buildDelayMonths === "number" ? buildDelayMonths : undefined;
  if (choice === "partner" && delay !== undefined && delay <= 6 && partnerNeedsUs === false) {
    return {
      expected: "build",
      why: `building it would delay the roadmap by only ${plural(delay, "month")} (6 or less) and no credible partner needs us too (partnerNeedsUs: false), so building is the better deal`,
    };
  }
  if (choice === "build" && ((delay !== undefined && delay > 6) || partnerNeedsUs === true)) {
    const reasons: string[] = [];
    if (delay !== undefined && delay > 6)
      reasons.push(`building it would delay the roadmap by ${delay} months (more than 6)`);
    if (partnerNeedsUs === true) reasons.push("a credible partner needs us too (partnerNeedsUs: true)");
    return {
      expected: "partner",
      why: `the capability is not core to our differentiation and ${reasons.join(", and ")}, so partnering is the better deal`,
    };
  }
  return undefined;
}

export default defineRule({
  meta: {
    id: "build-vs-partner",
    category: "Build vs partner",
    defaultSeverity: "warning",
    summary: "The recorded build-or-partner choice contradicts the build-vs-partner decision tree.",
    rationale:
      "Partnering for something we should own, or building something a partner would gladly bring, both cost years. The tree: a capability that is core to our differentiation is built in-house. Otherwise, partner when building it would push the roadmap back by more than six months, or when a credible partner needs us as much as we need it; build when neither is true. The rule compares `decision.choice` with the inputs written beside it and only judges what is stated: with no `choice`, or without the inputs a branch needs, it stays quiet. When the choice is deliberate despite the tree, say why in the charter and suppress the finding with a reason.",
    options: {},
    reads: ["decision"],
    examples: {
      failing: "decision:\n  coreDifferentiator: true\n  choice: partner",
      passing:
        "decision:\n  coreDifferentiator: false\n  buildDelayMonths: 9\n  partnerNeedsUs: true\n  choice: partner",
    },
  },
  check({ charter, report }) {
    const decision = charter.decision;
    if (!decision || !decision.choice) return;
    const found = contradiction(decision);
    if (!found) return;
    report({
      message: `The decision is to ${decision.choice}, but the build-vs-partner tree says ${found.expected}: ${found.why}.`,
      at: ["decision", "choice"],
      anchor: "value",
      fixes: [
        {
          title: `Change the choice to ${found.expected}`,
          edits: [{ kind: "replace", at: ["decision", "choice"], anchor: "value", text: found.expected }],
          safe: false,
        },
      ],
    });
  },
});
