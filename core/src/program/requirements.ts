import { isRecord, list } from "../facts/read";
import { normalizeUnit } from "../facts/units";
import { formatNumber } from "../text/numbers";
import { listPhrase, plural, quote } from "../text/words";
import type { Anchor, NodePath } from "../types";
import type { ProgramTier, TierRequirements } from "./program";

/**
 * What a program's tier requires of a charter (FORMAT.md "Program files", `requires`), decided
 * once: the rule `tier-requirements` reports each unmet requirement, `init` writes a skeleton
 * that meets them, and the program diff names the charters a change would break. Data only:
 * a fixed set of typed requirement kinds, never an expression.
 */

export type RequirementKind = keyof TierRequirements;

export interface UnmetRequirement {
  kind: RequirementKind;
  /** What is required: the field's path, or the commitment type. */
  subject?: string;
  /** Leads with the tier's own name: "Premier requires …". */
  message: string;
  /** The offending value, else where it belongs (the engine resolves the nearest existing node). */
  at: NodePath;
  anchor: Anchor;
}

const SIDES = ["us", "partner"] as const;

function sideWords(side: "us" | "partner"): string {
  return side === "us" ? "from us" : "from the partner";
}

/** True when a value counts as filled: non-blank text, a number or true/false, a non-empty list or section. */
export function isFilled(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === "string") return value.trim() !== "";
  if (Array.isArray(value)) return value.length > 0;
  if (isRecord(value)) return Object.keys(value).length > 0;
  return true;
}

/** The first place on `path` (dot notation) that is not filled, through mappings and every item of a list. */
function firstUnfilled(data: unknown, segments: readonly string[], at: NodePath = []): NodePath | undefined {
  if (segments.length === 0) return isFilled(data) ? undefined : at;
  if (Array.isArray(data)) {
    if (data.length === 0) return at;
    for (let i = 0; i < data.length; i++) {
      const missing = firstUnfilled(data[i], segments, [...at, i]);
      if (missing) return missing;
    }
    return undefined;
  }
  const [key, ...rest] = segments;
  const child = isRecord(data) && Object.hasOwn(data, key!) ? data[key!] : undefined;
  return firstUnfilled(child, rest, [...at, key!]);
}

function percentOf(value: number): string {
  return `${formatNumber(value)}%`;
}

/**
 * Every requirement of `tier` that `charter` does not meet, one per requirement (a field, a
 * commitment type per side, the leverage, a minimum, each revenue share over the maximum).
 * `undecided` says whether a path holds a `TODO`: an open decision is `todo-placeholder`'s.
 */
export function unmetRequirements(
  charter: unknown,
  tier: ProgramTier,
  undecided: (path: NodePath) => boolean = () => false,
): UnmetRequirement[] {
  const requires = tier.requires;
  if (!requires || !isRecord(charter)) return [];
  const name = tier.name;
  const unmet: UnmetRequirement[] = [];
  for (const field of requires.fields ?? []) {
    const missing = firstUnfilled(charter, field.split("."));
    if (!missing || undecided(missing)) continue;
    unmet.push({
      kind: "fields",
      subject: field,
      message: `${name} requires ${field}: fill it in.`,
      at: missing,
      anchor: "value",
    });
  }
  const commitments = isRecord(charter.commitments) ? charter.commitments : {};
  for (const side of SIDES) {
    const made = new Set(list(commitments[side]).map((item) => (isRecord(item) ? item.type : undefined)));
    for (const type of requires.commitments?.[side] ?? []) {
      if (made.has(type)) continue;
      unmet.push({
        kind: "commitments",
        subject: type,
        message: `${name} requires a commitment of type ${type} ${sideWords(side)}: add one to commitments.${side}.`,
        at: ["commitments", side],
        anchor: "key",
      });
    }
  }
  const leverage = isRecord(charter.leverage) ? charter.leverage.type : undefined;
  if (requires.leverage && typeof leverage === "string" && !requires.leverage.includes(leverage)) {
    unmet.push({
      kind: "leverage",
      message: `${name} requires ${listPhrase(requires.leverage, "or")} leverage; this charter's is ${leverage}.`,
      at: ["leverage", "type"],
      anchor: "value",
    });
  }
  const governance = isRecord(charter.governance) ? charter.governance : {};
  const exits = list(governance.exitCriteria).length;
  if (requires.minExitCriteria !== undefined && exits < requires.minExitCriteria) {
    unmet.push({
      kind: "minExitCriteria",
      message: `${name} requires at least ${plural(requires.minExitCriteria, "exit criterion", "exit criteria")}; this charter lists ${exits}.`,
      at: ["governance", "exitCriteria"],
      anchor: "key",
    });
  }
  const measurement = isRecord(charter.measurement) ? charter.measurement : {};
  const metrics = list(measurement.metrics).length;
  if (requires.minMetrics !== undefined && metrics < requires.minMetrics) {
    unmet.push({
      kind: "minMetrics",
      message: `${name} requires at least ${plural(requires.minMetrics, "metric")}; this charter lists ${metrics}.`,
      at: ["measurement", "metrics"],
      anchor: "key",
    });
  }
  const max = requires.maxRevenueSharePercent;
  if (max !== undefined) {
    for (const side of SIDES) {
      list(commitments[side]).forEach((item, index) => {
        if (!isRecord(item) || item.type !== "revenue-share" || !isRecord(item.amount)) return;
        const { value, unit } = item.amount;
        if (typeof value !== "number" || normalizeUnit(unit).kind !== "percent" || value <= max) return;
        const what = typeof item.detail === "string" && item.detail.trim() ? ` (${quote(item.detail, 32)})` : "";
        unmet.push({
          kind: "maxRevenueSharePercent",
          message: `${name} allows a revenue share of at most ${percentOf(max)}; the one ${sideWords(side)}${what} is ${percentOf(value)}.`,
          at: ["commitments", side, index, "amount", "value"],
          anchor: "value",
        });
      });
    }
  }
  return unmet;
}
