import { isAlias, isMap, isScalar, isSeq } from "yaml";
import { isRecord } from "../facts/read";
import type { ParsedCharter } from "../parse/parse-charter";
import { truncate } from "../schema/charter-schema";
import { own } from "../text/own";
import { plural } from "../text/words";
import type { NodePath, Range } from "../types";
import { nodeRange, scalarKey } from "./tree";

/**
 * The outline of a charter (document symbols), curated for a partnership manager rather than
 * the raw key tree (EDITOR.md): the parties, tier, build-vs-partner decision, leverage, value,
 * goals, commitments (what each side gives), each phase with its dates and go/no-go, the
 * measurement, governance, signatures and launch; for a program file, its ecosystem and tiers.
 * Identification and bookkeeping scalars (`apiVersion`, `id`, `status`…) are not symbols.
 */

/** `party`: our company or the partner; `phase`: crawl, walk or run; `group`: a list inside a section. */
export type OutlineKind = "section" | "party" | "phase" | "group" | "item";

export interface OutlineNode {
  name: string;
  detail?: string;
  kind: OutlineKind;
  /** The whole entry, key and value. */
  range: Range;
  /** The key (or the item's first line), inside `range`. */
  selectionRange: Range;
  children?: OutlineNode[];
}

type Data = Record<string, unknown>;

function dataOf(node: unknown): unknown {
  if (isScalar(node)) return node.value;
  try {
    return (node as { toJSON?: () => unknown } | undefined)?.toJSON?.();
  } catch {
    return undefined;
  }
}

function asData(value: unknown): Data | undefined {
  return isRecord(value) ? value : undefined;
}

function text(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "object") return undefined;
  return truncate(String(value), 80);
}

function count(value: unknown, word: string): string | undefined {
  return Array.isArray(value) ? plural(value.length, word) : undefined;
}

const TIER_NUMBER: Record<string, string> = { integration: "Tier 1", partnership: "Tier 2", strategic: "Tier 3" };

function phaseDetail(name: string, phase: Data | undefined): string | undefined {
  if (!phase) return undefined;
  const start = text(phase.start);
  const end = text(phase.end);
  const parts: string[] = [];
  if (start && end) parts.push(`${start} → ${end}`);
  else if (start) parts.push(name === "run" ? `from ${start}, ongoing` : `from ${start}`);
  else if (end) parts.push(`until ${end}`);
  if (name !== "run") parts.push(`go/no-go: ${text(phase.outcome) ?? "pending"}`);
  else if (phase.roiValidated === true) parts.push("ROI validated");
  return parts.join(" · ") || undefined;
}

function itemName(path: NodePath, value: unknown): { name: string; detail?: string } {
  const generic = path.map((segment) => (typeof segment === "number" ? "*" : segment)).join(".");
  const item = asData(value);
  const index = Number(path[path.length - 1]) + 1;
  if (!item) return { name: text(value) ?? `item ${index}` };
  if (/^commitments\.(us|partner)\.\*$/.test(generic)) {
    const amount = asData(item.amount);
    const size = amount && amount.value !== undefined ? `${text(amount.value)} ${text(amount.unit) ?? ""}`.trim() : "";
    return {
      name: text(item.type) ?? `commitment ${index}`,
      detail: [text(item.detail), size].filter(Boolean).join(" · "),
    };
  }
  if (/^valueProposition\.\w+\.\*$/.test(generic)) {
    return { name: text(item.benefit) ?? `benefit ${index}`, detail: text(item.detail) };
  }
  if (generic === "tiers.*") {
    // A program's tier: its own name, with its level and what it provides.
    const provides = Array.isArray(item.provides) ? item.provides.length : 0;
    return {
      name: text(item.name) ?? `tier ${index}`,
      detail: [text(item.tier), provides ? `provides ${provides}` : ""].filter(Boolean).join(" · "),
    };
  }
  if (generic === "measurement.metrics.*") {
    return {
      name: text(item.name) ?? `metric ${index}`,
      detail: item.target !== undefined ? `target ${text(item.target)}` : undefined,
    };
  }
  if (/^phases\.\w+\.goNoGo\.\*$/.test(generic)) {
    const bar =
      item.improvement !== undefined
        ? `improvement ≥ ${text(item.improvement)}`
        : item.adoption !== undefined
          ? `adoption ≥ ${text(item.adoption)}`
          : text(item.target);
    return { name: text(item.metric) ?? `criterion ${index}`, detail: bar };
  }
  if (generic === "signatures.*") {
    const who = [text(item.party), text(item.name)].filter(Boolean).join(": ");
    return { name: who || `signature ${index}`, detail: text(item.date) };
  }
  const first = Object.values(item).find((v) => typeof v === "string");
  return { name: text(first) ?? `item ${index}` };
}

function sectionDetail(path: NodePath, value: unknown): string | undefined {
  const generic = path.join(".");
  const data = asData(value);
  switch (generic) {
    case "tier": {
      const tier = text(value);
      const number = own(TIER_NUMBER, tier);
      return tier ? (number ? `${tier} · ${number}` : tier) : undefined;
    }
    case "partner":
      return text(data?.name);
    case "leverage":
      return text(data?.type);
    case "decision":
      return data?.choice ? `choice: ${text(data.choice)}` : undefined;
    case "valueProposition":
      return data
        ? (["us", "partner", "customers"] as const)
            .map((side) => `${side} ${Array.isArray(data[side]) ? (data[side] as unknown[]).length : 0}`)
            .join(" · ")
        : undefined;
    case "commitments": {
      if (!data) return undefined;
      const size = (side: unknown): number => (Array.isArray(side) ? side.length : 0);
      return `we give ${size(data.us)} · partner gives ${size(data.partner)}`;
    }
    case "commitments.us":
    case "commitments.partner":
      return count(value, "commitment");
    case "valueProposition.us":
    case "valueProposition.partner":
    case "valueProposition.customers":
      return count(value, "benefit");
    case "measurement.metrics":
      return count(value, "metric");
    case "governance.exitCriteria":
      return Array.isArray(value) ? `${value.length} ${value.length === 1 ? "criterion" : "criteria"}` : undefined;
    case "phases":
      return data ? ["crawl", "walk", "run"].filter((phase) => phase in data).join(" → ") || undefined : undefined;
    case "phases.crawl":
    case "phases.walk":
    case "phases.run":
      return phaseDetail(String(path[1]), data);
    case "measurement": {
      if (!data) return undefined;
      const parts = [
        count(data.metrics, "metric"),
        data.reviewCadence ? `reviewed ${text(data.reviewCadence)}` : undefined,
      ];
      return parts.filter(Boolean).join(" · ") || undefined;
    }
    case "governance": {
      const owners = asData(data?.owners);
      return owners ? [text(owners.us), text(owners.partner)].filter(Boolean).join(" ↔ ") || undefined : undefined;
    }
    case "signatures":
      return Array.isArray(value)
        ? value
            .map((signature) => text(asData(signature)?.party))
            .filter(Boolean)
            .join(", ") || undefined
        : undefined;
    case "launch":
      return text(data?.date);
    default:
      if (Array.isArray(value)) return count(value, "item");
      return text(value);
  }
}

/** A top-level section: its key, its name in the outline, its kind and what it lists. */
interface SectionSpec {
  key: string;
  name: string;
  kind?: OutlineKind;
  /** Sub-entries (key → name) shown as groups or phases; their list items become the group's items. */
  parts?: readonly (readonly [key: string, name: string, kind?: OutlineKind])[];
  /** The section is itself a list: its items. */
  items?: boolean;
}

const CHARTER_SECTIONS: readonly SectionSpec[] = [
  { key: "company", name: "Our company", kind: "party" },
  { key: "partner", name: "Partner", kind: "party" },
  { key: "tier", name: "Tier" },
  { key: "decision", name: "Build vs partner" },
  { key: "leverage", name: "Leverage" },
  {
    key: "valueProposition",
    name: "Value",
    parts: [
      ["us", "For us"],
      ["partner", "For the partner"],
      ["customers", "For customers"],
    ],
  },
  {
    key: "goals",
    name: "Goals",
    parts: [
      ["us", "For us", "item"],
      ["partner", "For the partner", "item"],
      ["customers", "For customers", "item"],
    ],
  },
  {
    key: "commitments",
    name: "Commitments",
    parts: [
      ["us", "We give"],
      ["partner", "Partner gives"],
    ],
  },
  {
    key: "phases",
    name: "Phases",
    parts: [
      ["crawl", "Crawl", "phase"],
      ["walk", "Walk", "phase"],
      ["run", "Run", "phase"],
    ],
  },
  { key: "measurement", name: "Measurement", parts: [["metrics", "Metrics"]] },
  { key: "governance", name: "Governance", parts: [["exitCriteria", "Exit criteria"]] },
  { key: "signatures", name: "Signatures", items: true },
  { key: "launch", name: "Launch" },
];

const PROGRAM_SECTIONS: readonly SectionSpec[] = [
  { key: "company", name: "Our company", kind: "party" },
  { key: "ecosystem", name: "Ecosystem" },
  { key: "tiers", name: "Tiers", items: true },
];

/** The list a phase's items come from. */
const PHASE_ITEMS = "goNoGo";

function programSectionDetail(path: NodePath, value: unknown): string | undefined {
  const data = asData(value);
  if (path.join(".") === "ecosystem") return text(data?.model);
  if (path.join(".") === "company") return text(data?.name);
  if (path.join(".") === "tiers") return count(value, "tier");
  return undefined;
}

function programItemName(value: unknown, index: number): { name: string; detail?: string } {
  const tier = asData(value);
  const level = text(tier?.tier);
  const number = own(TIER_NUMBER, level);
  return {
    name: text(tier?.name) ?? level ?? `tier ${index + 1}`,
    detail: level ? (number ? `${level} · ${number}` : level) : undefined,
  };
}

export function charterOutline(parsed: ParsedCharter): OutlineNode[] {
  const source = parsed.text;
  const root = parsed.doc?.contents;
  if (!isMap(root)) return [];
  const endOf = (start: number, end: number): number => {
    let e = end;
    while (e > start && /\s/.test(source[e - 1]!)) e--;
    return e;
  };
  const span = (start: number, end: number): Range => parsed.lines.range(start, endOf(start, end));
  const isProgram = root.items.some((pair) => scalarKey(pair.key) === "kind" && scalarKey(pair.value) === "Program");

  /** The `key: value` entry of a mapping as a symbol (key and value in its range). */
  const entry = (
    map: unknown,
    key: string,
    name: string,
    kind: OutlineKind,
    detail: string | undefined,
  ): { node: OutlineNode; value: unknown } | undefined => {
    if (!isMap(map)) return undefined;
    const pair = map.items.find((candidate) => scalarKey(candidate.key) === key);
    const keyRange = nodeRange(pair?.key);
    if (!pair || !keyRange) return undefined;
    const end = Math.max(keyRange[1], nodeRange(pair.value)?.[1] ?? keyRange[1]);
    return {
      node: { name, detail, kind, range: span(keyRange[0], end), selectionRange: span(keyRange[0], keyRange[1]) },
      value: pair.value,
    };
  };

  /** The items of a block list, each named by its content. */
  const items = (list: unknown, path: NodePath): OutlineNode[] | undefined => {
    if (!isSeq(list) || isAlias(list)) return undefined;
    const out: OutlineNode[] = [];
    list.items.forEach((item, index) => {
      const range = nodeRange(item);
      if (!range) return;
      const value = dataOf(item);
      const { name, detail } = isProgram ? programItemName(value, index) : itemName([...path, index], value);
      const whole = span(range[0], range[1]);
      const firstLine = { line: whole.start.line, character: parsed.lines.lineText(whole.start.line).length };
      out.push({
        name,
        detail: detail || undefined,
        kind: "item",
        range: whole,
        selectionRange: whole.start.line === whole.end.line ? whole : { start: whole.start, end: firstLine },
      });
    });
    return out.length ? out : undefined;
  };

  const out: OutlineNode[] = [];
  for (const spec of isProgram ? PROGRAM_SECTIONS : CHARTER_SECTIONS) {
    const data = dataOf(root.items.find((pair) => scalarKey(pair.key) === spec.key)?.value);
    const detail = isProgram ? programSectionDetail([spec.key], data) : sectionDetail([spec.key], data);
    const section = entry(root, spec.key, spec.name, spec.kind ?? "section", detail);
    if (!section) continue;
    const children: OutlineNode[] = [];
    for (const [key, name, kind] of spec.parts ?? []) {
      const path = [spec.key, key];
      const partData = dataOf(isMap(section.value) ? section.value.get(key, true) : undefined);
      const part = entry(section.value, key, name, kind ?? "group", sectionDetail(path, partData));
      if (!part) continue;
      // A phase lists its go/no-go criteria; any other part, its own items.
      part.node.children =
        kind === "phase"
          ? items(isMap(part.value) ? part.value.get(PHASE_ITEMS, true) : undefined, [...path, PHASE_ITEMS])
          : items(part.value, path);
      children.push(part.node);
    }
    if (spec.items) children.push(...(items(section.value, [spec.key]) ?? []));
    if (children.length) section.node.children = children;
    out.push(section.node);
  }
  return out.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
}
