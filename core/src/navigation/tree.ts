import { isAlias, isMap, isScalar, isSeq, type Node } from "yaml";
import type { ParsedCharter } from "../parse/parse-charter";
import type { NodePath, Range } from "../types";

/** Walking the parsed YAML tree (which keeps source ranges), even when it has syntax errors. */

export type NodeRangeTuple = [number, number, number];

export function nodeRange(node: unknown): NodeRangeTuple | undefined {
  const range = (node as { range?: NodeRangeTuple } | undefined)?.range;
  return range && range.length >= 2 ? range : undefined;
}

export function scalarKey(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const value = node.value;
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean"
    ? String(value)
    : undefined;
}

export interface NodeAtPosition {
  path: NodePath;
  /** The cursor is on the key of a `key: value` pair, or on a value. */
  part: "key" | "value";
  range: Range;
  /** The scalar under the cursor (for values). */
  value?: unknown;
}

/** The innermost key or scalar value at a text offset. */
export function nodeAt(parsed: ParsedCharter, offset: number): NodeAtPosition | undefined {
  const root = parsed.doc?.contents;
  if (!root) return undefined;
  const contains = (node: unknown): boolean => {
    const range = nodeRange(node);
    return !!range && range[0] <= offset && offset <= range[1];
  };
  const toRange = (node: unknown): Range => {
    const range = nodeRange(node)!;
    return parsed.lines.range(range[0], range[1]);
  };
  const visit = (node: unknown, path: (string | number)[]): NodeAtPosition | undefined => {
    if (isAlias(node)) return undefined;
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = scalarKey(pair.key);
        if (key === undefined) continue;
        if (contains(pair.key)) return { path: [...path, key], part: "key", range: toRange(pair.key) };
        if (pair.value && contains(pair.value)) {
          const inner = visit(pair.value, [...path, key]);
          if (inner) return inner;
        }
      }
      return undefined;
    }
    if (isSeq(node)) {
      for (let i = 0; i < node.items.length; i++) {
        const item = node.items[i];
        if (contains(item)) return visit(item, [...path, i]);
      }
      return undefined;
    }
    if (isScalar(node) && contains(node)) {
      return { path, part: "value", range: toRange(node), value: node.value };
    }
    return undefined;
  };
  return visit(root, []);
}

/** Calls `visit` for every mapping entry and list item, depth first, with its path. */
export function walkPairs(
  parsed: ParsedCharter,
  visit: (entry: { path: NodePath; key?: Node; value: unknown; container: "map" | "seq" }) => void,
): void {
  const walk = (node: unknown, path: (string | number)[]): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = scalarKey(pair.key);
        if (key === undefined) continue;
        visit({ path: [...path, key], key: pair.key as Node, value: pair.value, container: "map" });
        walk(pair.value, [...path, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        visit({ path: [...path, i], value: item, container: "seq" });
        walk(item, [...path, i]);
      });
    }
  };
  walk(parsed.doc?.contents, []);
}
