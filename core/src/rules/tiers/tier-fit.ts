import type { Tier } from "../../model/charter";
import { defineRule } from "../rule";

const TIER_LABEL: Record<Tier, string> = {
  integration: "integration (Tier 1, self-serve)",
  partnership: "partnership (Tier 2, joint development)",
  strategic: "strategic (Tier 3, co-development)",
};

/** The tier the decision tree expects, with why, or undefined when the tier fits. */
function expectedTier(capacity: boolean, marquee: boolean, tier: Tier): { tier: Tier; why: string } | undefined {
  if (capacity && !marquee && tier !== "integration") {
    return {
      tier: "integration",
      why: "the partner has the engineers to build on our public API on its own, so begin as a self-serve integration and review an upgrade to partnership after six months",
    };
  }
  if (!capacity && marquee && tier !== "strategic") {
    return {
      tier: "strategic",
      why: "the partner cannot build on its own and is a marquee logo that shifts our positioning, which is what the strategic tier is for",
    };
  }
  if (!capacity && !marquee && tier === "integration") {
    return {
      tier: "partnership",
      why: "the partner has no engineers to self-serve, so a self-serve integration would stall; joint development fits",
    };
  }
  if (!capacity && !marquee && tier === "strategic") {
    return {
      tier: "partnership",
      why: "the partner cannot self-serve but is not a marquee logo, so strategic over-tiers it and sets expectations we cannot meet; joint development fits",
    };
  }
  return undefined;
}

export default defineRule({
  meta: {
    id: "tier-fit",
    category: "Tiers",
    defaultSeverity: "warning",
    summary: "The tier contradicts the tier decision tree (partner engineering capacity, then marquee logo).",
    rationale:
      "Tiers set expectations: a self-serve partner wants documentation and office hours, a strategic partner wants a dedicated manager and an executive relationship. Picking the wrong one frustrates both sides. The decision tree: a partner with its own engineering capacity starts as an `integration` and is reviewed for `partnership` after six months; without that capacity, a marquee logo that shifts our positioning is `strategic`, anyone else is a `partnership`. The rule only runs when `partner.engineeringCapacity` is stated, and a partner that has engineering capacity *and* is a marquee logo may sit in any tier.",
    options: {},
    reads: ["partner.engineeringCapacity", "partner.marquee", "tier"],
    examples: {
      failing: "partner:\n  name: CloudCo\n  engineeringCapacity: true\ntier: strategic",
      passing: "partner:\n  name: CloudCo\n  engineeringCapacity: true\ntier: integration",
    },
  },
  check({ charter, report }) {
    const capacity = charter.partner?.engineeringCapacity;
    const tier = charter.tier;
    if (typeof capacity !== "boolean" || !tier) return;
    const marquee = charter.partner?.marquee === true;
    const expected = expectedTier(capacity, marquee, tier);
    if (!expected) return;
    const facts = `${capacity ? "engineers of its own" : "no engineers of its own"} and ${marquee ? "a marquee logo" : "no marquee logo"}`;
    report({
      message: `The tier is ${TIER_LABEL[tier]}, but for a partner with ${facts} the tier decision tree points to ${TIER_LABEL[expected.tier]}: ${expected.why}.`,
      at: ["tier"],
      anchor: "value",
      fixes: [
        {
          title: `Change the tier to ${expected.tier}`,
          edits: [{ kind: "replace", at: ["tier"], anchor: "value", text: expected.tier }],
          safe: false,
        },
      ],
    });
  },
});
