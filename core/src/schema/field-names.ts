import { quote } from "../text/words";
import type { NodePath } from "../types";

/**
 * How messages name a place in a charter: a key by its dotted path (`partner.website`), a list
 * item by what it says (`the metric "MSPs live"`, `our commitment "two engineers…"`), never
 * by a position counted from zero.
 */

interface ItemKind {
  /** The list's path, `*` standing for any key. */
  list: string;
  /** Who the item belongs to: "the", "our", "the partner's"; `*` is the key the list's `*` stands for. */
  owner: string;
  noun: string;
  /** The item's keys that name it, in order of preference (none: the item is text). */
  by: string[];
}

const ITEM_KINDS: ItemKind[] = [
  { list: "measurement.metrics", owner: "the", noun: "metric", by: ["name"] },
  { list: "commitments.us", owner: "our", noun: "commitment", by: ["detail", "type"] },
  { list: "commitments.partner", owner: "the partner's", noun: "commitment", by: ["detail", "type"] },
  { list: "phases.*.goNoGo", owner: "the *", noun: "go/no-go criterion", by: ["metric"] },
  { list: "phases.*.deliverables", owner: "the *", noun: "deliverable", by: [] },
  { list: "valueProposition.us", owner: "our", noun: "benefit", by: ["detail", "benefit"] },
  { list: "valueProposition.partner", owner: "the partner's", noun: "benefit", by: ["detail", "benefit"] },
  { list: "valueProposition.customers", owner: "the customers'", noun: "benefit", by: ["detail", "benefit"] },
  { list: "governance.exitCriteria", owner: "the", noun: "exit criterion", by: [] },
  { list: "governance.escalation", owner: "the", noun: "escalation step", by: [] },
  { list: "signatures", owner: "the", noun: "signature of", by: ["name", "party"] },
  { list: "tierHistory", owner: "the", noun: "tier step", by: ["tier"] },
  { list: "tags", owner: "the", noun: "tag", by: [] },
];

const ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

function kindOf(listPath: NodePath): ItemKind | undefined {
  const segments = listPath.map(String);
  return ITEM_KINDS.find((kind) => {
    const pattern = kind.list.split(".");
    return pattern.length === segments.length && pattern.every((part, i) => part === "*" || part === segments[i]);
  });
}

function nameOf(kind: ItemKind | undefined, item: unknown, field: string | number | undefined): string | undefined {
  if (typeof item === "string" && item.trim()) return item;
  if (!kind || typeof item !== "object" || item === null) return undefined;
  // The field in question does not name its item: "the tier of the second tier step", not "… of the tier step "Tier 3"".
  for (const key of kind.by.filter((by) => by !== field)) {
    const value = (item as Record<string, unknown>)[key];
    if ((typeof value === "string" && value.trim()) || typeof value === "number") return String(value);
  }
  return undefined;
}

/** `the metric "MSPs live"`, `our second commitment`, `item 12 of tags`. */
function itemName(listPath: NodePath, index: number, item: unknown, field?: string | number): string {
  const kind = kindOf(listPath);
  const name = nameOf(kind, item, field);
  const wildcard = kind?.list.split(".").indexOf("*") ?? -1;
  const owner = kind?.owner.replace("*", String(listPath[wildcard] ?? ""));
  if (kind && name !== undefined) {
    return kind.noun === "signature of" ? `the signature of ${name}` : `${owner} ${kind.noun} ${quote(name, 32)}`;
  }
  if (kind && index < ORDINALS.length) return `${owner} ${ORDINALS[index]} ${kind.noun.replace(/ of$/, "")}`;
  return `item ${index + 1} of ${listPath.join(".")}`;
}

function valueAt(root: unknown, path: NodePath): unknown {
  let value = root;
  for (const segment of path) value = (value as Record<string | number, unknown> | undefined)?.[segment];
  return value;
}

/** The name of the place at `path` in a message: `partner.website`, `the target of the metric "MSPs live"`. */
export function fieldName(path: NodePath, root: unknown): string {
  let last = -1;
  path.forEach((segment, i) => {
    if (typeof segment === "number") last = i;
  });
  if (last < 0) return path.length ? path.join(".") : "the charter";
  const index = path[last] as number;
  const rest = path.slice(last + 1);
  const item = itemName(path.slice(0, last), index, valueAt(root, path.slice(0, last + 1)), rest[0]);
  return rest.length ? `the ${rest.join(".")} of ${item}` : item;
}

/** A field name at the start of a sentence: "The target of …", but a key stays as written. */
export function sentenceStart(name: string): string {
  return /^(the|our|item) /.test(name) ? name.charAt(0).toUpperCase() + name.slice(1) : name;
}
