import type Ajv from "ajv";
import type { ValidateFunction } from "ajv";
import { isRecord } from "../facts/read";
import { RULES, RULES_BY_ID, RULE_IDS } from "../rules";
import type { AnyRule } from "../rules/rule";
import { didYouMean } from "../schema/did-you-mean";
import { describeValue } from "../schema/charter-schema";
import { capitalize } from "../text/words";
import { own } from "../text/own";
import { SEVERITIES, type NodePath, type SeveritySetting } from "../types";

/**
 * Rule configuration: the `rules:` map of `.partner-charter.yaml` and of the editor setting
 * `partnerCharter.rules`. What is valid is derived from each rule's metadata (its id and
 * options with their JSON Schemas), so adding a rule needs no change here.
 */

export interface RuleSetting {
  /** Set only when the user chose a severity; otherwise the rule's own severities apply. */
  severity?: SeveritySetting;
  options: Record<string, unknown>;
}

/** Per-rule settings as written by the user (validated). */
export type RulesConfig = Record<string, { severity?: SeveritySetting; options: Record<string, unknown> }>;

export interface ConfigProblem {
  path: NodePath;
  anchor: "key" | "value";
  message: string;
  /** For a severity near miss: the severity meant (a quick fix writes it). */
  suggestion?: string;
}

const SEVERITY_SETTINGS: readonly string[] = ["off", ...SEVERITIES];

const optionValidators = new Map<string, ValidateFunction>();
let ajv: Ajv | undefined;

/** ajv's compiler, loaded only when a config gives rule options (its loading costs ~5 ms at every start). */
function newAjv(): Ajv {
  // A synchronous lazy load: ajv is CommonJS, and esbuild bundles this `require` like an import.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { default: AjvClass } = require("ajv") as typeof import("ajv");
  return new AjvClass({ allErrors: false, strict: false });
}

function optionValidator(ruleId: string, option: string, schema: Record<string, unknown>): ValidateFunction {
  const key = `${ruleId}.${option}`;
  let validate = optionValidators.get(key);
  if (!validate) {
    ajv ??= newAjv();
    validate = ajv.compile(schema);
    optionValidators.set(key, validate);
  }
  return validate;
}

/** Validates a `rules` map (already parsed); returns the usable part and the problems. */
export function validateRulesConfig(
  rules: unknown,
  basePath: NodePath = ["rules"],
): { config: RulesConfig; problems: ConfigProblem[] } {
  const config: RulesConfig = {};
  const problems: ConfigProblem[] = [];
  if (rules === undefined || rules === null) return { config, problems };
  if (!isRecord(rules)) {
    problems.push({
      path: basePath,
      anchor: "value",
      message: `"rules" must be a section mapping rule ids to a severity or to options; found ${describeValue(rules)}.`,
    });
    return { config, problems };
  }
  for (const [ruleId, setting] of Object.entries(rules)) {
    const path = [...basePath, ruleId];
    const rule = RULES_BY_ID.get(ruleId);
    if (!rule) {
      const suggestion = didYouMean(ruleId, RULE_IDS);
      problems.push({
        path,
        anchor: "key",
        message: suggestion
          ? `Unknown rule "${ruleId}". Did you mean "${suggestion}"?`
          : `Unknown rule "${ruleId}". See docs/rules/ for the list of rule ids.`,
      });
      continue;
    }
    const validated = validateRuleSetting(rule, setting, path, problems);
    if (validated) config[ruleId] = validated;
  }
  return { config, problems };
}

/** Severities as other linters spell them (ESLint's `warn`, `0`–`2`; `information`, `none`…). */
const SEVERITY_ALIASES: Readonly<Record<string, string>> = {
  warn: "warning",
  warnings: "warning",
  "1": "warning",
  err: "error",
  errors: "error",
  fatal: "error",
  "2": "error",
  information: "info",
  informational: "info",
  note: "info",
  suggestion: "hint",
  none: "off",
  disable: "off",
  disabled: "off",
  ignore: "off",
  false: "off",
  "0": "off",
};

/** The severity a near miss most likely means: an alias (`warn`), else the closest spelling. */
export function severitySuggestion(value: unknown): string | undefined {
  if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") return undefined;
  const written = String(value).trim().toLowerCase();
  return SEVERITY_ALIASES[written] ?? didYouMean(written, SEVERITY_SETTINGS);
}

function severityProblem(path: NodePath, value: unknown): ConfigProblem {
  const suggestion = severitySuggestion(value);
  return {
    path,
    anchor: "value",
    message: `${capitalize(describeValue(value))} is not a severity${suggestion ? `: did you mean "${suggestion}"?` : "."} Use one of: ${SEVERITY_SETTINGS.join(", ")}.`,
    ...(suggestion ? { suggestion } : {}),
  };
}

function validateRuleSetting(
  rule: AnyRule,
  setting: unknown,
  path: NodePath,
  problems: ConfigProblem[],
): RulesConfig[string] | undefined {
  if (typeof setting === "string") {
    if (!SEVERITY_SETTINGS.includes(setting)) {
      problems.push(severityProblem(path, setting));
      return undefined;
    }
    return { severity: setting as SeveritySetting, options: {} };
  }
  if (!isRecord(setting)) {
    problems.push({
      path,
      anchor: "value",
      message: `The setting of "${rule.meta.id}" must be a severity (${SEVERITY_SETTINGS.join(", ")}) or a section of options; found ${describeValue(setting)}.`,
    });
    return undefined;
  }
  const result: RulesConfig[string] = { options: {} };
  const optionNames = Object.keys(rule.meta.options);
  for (const [key, value] of Object.entries(setting)) {
    const optionPath = [...path, key];
    if (key === "severity") {
      if (typeof value === "string" && SEVERITY_SETTINGS.includes(value)) result.severity = value as SeveritySetting;
      else problems.push(severityProblem(optionPath, value));
      continue;
    }
    const spec = own(
      rule.meta.options as Record<string, { schema: Record<string, unknown>; description: string }>,
      key,
    );
    if (!spec) {
      const suggestion = didYouMean(key, [...optionNames, "severity"]);
      const known = optionNames.length
        ? `Its options are: severity, ${optionNames.join(", ")}.`
        : "It takes only a severity.";
      problems.push({
        path: optionPath,
        anchor: "key",
        message: `Rule "${rule.meta.id}" has no option "${key}".${suggestion ? ` Did you mean "${suggestion}"?` : ""} ${known}`,
      });
      continue;
    }
    if (!optionValidator(rule.meta.id, key, spec.schema)(value)) {
      problems.push({
        path: optionPath,
        anchor: "value",
        message: `Option "${key}" of "${rule.meta.id}" expects ${spec.description.replace(/\.$/, "")}; found ${describeValue(value)}.`,
      });
      continue;
    }
    result.options[key] = value;
  }
  return result;
}

/** Layers configs: later ones win, per rule and per option. */
export function mergeRulesConfigs(...layers: (RulesConfig | undefined)[]): RulesConfig {
  const merged: RulesConfig = {};
  for (const layer of layers) {
    if (!layer) continue;
    for (const [ruleId, setting] of Object.entries(layer)) {
      const previous = merged[ruleId];
      merged[ruleId] = {
        severity: setting.severity ?? previous?.severity,
        options: { ...previous?.options, ...setting.options },
      };
    }
  }
  return merged;
}

/** The options a rule runs with: its defaults overlaid with the configured ones. */
export function effectiveOptions(rule: AnyRule, config: RulesConfig | undefined): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(rule.meta.options as Record<string, { default: unknown }>)) {
    options[name] = spec.default;
  }
  return { ...options, ...config?.[rule.meta.id]?.options };
}

/** A JSON Schema of the configuration file, derived from the rule metadata (for editors and docs). */
export function configJsonSchema(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const rule of RULES) {
    const severity = {
      enum: SEVERITY_SETTINGS,
      description: `Severity of ${rule.meta.id} (default: ${rule.meta.defaultSeverity}).`,
    };
    const optionProps: Record<string, unknown> = { severity };
    for (const [name, spec] of Object.entries(
      rule.meta.options as Record<string, { schema: object; description: string; default: unknown }>,
    )) {
      optionProps[name] = { ...spec.schema, description: spec.description, default: spec.default };
    }
    properties[rule.meta.id] = {
      description: rule.meta.summary,
      markdownDescription: `${rule.meta.summary}\n\nDefault severity: \`${rule.meta.defaultSeverity}\`.`,
      anyOf: [severity, { type: "object", properties: optionProps, additionalProperties: false }],
    };
  }
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "https://partner-charter.dev/schemas/partner-charter-config.schema.json",
    title: "Partner Charter configuration (.partner-charter.yaml)",
    type: "object",
    additionalProperties: false,
    properties: {
      rules: {
        type: "object",
        description: "Severity and options per rule id.",
        additionalProperties: false,
        properties,
      },
    },
  };
}
