import type { GraduationFact } from "../../facts";
import type { LeverageType, Tier } from "../../model/charter";
import { formatNumber, roundForMessage } from "../../text/numbers";
import { plural } from "../../text/words";
import { defineRule } from "../rule";

interface Options {
  graduationMonths: number;
}

interface Inputs {
  capacity: boolean;
  marquee: boolean;
  tier: Tier;
  leverage?: LeverageType;
  graduation?: GraduationFact;
  graduationMonths: number;
}

const TIER_NAME: Record<Tier, string> = {
  integration: "integration (Tier 1)",
  partnership: "partnership (Tier 2)",
  strategic: "strategic (Tier 3)",
};

function moderate(leverage: LeverageType | undefined): boolean {
  return leverage === "competitive" || leverage === "customer";
}

/** The tier the decision tree expects, with the message, or undefined when the tier fits. */
function expectedTier(inputs: Inputs): { tier: Tier; message: string } | undefined {
  const { capacity, marquee, tier, leverage, graduation, graduationMonths } = inputs;
  const wait = plural(formatNumber(graduationMonths), "month");
  if (capacity && !marquee && tier !== "integration") {
    if (tier === "partnership" && graduation && graduation.months >= graduationMonths) return undefined;
    const message =
      tier === "partnership" && graduation
        ? `The partner held integration only ${plural(roundForMessage(graduation.months), "month")} before moving up: graduation to partnership takes ${wait} at Tier 1.`
        : `The partner has its own engineers: start at ${TIER_NAME.integration} and graduate after ${wait} there, recorded in tierHistory.`;
    return { tier: "integration", message };
  }
  if (!capacity && marquee && tier !== "strategic") {
    if (tier === "partnership" && moderate(leverage)) return undefined;
    return {
      tier: "strategic",
      message: `A marquee partner without engineers of its own fits ${TIER_NAME.strategic}${tier === "integration" ? ": it cannot self-serve" : ", unless its leverage is only moderate"}.`,
    };
  }
  if (!capacity && !marquee && tier !== "partnership") {
    const why =
      tier === "integration"
        ? "The partner has no engineers to self-serve at Tier 1"
        : "Strategic over-tiers a partner that neither self-serves nor is a marquee logo";
    return { tier: "partnership", message: `${why}: make it a ${TIER_NAME.partnership}, built jointly.` };
  }
  return undefined;
}

export default defineRule<Options>({
  meta: {
    id: "tier-fit",
    category: "Tiers",
    defaultSeverity: "warning",
    summary: "The tier contradicts the tier decision tree (partner engineering capacity, then marquee logo).",
    rationale:
      "Tiers set expectations: a self-serve partner wants documentation and office hours, a strategic partner wants a dedicated manager and an executive relationship. Picking the wrong one frustrates both sides. The decision tree: a partner with its own engineering capacity starts as an `integration` and is reviewed for `partnership` after six months; without that capacity, a marquee logo that shifts our positioning is `strategic`, anyone else is a `partnership`.\n\nTwo paths lead to `partnership` for partners the tree would place elsewhere. A partner with engineering capacity that held `integration` for at least *graduationMonths* (6 by default) before moving up has graduated: record the path in `tierHistory` (e.g. integration since 2025-03-01, then partnership since 2025-10-01). A marquee partner without engineering capacity whose leverage is only moderate (`competitive` or `customer`) fits a lighter tier tested first (see `leverage-tier-fit`).\n\nThe rule only runs when `partner.engineeringCapacity` is stated, and a partner that has engineering capacity *and* is a marquee logo may sit in any tier.",
    options: {
      graduationMonths: {
        description:
          "a number of months: how long a partner with engineering capacity holds integration before it may move up",
        default: 6,
        schema: { type: "number", minimum: 0 },
      },
    },
    reads: [
      "partner.engineeringCapacity",
      "partner.marquee",
      "tier",
      "leverage.type",
      "tierHistory.*.tier",
      "tierHistory.*.since",
    ],
    examples: {
      failing: "partner:\n  name: CloudCo\n  engineeringCapacity: true\ntier: strategic",
      passing: "partner:\n  name: CloudCo\n  engineeringCapacity: true\ntier: integration",
    },
  },
  check({ charter, facts, options, report }) {
    const capacity = charter.partner?.engineeringCapacity;
    const tier = charter.tier;
    if (typeof capacity !== "boolean" || !tier) return;
    const expected = expectedTier({
      capacity,
      marquee: charter.partner?.marquee === true,
      tier,
      leverage: charter.leverage?.type,
      graduation: facts.tierHistory.graduation,
      graduationMonths: options.graduationMonths,
    });
    if (!expected) return;
    report({
      message: expected.message,
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
