import {
  at,
  daysBetween,
  isRecord,
  list,
  normalizeText,
  percentText,
  record,
  text,
  type CharterFacts,
  type Data,
} from "../facts";
import { PHASE_KEYS } from "../render/format";
import type { GateChange, GateMeasure, PhaseChange } from "./diff-types";

/**
 * Phase changes (added, removed, dates moved, length, outcome) and go/no-go bar changes.
 * Lengths and bars are the facts' words, so the diff says what the rules and the preview say.
 */

interface Version {
  data: Data;
  facts: CharterFacts;
}

function lengthChange(phase: (typeof PHASE_KEYS)[number], base: Version, head: Version): PhaseChange | undefined {
  const from = base.facts.phases[phase].duration;
  const to = head.facts.phases[phase].duration;
  if (from?.description === to?.description) return undefined;
  const change: PhaseChange = { phase, change: "length", from: from?.description, to: to?.description };
  if (to && to.window.verdict !== "within") {
    change.outside = { verdict: to.window.verdict, min: to.window.min, max: to.window.max, unit: to.unit };
  }
  return change;
}

export function phaseChanges(base: Version, head: Version): PhaseChange[] {
  const changes: PhaseChange[] = [];
  for (const phase of PHASE_KEYS) {
    const before = at(base.data, ["phases", phase]);
    const after = at(head.data, ["phases", phase]);
    if (!isRecord(before) && !isRecord(after)) continue;
    if (!isRecord(before) || !isRecord(after)) {
      const which = record(isRecord(after) ? after : before);
      const change = isRecord(after) ? "added" : "removed";
      changes.push({ phase, change, start: text(which.start), end: text(which.end) });
      continue;
    }
    for (const field of ["start", "end"] as const) {
      const from = text(before[field]);
      const to = text(after[field]);
      if (from === to) continue;
      const change: PhaseChange = { phase, change: "moved", field, from, to };
      const a = base.facts.phases[phase][field];
      const b = head.facts.phases[phase][field];
      if (a !== undefined && b !== undefined) change.days = daysBetween(a, b);
      changes.push(change);
    }
    const length = lengthChange(phase, base, head);
    if (length) changes.push(length);
    if (phase !== "run") {
      const from = text(before.outcome) ?? "pending";
      const to = text(after.outcome) ?? "pending";
      if (from !== to) changes.push({ phase, change: "outcome", from, to });
    }
  }
  return changes;
}

interface Criterion {
  entry: Data;
  metric: string;
  /** The bars as percentages (from the facts) and the bar in words. */
  improvement?: number;
  adoption?: number;
  bar: string;
}

function criteria(version: Version, phase: "crawl" | "walk"): Criterion[] {
  const entries = list(at(version.data, ["phases", phase, "goNoGo"])).map(record);
  return version.facts.phases[phase].criteria.map((fact, i) => ({
    entry: entries[i] ?? {},
    metric: fact.metric ?? "(unnamed criterion)",
    improvement: fact.improvement,
    adoption: fact.adoption,
    bar: fact.bar,
  }));
}

type BarChange = "lowered" | "raised" | "changed" | "bar-added" | "bar-removed";

function direction(from: number | undefined, to: number | undefined): BarChange {
  if (from === undefined || to === undefined || from === to) return "changed";
  return to < from ? "lowered" : "raised";
}

function measureChanges(phase: "crawl" | "walk", old: Criterion, now: Criterion): GateChange[] {
  const changes: GateChange[] = [];
  for (const measure of ["improvement", "adoption", "target"] as const satisfies readonly GateMeasure[]) {
    const from = measure === "target" ? text(old.entry.target) : percentText(old.entry[measure]);
    const to = measure === "target" ? text(now.entry.target) : percentText(now.entry[measure]);
    if (from === to) continue;
    const change: BarChange =
      from === undefined
        ? "bar-added"
        : to === undefined
          ? "bar-removed"
          : measure === "target"
            ? "changed"
            : direction(old[measure], now[measure]);
    changes.push({ phase, metric: now.metric, change, measure, from, to });
  }
  return changes;
}

export function gateChanges(base: Version, head: Version): GateChange[] {
  const changes: GateChange[] = [];
  for (const phase of ["crawl", "walk"] as const) {
    const remaining = criteria(head, phase);
    for (const old of criteria(base, phase)) {
      const index = remaining.findIndex((entry) => normalizeText(entry.metric) === normalizeText(old.metric));
      if (index < 0) {
        changes.push({ phase, metric: old.metric, change: "criterion-removed", bar: old.bar });
        continue;
      }
      changes.push(...measureChanges(phase, old, remaining.splice(index, 1)[0]!));
    }
    for (const added of remaining) {
      changes.push({ phase, metric: added.metric, change: "criterion-added", bar: added.bar });
    }
  }
  return changes;
}
