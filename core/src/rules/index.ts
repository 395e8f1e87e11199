import { buildVsPartnerRules } from "./build-vs-partner";
import { charterRules } from "./charter";
import { crawlWalkRunRules } from "./crawl-walk-run";
import { launchRules } from "./launch";
import { leverageRules } from "./leverage";
import { programRules } from "./program";
import type { AnyRule } from "./rule";
import { skinInTheGameRules } from "./skin-in-the-game";
import { structureRules } from "./structure";
import { threeSidedValueRules } from "./three-sided-value";
import { tiersRules } from "./tiers";

/**
 * The rule registry: every rule, in the order of the rules table (README, docs/rules/README.md).
 * To add a rule, create its module in the category folder and list it in that folder's index.ts
 * (a test fails otherwise).
 */
export const RULES: readonly AnyRule[] = [
  ...structureRules,
  ...skinInTheGameRules,
  ...threeSidedValueRules,
  ...leverageRules,
  ...tiersRules,
  ...crawlWalkRunRules,
  ...charterRules,
  ...launchRules,
  ...buildVsPartnerRules,
  ...programRules,
];

export const RULES_BY_ID: ReadonlyMap<string, AnyRule> = new Map(RULES.map((rule) => [rule.meta.id, rule]));

export const RULE_IDS: readonly string[] = RULES.map((rule) => rule.meta.id);

/**
 * Where each rule's documentation page is shipped, relative to the package root (the npm package
 * and the .vsix both hold docs/rules/): the language server turns it into a file: link beside
 * itself, so the page opens offline. No web address is made up for it.
 */
export function ruleDocPath(ruleId: string): string {
  return `docs/rules/${ruleId}.md`;
}

/** False for rules whose findings a suppression comment never silences (`meta.suppressible: false`). */
export function isSuppressible(ruleId: string): boolean {
  return RULES_BY_ID.get(ruleId)?.meta.suppressible !== false;
}
