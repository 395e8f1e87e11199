/**
 * Lenient reading of charter data: the data as parsed, of any shape while the author types.
 * A value of the wrong type reads as absent, so nothing that reads through these helpers
 * throws on a charter the schema has not vouched for.
 */

export type Data = Record<string, unknown>;

/** A YAML mapping (not a list, not null). */
export function isRecord(value: unknown): value is Data {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The mapping, or an empty one. */
export function record(value: unknown): Data {
  return isRecord(value) ? value : {};
}

/** The list, or an empty one. */
export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A non-blank string as written; numbers and booleans as text (e.g. `customers: 2`); else undefined. */
export function text(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim() === "" ? undefined : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

/** The non-blank texts of a list. */
export function strings(value: unknown): string[] {
  return list(value)
    .map(text)
    .filter((item): item is string => item !== undefined);
}

/** A finite number, else undefined. */
export function finite(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/** The value at a path of keys, through mappings only. */
export function at(data: unknown, path: readonly string[]): unknown {
  let node: unknown = data;
  for (const key of path) node = isRecord(node) ? node[key] : undefined;
  return node;
}

/**
 * The marker `init`, the snippets and the quick fixes write where the authors must still
 * decide (docs/rules/todo-placeholder.md). A value that is exactly this stands for any type
 * (a date, a number, an enum value…) and is read as undecided: never as a real value.
 */
export const PLACEHOLDER = "TODO";

/** True for a value that is exactly the placeholder `TODO` (an undecided value). */
export function isPlaceholder(value: unknown): boolean {
  return value === PLACEHOLDER;
}
