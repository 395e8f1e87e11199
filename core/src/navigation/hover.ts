import type { ParsedCharter } from "../parse/parse-charter";
import { charterSchema, pathLabel, schemaAt, type SchemaDocument, type SchemaNode } from "../schema/charter-schema";
import type { NodePath, Position, Range } from "../types";
import { allowedValues, documentation, isRequired } from "./schema-info";
import { nodeAt } from "./tree";

/**
 * Hover: the framework's explanation of the key or enum value under the cursor, from the
 * schema's `markdownDescription` / `markdownEnumDescriptions`.
 */

export interface HoverInfo {
  /** Markdown. */
  markdown: string;
  range: Range;
}

/** The documented node for a path: list items fall back to their list's documentation. */
function documentedAt(path: NodePath, schema: SchemaDocument): { node: SchemaNode | undefined; path: NodePath } {
  let current = [...path];
  for (;;) {
    const node = schemaAt(current, schema);
    if (!node) return { node: undefined, path: current };
    if (documentation(node) || current.length === 0 || typeof current[current.length - 1] !== "number") {
      return { node, path: current };
    }
    current = current.slice(0, -1);
  }
}

function keyName(path: NodePath): string {
  const last = path[path.length - 1];
  return typeof last === "string" ? last : pathLabel(path);
}

function keyHeader(path: NodePath, schema: SchemaDocument): string {
  const key = keyName(path);
  const parent = path.slice(0, -1);
  const required = typeof path[path.length - 1] === "string" && isRequired(parent, key, schema);
  const where = path.length > 1 ? ` · \`${pathLabel(path)}\`` : "";
  return `**${key}**${required ? " (required)" : ""}${where}`;
}

/** `schema`: the charter's, or a program file's (`programSchema`). */
export function hoverAt(
  parsed: ParsedCharter,
  position: Position,
  schema: SchemaDocument = charterSchema,
): HoverInfo | undefined {
  const offset = parsed.lines.offset(position);
  const at = nodeAt(parsed, offset);
  if (!at) return undefined;
  const { node, path } = documentedAt(at.path, schema);
  if (!node) return undefined;
  const keyDoc = documentation(node);
  if (at.part === "value" && at.value !== null && at.value !== undefined) {
    const value = String(at.value);
    const allowed = allowedValues(node).find((candidate) => candidate.value === value);
    const valueDoc = allowed?.documentation ?? allowed?.description;
    if (valueDoc) {
      const parts = [`**${value}** · \`${pathLabel(path)}\``, valueDoc];
      if (keyDoc && keyDoc !== valueDoc) parts.push("---", keyDoc);
      return { markdown: parts.join("\n\n"), range: at.range };
    }
  }
  if (!keyDoc) return undefined;
  return { markdown: [keyHeader(path, schema), keyDoc].join("\n\n"), range: at.range };
}
