import type { Program } from "./program";

/**
 * The curated-vs-open decision tree (the seed's ecosystem control section, in our words): the
 * model the program's inputs call for, decided once for the rule `ecosystem-model`, its quick
 * fix and the program's preview.
 */

export interface EcosystemAdvice {
  model: "open" | "curated";
  /** Why, in a partnership manager's words, with the program's own numbers. */
  reason: string;
}

export function ecosystemAdvice(ecosystem: Program["ecosystem"]): EcosystemAdvice | undefined {
  if (!ecosystem?.model) return undefined;
  const { brandRisk, expectedPartners, reviewCapacity } = ecosystem;
  if (brandRisk === "high") {
    return {
      model: "curated",
      reason: "A weak partner would do real damage (brand risk high), so review every partner",
    };
  }
  if (brandRisk !== "low" || typeof expectedPartners !== "number" || typeof reviewCapacity !== "number")
    return undefined;
  if (expectedPartners > reviewCapacity) {
    return {
      model: "open",
      reason: `${expectedPartners} partners expected and ${reviewCapacity} reviews a year: curating makes the team the bottleneck`,
    };
  }
  return {
    model: "curated",
    reason: `The team can review all ${expectedPartners} expected partners (${reviewCapacity} reviews a year), so curation is affordable`,
  };
}
