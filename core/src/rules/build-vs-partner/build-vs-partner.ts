import type { Decision } from "../../model/charter";
import { plural } from "../../text/words";
import { defineRule } from "../rule";

/** What the build-vs-partner tree expects, with the message, when the recorded choice contradicts it. */
function contradiction(decision: Decision): { expected: "build" | "partner"; message: string } | undefined {
  const { coreDifferentiator, buildDelayMonths, partnerNeedsUs, choice } = decision;
  if (coreDifferentiator === true && choice === "partner") {
    return {
      expected: "build",
      message:
        "Partnering for a core differentiator: build it yourself, as what sets us apart shouldn't hang on a partner.",
    };
  }
  if (coreDifferentiator !== false) return undefined;
  const delay = typeof buildDelayMonths === "number" ? buildDelayMonths : undefined;
  if (choice === "partner" && delay !== undefined && delay <= 6 && partnerNeedsUs === false) {
    return {
      expected: "build",
      message: `Partnering where building costs only ${plural(delay, "month")} of roadmap and no partner needs us: build it instead.`,
    };
  }
  if (choice === "build" && ((delay !== undefined && delay > 6) || partnerNeedsUs === true)) {
    const reasons: string[] = [];
    if (delay !== undefined && delay > 6) reasons.push(`it would delay the roadmap ${plural(delay, "month")}`);
    if (partnerNeedsUs === true) reasons.push("a credible partner needs us too");
    return {
      expected: "partner",
      message: `Building what a partner could bring (not core, and ${reasons.join(", and ")}): partner instead.`,
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
    reads: ["decision.coreDifferentiator", "decision.buildDelayMonths", "decision.partnerNeedsUs", "decision.choice"],
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
      message: found.message,
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
