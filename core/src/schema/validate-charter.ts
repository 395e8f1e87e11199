import type { ErrorObject } from "ajv";
import validateGenerated from "../../generated/charter-validator.js";
import type { Anchor, NodePath } from "../types";
import {
  charterSchema,
  describeSchemaType,
  describeValue,
  deref,
  pathLabel,
  refName,
  schemaAt,
  truncate,
  type SchemaNode,
} from "./charter-schema";
import { didYouMean } from "./did-you-mean";

/**
 * Schema check: the precompiled validator (generated at build time from
 * schemas/partner-charter.schema.json) plus a translation of its errors into one plain
 * sentence per problem, placed on the smallest node that explains it.
 */

export interface SchemaProblem {
  /** Where the problem is: the offending node (or, for a missing key, the missing key's path). */
  path: NodePath;
  anchor: Anchor;
  message: string;
  /** For a missing key: report on the parent instead of on the (absent) key itself. */
  missingKey?: string;
  /** For an enum or key near-miss: the suggested replacement. */
  suggestion?: string;
}

export const SUPPORTED_API_VERSIONS = ["partner-charter/v1"] as const;

export function validateCharterData(data: unknown): SchemaProblem[] {
  if (data === null || data === undefined) {
    return [
      {
        path: [],
        anchor: "key",
        message:
          "This charter is empty. Start from the `charter` snippet or `partner-charter init`: a charter needs apiVersion, kind, id, title, status, owner, partner, tier, leverage, valueProposition, goals, commitments, phases, measurement and governance.",
      },
    ];
  }
  if (typeof data !== "object" || Array.isArray(data)) {
    return [
      {
        path: [],
        anchor: "key",
        message: `A charter is a section of keys (apiVersion, kind, id, …), but this file holds ${describeValue(data)}.`,
      },
    ];
  }
  if (validateGenerated(data)) return [];
  const errors = (validateGenerated.errors ?? []) as ErrorObject[];
  return translateErrors(errors, data);
}

function instancePath(pointer: string, root: unknown): (string | number)[] {
  if (!pointer) return [];
  const path: (string | number)[] = [];
  let value: unknown = root;
  for (const raw of pointer.slice(1).split("/")) {
    const segment = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(value)) {
      const index = Number(segment);
      path.push(index);
      value = value[index];
    } else {
      path.push(segment);
      value = (value as Record<string, unknown> | undefined)?.[segment];
    }
  }
  return path;
}

function valueAt(root: unknown, path: NodePath): unknown {
  let value = root;
  for (const segment of path) value = (value as Record<string | number, unknown> | undefined)?.[segment];
  return value;
}

function keyName(path: NodePath): string {
  const last = path[path.length - 1];
  return typeof last === "string" ? last : pathLabel(path);
}

/** Text shown for a field: its key, with the parent section for context. */
function fieldLabel(path: NodePath): string {
  return `"${pathLabel(path)}"`;
}

function isPercentError(error: ErrorObject): boolean {
  return error.schemaPath.includes("/$defs/percent/") || error.schemaPath.startsWith("#/$defs/percent");
}

function translateErrors(errors: ErrorObject[], root: unknown): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  const push = (problem: SchemaProblem): void => {
    const key = `${pathLabel(problem.path)}|${problem.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    problems.push(problem);
  };
  // A node with a wrong type explains everything else said about it.
  const wrongType = new Set<string>();
  for (const error of errors) {
    if (error.keyword === "type" && !isPercentError(error)) wrongType.add(error.instancePath);
  }
  for (const error of errors) {
    const path = instancePath(error.instancePath, root);
    if (isPercentError(error)) {
      if (error.keyword === "anyOf" || !seen.has(`${pathLabel(path)}|percent`)) {
        seen.add(`${pathLabel(path)}|percent`);
        push({
          path,
          anchor: "value",
          message: `${fieldLabel(path)} must be a percentage from 0 to 100, written 25 or "25%"; found ${describeValue(valueAt(root, path))}.`,
        });
      }
      continue;
    }
    if (wrongType.has(error.instancePath) && error.keyword !== "type") continue;
    const problem = translateOne(error, path, root);
    if (problem) push(problem);
  }
  return problems;
}

function allowedList(values: readonly unknown[]): string {
  return values.map((value) => String(value)).join(", ");
}

/** What a translator needs about one ajv error. */
interface ErrorContext {
  error: ErrorObject;
  path: (string | number)[];
  value: unknown;
  node: SchemaNode | undefined;
}

type Translator = (context: ErrorContext) => SchemaProblem | undefined;

function atValue(path: NodePath, message: string, suggestion?: string): SchemaProblem {
  return suggestion === undefined ? { path, anchor: "value", message } : { path, anchor: "value", suggestion, message };
}

const translateRequired: Translator = ({ error, path }) => {
  const missing = (error.params as { missingProperty: string }).missingProperty;
  const missingPath = [...path, missing];
  const about = schemaAt(missingPath)?.description;
  const where = path.length === 0 ? "The charter" : fieldLabel(path);
  return {
    path: missingPath,
    anchor: "key",
    missingKey: missing,
    message: `${where} is missing the required key "${missing}".${about ? ` ${about}` : ""}`,
  };
};

const translateAdditional: Translator = ({ error, path, node }) => {
  const extra = (error.params as { additionalProperty: string }).additionalProperty;
  const allowed = Object.keys(deref(node)?.properties ?? {});
  const suggestion = didYouMean(extra, allowed);
  const where = path.length === 0 ? "at the top level of a charter" : `in ${fieldLabel(path)}`;
  const comma = /\s/.test(extra)
    ? " Inside { … } a comma starts a new key: put text that contains a comma in quotes."
    : "";
  return {
    path: [...path, extra],
    anchor: "key",
    suggestion,
    message: suggestion
      ? `Unknown key "${extra}" ${where}. Did you mean "${suggestion}"?`
      : `Unknown key "${extra}" ${where}. Allowed keys: ${allowedList(allowed)}.${comma}`,
  };
};

const translateEnum: Translator = ({ error, path, value }) => {
  const allowed = (error.params as { allowedValues: unknown[] }).allowedValues;
  const suggestion = typeof value === "string" ? didYouMean(value, allowed.map(String)) : undefined;
  const hint = suggestion ? `. Did you mean "${suggestion}"?` : ".";
  const message = `${describeValue(value).replace(/^the text /, "")} is not a valid ${keyName(path)}${hint} Allowed values: ${allowedList(allowed)}.`;
  return { path, anchor: "value", suggestion, message };
};

const translateConst: Translator = ({ error, path, value }) => {
  const expected = String((error.params as { allowedValue: unknown }).allowedValue);
  const top = path.length === 1 ? path[0] : undefined;
  if (top === "apiVersion") {
    const found = describeValue(value).replace(/^the text /, "");
    const message = `Unsupported apiVersion ${found}. This version of Partner Charter reads: ${SUPPORTED_API_VERSIONS.join(", ")}.`;
    return atValue(path, message, expected);
  }
  if (top === "kind") {
    const message = `kind must be "${expected}"; found ${describeValue(value)}. ("Program" is reserved for a later version of the format.)`;
    return atValue(path, message, expected);
  }
  return atValue(path, `${fieldLabel(path)} must be "${expected}".`);
};

const translateType: Translator = ({ path, value, node }) => {
  const hint =
    typeof value === "number" && node?.type === "string" ? ` Put it in quotes ("${value}") to write it as text.` : "";
  return atValue(
    path,
    `${fieldLabel(path)} must be ${describeSchemaType(node)}; found ${describeValue(value)}.${hint}`,
  );
};

const FORMAT_MESSAGES: Record<string, string> = {
  date: "must be a real calendar date written YYYY-MM-DD",
  uri: "must be a full web address such as https://example.com",
};

const translateFormat: Translator = ({ error, path, value }) => {
  const format = (error.params as { format: string }).format;
  const expected = FORMAT_MESSAGES[format];
  return expected
    ? atValue(path, `${fieldLabel(path)} ${expected}; found ${describeValue(value)}.`)
    : atValue(path, `${fieldLabel(path)} is not a valid ${format}.`);
};

const translatePattern: Translator = ({ path, value }) => {
  if (refName(schemaAtRaw(path)) === "slug" || (path.length === 1 && path[0] === "id")) {
    return atValue(
      path,
      `${fieldLabel(path)} must be a slug of lowercase letters, digits and hyphens that starts with a letter or digit (e.g. acme-cloudco); found ${describeValue(value)}.`,
    );
  }
  if (keyName(path) === "digest") {
    return atValue(
      path,
      `${fieldLabel(path)} must be "sha256:" followed by 64 lowercase hex digits; \`partner-charter sign\` writes it for you.`,
    );
  }
  return atValue(path, `${fieldLabel(path)} does not have the expected form; found ${describeValue(value)}.`);
};

const limit =
  (bound: "more" | "less"): Translator =>
  ({ error, path, value }) =>
    atValue(
      path,
      `${fieldLabel(path)} must be ${(error.params as { limit: number }).limit} or ${bound}; found ${describeValue(value)}.`,
    );

/** The branch errors of anyOf/oneOf/if say it better: those keywords produce no problem of their own. */
const silent: Translator = () => undefined;

const TRANSLATORS: Record<string, Translator> = {
  required: translateRequired,
  additionalProperties: translateAdditional,
  enum: translateEnum,
  const: translateConst,
  type: translateType,
  format: translateFormat,
  pattern: translatePattern,
  minimum: limit("more"),
  exclusiveMinimum: limit("more"),
  maximum: limit("less"),
  exclusiveMaximum: limit("less"),
  anyOf: silent,
  oneOf: silent,
  if: silent,
};

function translateOne(error: ErrorObject, path: (string | number)[], root: unknown): SchemaProblem | undefined {
  const translate = TRANSLATORS[error.keyword];
  if (translate) return translate({ error, path, value: valueAt(root, path), node: schemaAt(path) });
  return atValue(path, `${fieldLabel(path)} is not valid here (${truncate(error.message ?? error.keyword)}).`);
}

/** The schema node at a path without following the last $ref (to know which $def it names). */
function schemaAtRaw(path: NodePath): SchemaNode | undefined {
  if (path.length === 0) return charterSchema;
  const parent = schemaAt(path.slice(0, -1));
  const last = path[path.length - 1];
  return typeof last === "number" ? parent?.items : parent?.properties?.[last as string];
}
