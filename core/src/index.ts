/**
 * The editor-free core: everything the language server, the CLI and the preview share.
 * Nothing here imports VS Code or an LSP transport.
 */
export * from "./types";
export * from "./model/charter";
export {
  parseCharter,
  locate,
  rangeAt,
  findPair,
  stripBom,
  MAX_CHARTER_BYTES,
  type ParsedCharter,
} from "./parse/parse-charter";
export { LineIndex } from "./text/line-index";
export { validateCharterData, SUPPORTED_API_VERSIONS, type SchemaProblem } from "./schema/validate-charter";
export {
  charterSchema,
  schemaAt,
  deref,
  pathLabel,
  type SchemaNode,
  type SchemaDocument,
} from "./schema/charter-schema";
export { didYouMean } from "./schema/did-you-mean";
export { RULES, RULES_BY_ID, RULE_IDS, ruleDocPath, isSuppressible } from "./rules";
export type { AnyRule, Rule, RuleMeta, RuleContext, RuleCategory } from "./rules/rule";
export * from "./config/rules-config";
export * from "./config/config-file";
export { parseDirectives, applySuppressions, type Directive, type SuppressionOutcome } from "./suppress/suppressions";
export * from "./engine/check-charter";
export * from "./engine/workspace";
export * from "./engine/decode";
export * from "./engine/check-files";
export * from "./engine/read-file";
export * from "./facts";
export * from "./text/words";
export * from "./text/numbers";
export * from "./text/escape";
export * from "./text/own";
export * from "./text/control";
export * from "./engine/severity";
export * from "./signing";
export * from "./digest";
export * from "./skeleton";
export * from "./model/charter-view";
export * from "./navigation";
export * from "./render";
export * from "./diff";
export * from "./portfolio";
export * from "./program/program";
export * from "./program/program-schema";
export * from "./program/analyze-program";
export * from "./program/discover-program";
export * from "./program/program-findings";
export * from "./program/requirements";
export * from "./program/membership";
export * from "./program/ecosystem";
export * from "./program/skeleton";
export * from "./program/program-page";
