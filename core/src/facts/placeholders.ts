import type { NodePath } from "../types";
import { isRecord, PLACEHOLDER } from "./read";

/**
 * Facts about the placeholders of a charter: every string value that is, or contains as a
 * whole word, the marker `TODO` (upper case only: the checklist state `todo` is not one), and
 * the charter as the rules read it, where a value that is exactly `TODO` is undecided, so
 * absent (docs/rules/todo-placeholder.md).
 */

export interface PlaceholderFact {
  path: NodePath;
  /** The value as written. */
  value: string;
  /** The value is exactly `TODO`: it stands for any type and reads as absent. */
  exact: boolean;
}

const MARKER = new RegExp(`(?<![\\p{L}\\p{N}_])${PLACEHOLDER}(?![\\p{L}\\p{N}_])`, "u");

/** True when a text is, or contains as a whole word, the marker `TODO`. */
export function containsPlaceholder(value: unknown): value is string {
  return typeof value === "string" && MARKER.test(value);
}

/** Every value that holds a `TODO` marker, in document order. */
export function placeholderFacts(data: unknown): PlaceholderFact[] {
  const found: PlaceholderFact[] = [];
  const visit = (value: unknown, path: (string | number)[]): void => {
    if (containsPlaceholder(value)) found.push({ path, value, exact: value === PLACEHOLDER });
    else if (Array.isArray(value)) value.forEach((item, index) => visit(item, [...path, index]));
    else if (isRecord(value)) for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
  };
  visit(data, []);
  return found;
}

/**
 * The data with every mapping entry whose value is exactly `TODO` left out: what the rules and
 * the facts read, so an undecided `tier` or `start` is never taken for a real value. List items
 * stay (the charter's lists hold free text, and their positions must not move). Without such a
 * value, the data itself.
 */
export function withoutPlaceholders(data: unknown, placeholders: readonly PlaceholderFact[]): unknown {
  return placeholders.some((placeholder) => placeholder.exact) ? decided(data) : data;
}

function decided(data: unknown): unknown {
  if (Array.isArray(data)) return data.map(decided);
  // Plain mappings only: a value with another prototype (a YAML timestamp's Date) stays as it is.
  if (!isRecord(data) || ![Object.prototype, null].includes(Object.getPrototypeOf(data))) return data;
  // Object.fromEntries defines own properties, so even a key named "__proto__" stays data.
  return Object.fromEntries(
    Object.entries(data)
      .filter(([, value]) => value !== PLACEHOLDER)
      .map(([key, value]) => [key, decided(value)]),
  );
}
