import schemaJson from "../../../schemas/partner-charter.schema.json";
import type { NodePath } from "../types";

/**
 * Read access to the charter JSON Schema: the one source of key names, enums and their
 * documentation for error messages, completion, hover and quick fixes.
 */

export interface SchemaNode {
  $ref?: string;
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  title?: string;
  description?: string;
  markdownDescription?: string;
  enumDescriptions?: string[];
  markdownEnumDescriptions?: string[];
  defaultSnippets?: { label?: string; description?: string; body: unknown }[];
  additionalProperties?: boolean | SchemaNode;
}

/** A schema file: its root node and its `$defs` (the charter's, or a program file's). */
export type SchemaDocument = SchemaNode & { $defs: Record<string, SchemaNode> };

export const charterSchema = schemaJson as unknown as SchemaDocument;

/** The `$defs` entry of the `TODO` placeholder, accepted beside every date, number, boolean and enum. */
export const TODO_REF = "#/$defs/todo";

/**
 * Follows `$ref: "#/$defs/name"` (the only kind of reference the schema uses), and reads a
 * value that may also be `TODO` as the value itself: error messages, completion and hover
 * speak of the real values, never of the placeholder.
 */
export function deref(node: SchemaNode | undefined, root: SchemaDocument = charterSchema): SchemaNode | undefined {
  let current = node;
  for (let hops = 0; current && hops < 10; hops++) {
    if (current.$ref) {
      const name = current.$ref.replace(/^#\/\$defs\//, "");
      const target = root.$defs[name];
      // Keep annotations written beside the $ref (a property's own description wins).
      current = target ? { ...target, ...withoutRef(current) } : undefined;
    } else if (current.anyOf?.some(isTodo)) {
      current = withoutTodo(current);
    } else break;
  }
  return current;
}

function isTodo(node: SchemaNode): boolean {
  return node.$ref === TODO_REF;
}

/** `{ description, anyOf: [real, TODO] }` read as `{ description, ...real }`. */
function withoutTodo(node: SchemaNode): SchemaNode {
  const real = node.anyOf!.filter((branch) => !isTodo(branch));
  const outer = { ...node };
  delete outer.anyOf;
  return real.length === 1 ? { ...real[0]!, ...outer } : { ...outer, anyOf: real };
}

function withoutRef(node: SchemaNode): SchemaNode {
  const copy = { ...node };
  delete copy.$ref;
  return copy;
}

/** The name of the `$defs` entry a node refers to, if any. */
export function refName(node: SchemaNode | undefined): string | undefined {
  return node?.$ref?.replace(/^#\/\$defs\//, "");
}

/**
 * The schema that describes the value at `path` (in the charter's schema, or `root`'s), or
 * undefined when the path is not in the format.
 */
export function schemaAt(path: NodePath, root: SchemaDocument = charterSchema): SchemaNode | undefined {
  let node: SchemaNode | undefined = deref(root, root);
  for (const segment of path) {
    if (!node) return undefined;
    if (typeof segment === "number") node = deref(node.items, root);
    else node = deref(node.properties?.[segment], root);
  }
  return node;
}

/** Human label of a path, e.g. `commitments.us[0].type`. */
export function pathLabel(path: NodePath): string {
  let label = "";
  for (const segment of path) {
    if (typeof segment === "number") label += `[${segment}]`;
    else label += label ? `.${segment}` : segment;
  }
  return label || "the top level";
}

export function describeSchemaType(node: SchemaNode | undefined): string {
  if (!node) return "a value";
  if (node.anyOf) return node.anyOf.map((branch) => describeSchemaType(deref(branch))).join(" or ");
  const types = Array.isArray(node.type) ? node.type : node.type ? [node.type] : [];
  if (types.length === 0 && node.enum) return "one of the listed values";
  return types.map(describeJsonType).join(" or ") || "a value";
}

export function describeJsonType(type: string): string {
  switch (type) {
    case "object":
      return "a section of keys (key: value)";
    case "array":
      return "a list (items starting with '- ')";
    case "string":
      return "text";
    case "integer":
      return "a whole number";
    case "number":
      return "a number";
    case "boolean":
      return "true or false";
    case "null":
      return "nothing";
    default:
      return type;
  }
}

/** Describes a found value for "expected X, found Y" messages. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return "nothing (an empty value)";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a section of keys";
  if (typeof value === "string") return `the text "${truncate(value)}"`;
  if (typeof value === "boolean") return String(value);
  if (typeof value === "number") return Number.isInteger(value) ? `the number ${value}` : `the number ${value}`;
  return typeof value;
}

export function truncate(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
