import { defineRule } from "../rule";
import { fillFix } from "../support/fixes";
import { isBlank } from "../support/text";

const WHAT_TO_SHOW: Record<string, string> = {
  requirement: "the program or certification rule that requires us",
  economic: "the partner's ROI in its own P&L terms",
  competitive: "the differentiation, e.g. the exclusivity and whether competitors would want it",
  customer: "the demand, e.g. the number of partner support tickets asking for the integration",
};

export default defineRule({
  meta: {
    id: "leverage-evidence",
    category: "Leverage",
    defaultSeverity: "warning",
    summary: "The leverage claim has no evidence (`leverage.evidence`).",
    rationale:
      "Everyone believes they have leverage until the partner asks why. Back the claim with something the partner would recognise: the line of its program requirements we satisfy, the money we save it in its own P&L terms, the exclusivity, the count of its customers asking for us. Co-marketing leverage is not checked: `weak-leverage` already questions it.",
    options: {},
    reads: ["leverage.type", "leverage.evidence"],
    examples: {
      failing: "leverage:\n  type: requirement",
      passing:
        "leverage:\n  type: requirement\n  evidence: CloudCo's MSP program requires an identity product in the certified stack.",
    },
  },
  check({ charter, report, today }) {
    const leverage = charter.leverage;
    const type = leverage?.type;
    if (!leverage || !type || type === "co-marketing") return;
    if (!isBlank(leverage.evidence)) return;
    report({
      message: `No evidence for the ${type} leverage: write in leverage.evidence ${WHAT_TO_SHOW[type] ?? "something the partner would recognise"}.`,
      at: ["leverage", "evidence"],
      fixes: [fillFix(["leverage", "evidence"], today, "Add the evidence as TODO")],
      anchor: "value",
    });
  },
});
