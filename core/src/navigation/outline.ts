import { isAlias, isMap, isScalar, isSeq } from "yaml";
import { isRecord } from "../facts/read";
import type { ParsedCharter } from "../parse/parse-charter";
import { truncate } from "../schema/charter-schema";
import { own } from "../text/own";
import { plural } from "../text/words";
import type { NodePath, Range } from "../types";
import { nodeRange, scalarKey } from "./tree";

/**
 * The outline of a charter (document symbols): every section, list item and field, named and
 * described for a partnership manager — the tier with its number, each phase with its dates
 * and go/no-go outcome, commitments with their type, signatures with who signed and when.
 */

export type OutlineKind = "section" | "list" | "item" | "field" | "phase";

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

function kindOf(path: NodePath, value: unknown): OutlineKind {
  if (path.length === 2 && path[0] === "phases") return "phase";
  if (Array.isArray(value)) return "list";
  if (asData(value)) return "section";
  return "field";
}

export function charterOutline(parsed: ParsedCharter): OutlineNode[] {
  const source = parsed.text;
  const endOf = (start: number, end: number): number => {
    let e = end;
    while (e > start && /\s/.test(source[e - 1]!)) e--;
    return e;
  };
  const span = (start: number, end: number): Range => parsed.lines.range(start, endOf(start, end));

  const children = (node: unknown, path: (string | number)[], depth: number): OutlineNode[] | undefined => {
    if (depth > 8 || isAlias(node)) return undefined;
    const out: OutlineNode[] = [];
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = scalarKey(pair.key);
        const keyRange = nodeRange(pair.key);
        if (key === undefined || !keyRange) continue;
        const valueRange = nodeRange(pair.value);
        const childPath = [...path, key];
        const value = dataOf(pair.value);
        const end = Math.max(keyRange[1], valueRange?.[1] ?? keyRange[1]);
        out.push({
          name: key,
          detail: sectionDetail(childPath, value),
          kind: kindOf(childPath, value),
          range: span(keyRange[0], end),
          selectionRange: span(keyRange[0], keyRange[1]),
          children: children(pair.value, childPath, depth + 1),
        });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        const range = nodeRange(item);
        if (!range) return;
        const childPath = [...path, index];
        const value = dataOf(item);
        const { name, detail } = itemName(childPath, value);
        const whole = span(range[0], range[1]);
        out.push({
          name,
          detail: detail || undefined,
          kind: asData(value) || Array.isArray(value) ? "item" : "field",
          range: whole,
          selectionRange:
            whole.start.line === whole.end.line
              ? whole
              : {
                  start: whole.start,
                  end: { line: whole.start.line, character: parsed.lines.lineText(whole.start.line).length },
                },
          children: isMap(item) && !item.flow ? children(item, childPath, depth + 1) : undefined,
        });
      });
    } else return undefined;
    return out.length ? out : undefined;
  };
  return children(parsed.doc?.contents, [], 0) ?? [];
}
