import { deref, schemaAt, type SchemaDocument, type SchemaNode } from "../schema/charter-schema";
import type { NodePath } from "../types";

/**
 * Schema lookups for editor features: what a path expects, its documentation, and its
 * allowed values with their explanations.
 */

export function isObjectSchema(node: SchemaNode | undefined): boolean {
  return !!node && (node.type === "object" || (!node.type && !!node.properties));
}

export function isArraySchema(node: SchemaNode | undefined): boolean {
  return !!node && node.type === "array";
}

export function itemSchema(node: SchemaNode | undefined): SchemaNode | undefined {
  return node ? deref(node.items) : undefined;
}

/** Markdown documentation of a schema node (markdownDescription, else description). */
export function documentation(node: SchemaNode | undefined): string | undefined {
  return node?.markdownDescription ?? node?.description;
}

export interface AllowedValue {
  value: string;
  /** Markdown explanation of this value, when the schema has one. */
  documentation?: string;
  /** Plain-text explanation of this value, when the schema has one. */
  description?: string;
}

/** Values a scalar may take when the schema lists them (enum, const, boolean). */
export function allowedValues(node: SchemaNode | undefined): AllowedValue[] {
  if (!node) return [];
  if (node.enum) {
    return node.enum.map((value, i) => ({
      value: String(value),
      documentation: node.markdownEnumDescriptions?.[i],
      description: node.enumDescriptions?.[i],
    }));
  }
  if (node.const !== undefined) return [{ value: String(node.const), documentation: documentation(node) }];
  const types = Array.isArray(node.type) ? node.type : node.type ? [node.type] : [];
  if (types.includes("boolean")) return [{ value: "true" }, { value: "false" }];
  if (node.anyOf) return node.anyOf.flatMap((branch) => allowedValues(deref(branch)));
  return [];
}

/** True when the key is required in the mapping at `mappingPath`. */
export function isRequired(mappingPath: NodePath, key: string, schema?: SchemaDocument): boolean {
  return schemaAt(mappingPath, schema)?.required?.includes(key) ?? false;
}

/** A short, plain description of what a value must be: "text", "a date", "one of: …". */
export function valueKind(node: SchemaNode | undefined): string {
  if (!node) return "a value";
  if (node.format === "date") return "a date (YYYY-MM-DD)";
  if (node.const !== undefined) return `always ${String(node.const)}`;
  if (node.enum) return `one of: ${node.enum.map(String).join(", ")}`;
  if (node.anyOf) return node.anyOf.map((branch) => valueKind(deref(branch))).join(" or ");
  switch (node.type) {
    case "object":
      return "a section";
    case "array":
      return "a list";
    case "string":
      return node.pattern ? "an id (lowercase letters, digits, hyphens)" : "text";
    case "integer":
      return "a whole number";
    case "number":
      return "a number";
    case "boolean":
      return "true or false";
    default:
      return "a value";
  }
}
