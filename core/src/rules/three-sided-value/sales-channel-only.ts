import { listPhrase } from "../../text/words";
import { defineRule } from "../rule";
import { appendFix } from "../support/fixes";

export default defineRule({
  meta: {
    id: "sales-channel-only",
    category: "Three-sided value",
    defaultSeverity: "info",
    summary:
      "What we get has no `product-leverage` benefit: the partnership widens who buys, not what the product does.",
    rationale:
      "A partnership treated purely as a sales channel is easy to replace with another channel. The strongest partnerships also expand what our product can do — a capability we don't have to build, an API that makes our product more useful. If `valueProposition.us` has no `product-leverage` benefit, ask whether there is one; if there is honestly none, this is fine as an informational note. An empty list is `three-sided-value`'s finding, so this rule stays quiet on it.",
    options: {},
    reads: ["valueProposition.us.*.benefit"],
    examples: {
      failing: "valueProposition:\n  us:\n    - { benefit: distribution, detail: 400 certified MSPs }",
      passing:
        "valueProposition:\n  us:\n    - { benefit: distribution, detail: 400 certified MSPs }\n    - { benefit: product-leverage, detail: CloudCo billing and provisioning APIs }",
    },
  },
  check({ charter, report }) {
    const items = charter.valueProposition?.us;
    if (!items?.length) return;
    const benefits = [...new Set(items.map((item) => item.benefit))];
    if (benefits.includes("product-leverage")) return;
    report({
      message: `No product leverage for us, only ${listPhrase(benefits)}: add a "product-leverage" benefit if the partner gives us a capability we won't build.`,
      at: ["valueProposition", "us"],
      anchor: "key",
      fixes: [
        appendFix(
          ["valueProposition", "us"],
          { benefit: "product-leverage", detail: "TODO — the capability the partner gives us" },
          "Add a product-leverage benefit to fill in",
        ),
      ],
    });
  },
});
