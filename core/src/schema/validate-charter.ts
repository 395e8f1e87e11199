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

function translateOne(error: ErrorObject, path: (string | number)[], root: unknown): SchemaProblem | undefined {
  const value = valueAt(root, path);
  const node: SchemaNode | undefined = schemaAt(path);
  switch (error.keyword) {
    case "required": {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      const missingPath = [...path, missing];
      const about = schemaAt(missingPath)?.description;
      const where = path.length === 0 ? "The charter" : `${fieldLabel(path)}`;
      return {
        path: missingPath,
        anchor: "key",
        missingKey: missing,
        message: `${where} is missing the required key "${missing}".${about ? ` ${about}` : ""}`,
      };
    }
    case "additionalProperties": {
      const extra = (error.params as { additionalProperty: string }).additionalProperty;
      const allowed = Object.keys(deref(node)?.properties ?? {});
      const suggestion = didYouMean(extra, allowed);
      const where = path.length === 0 ? "at the top level of a charter" : `in ${fieldLabel(path)}`;
      return {
        path: [...path, extra],
        anchor: "key",
        suggestion,
        message: suggestion
          ? `Unknown key "${extra}" ${where}. Did you mean "${suggestion}"?`
          : `Unknown key "${extra}" ${where}. Allowed keys: ${allowedList(allowed)}.${
              /\s/.test(extra)
                ? " Inside { … } a comma starts a new key: put text that contains a comma in quotes."
                : ""
            }`,
      };
    }
    case "enum": {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues;
      const suggestion = typeof value === "string" ? didYouMean(value, allowed.map(String)) : undefined;
      return {
        path,
        anchor: "value",
        suggestion,
        message: `${describeValue(value).replace(/^the text /, "")} is not a valid ${keyName(path)}${
          suggestion ? `. Did you mean "${suggestion}"?` : "."
        } Allowed values: ${allowedList(allowed)}.`,
      };
    }
    case "const": {
      const expected = (error.params as { allowedValue: unknown }).allowedValue;
      if (path.length === 1 && path[0] === "apiVersion") {
        return {
          path,
          anchor: "value",
          suggestion: String(expected),
          message: `Unsupported apiVersion ${describeValue(value).replace(/^the text /, "")}. This version of Partner Charter reads: ${SUPPORTED_API_VERSIONS.join(", ")}.`,
        };
      }
      if (path.length === 1 && path[0] === "kind") {
        return {
          path,
          anchor: "value",
          suggestion: String(expected),
          message: `kind must be "${String(expected)}"; found ${describeValue(value)}. ("Program" is reserved for a later version of the format.)`,
        };
      }
      return { path, anchor: "value", message: `${fieldLabel(path)} must be "${String(expected)}".` };
    }
    case "type": {
      const expected = describeSchemaType(node);
      const hint =
        typeof value === "number" && node?.type === "string"
          ? ` Put it in quotes ("${value}") to write it as text.`
          : "";
      return {
        path,
        anchor: "value",
        message: `${fieldLabel(path)} must be ${expected}; found ${describeValue(value)}.${hint}`,
      };
    }
    case "format": {
      const format = (error.params as { format: string }).format;
      if (format === "date") {
        return {
          path,
          anchor: "value",
          message: `${fieldLabel(path)} must be a real calendar date written YYYY-MM-DD; found ${describeValue(value)}.`,
        };
      }
      if (format === "uri") {
        return {
          path,
          anchor: "value",
          message: `${fieldLabel(path)} must be a full web address such as https://example.com; found ${describeValue(value)}.`,
        };
      }
      return { path, anchor: "value", message: `${fieldLabel(path)} is not a valid ${format}.` };
    }
    case "pattern": {
      const def = refName(schemaAtRaw(path));
      if (def === "slug" || (path.length === 1 && path[0] === "id")) {
        return {
          path,
          anchor: "value",
          message: `${fieldLabel(path)} must be a slug of lowercase letters, digits and hyphens that starts with a letter or digit (e.g. acme-cloudco); found ${describeValue(value)}.`,
        };
      }
      if (keyName(path) === "digest") {
        return {
          path,
          anchor: "value",
          message: `${fieldLabel(path)} must be "sha256:" followed by 64 lowercase hex digits; \`partner-charter sign\` writes it for you.`,
        };
      }
      return {
        path,
        anchor: "value",
        message: `${fieldLabel(path)} does not have the expected form; found ${describeValue(value)}.`,
      };
    }
    case "minimum":
    case "exclusiveMinimum": {
      const limit = (error.params as { limit: number }).limit;
      return {
        path,
        anchor: "value",
        message: `${fieldLabel(path)} must be ${limit} or more; found ${describeValue(value)}.`,
      };
    }
    case "maximum":
    case "exclusiveMaximum": {
      const limit = (error.params as { limit: number }).limit;
      return {
        path,
        anchor: "value",
        message: `${fieldLabel(path)} must be ${limit} or less; found ${describeValue(value)}.`,
      };
    }
    case "anyOf":
    case "oneOf":
    case "if":
      return undefined; // the branch errors say it better
    default:
      return {
        path,
        anchor: "value",
        message: `${fieldLabel(path)} is not valid here (${truncate(error.message ?? error.keyword)}).`,
      };
  }
}

/** The schema node at a path without following the last $ref (to know which $def it names). */
function schemaAtRaw(path: NodePath): SchemaNode | undefined {
  if (path.length === 0) return charterSchema;
  const parent = schemaAt(path.slice(0, -1));
  const last = path[path.length - 1];
  return typeof last === "number" ? parent?.items : parent?.properties?.[last as string];
}
