import type { RulesConfig } from "../config/rules-config";
import { RULES_BY_ID } from "../rules";
import type { Finding, Severity } from "../types";

/**
 * Severity, decided in one place. Whoever produces a finding gives it the severity it
 * proposes (the rule's default, or a rule's own raise such as `executive-sponsors` on a
 * strategic tier); `applySeverities` then sets the configured severity where the user chose
 * one and drops the findings of rules switched off. Formatters, converters and scores only
 * read `finding.severity`.
 */

/** The severity a rule's findings get unless the rule raises one: its default. */
export function defaultSeverity(ruleId: string): Severity {
  return RULES_BY_ID.get(ruleId)?.meta.defaultSeverity ?? "error";
}

/** True when the configuration switches the rule off (it need not even run). */
export function isRuleOff(ruleId: string, rules: RulesConfig | undefined): boolean {
  return rules?.[ruleId]?.severity === "off";
}

/** The findings with their configured severity; findings of rules that are off are dropped. */
export function applySeverities(findings: readonly Finding[], rules: RulesConfig | undefined): Finding[] {
  if (!rules) return [...findings];
  const out: Finding[] = [];
  for (const finding of findings) {
    const configured = rules[finding.rule]?.severity;
    if (configured === "off") continue;
    out.push(configured && configured !== finding.severity ? { ...finding, severity: configured } : finding);
  }
  return out;
}
