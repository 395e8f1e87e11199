import { charterDigest } from "../digest";
import { percentValue, type Charter, type Percent } from "../model/charter";
import {
  dayNumber,
  formatNumber,
  isRecord,
  leverageRank,
  list,
  PHASE_KEYS,
  text,
  TIER_ORDER,
  type PhaseKey,
} from "../render/format";
import type { Finding, Severity } from "../types";

/**
 * The semantic diff of two versions of a charter: what a reviewer must see in a pull request,
 * in the charter's own terms (commitments, tier, leverage, phase dates, go/no-go bars, exit
 * criteria, signatures, findings) instead of YAML lines. It reports; it never judges.
 */

export interface DiffSide {
  /** How the user named this version (a path or `git:REV:PATH`). */
  label: string;
  /** The charter data; undefined when the file could not be read as a charter. */
  charter: Charter | undefined;
  findings: readonly Finding[];
}

export interface AmountValue {
  value: number;
  unit: string;
}

export interface CommitmentState {
  type: string;
  detail?: string;
  amount?: AmountValue;
}

export interface CommitmentChange {
  side: "us" | "partner";
  change: "added" | "removed" | "changed";
  from?: CommitmentState;
  to?: CommitmentState;
  /** For a changed amount in the same unit: head minus base. */
  amountDelta?: number;
}

export interface ValueChange<T = string> {
  from?: T;
  to?: T;
}

export interface FieldChange extends ValueChange {
  field: "title" | "status" | "partner";
}

export interface RiskChange extends ValueChange {
  side: "us" | "partner";
}

export type PhaseChange =
  | { phase: PhaseKey; change: "added" | "removed"; start?: string; end?: string }
  | { phase: PhaseKey; change: "moved"; field: "start" | "end"; from?: string; to?: string; days?: number }
  | { phase: PhaseKey; change: "outcome"; from?: string; to?: string };

export type GateMeasure = "improvement" | "adoption" | "target";

export type GateChange =
  | { phase: PhaseKey; metric: string; change: "criterion-added" | "criterion-removed"; bar: string }
  | {
      phase: PhaseKey;
      metric: string;
      change: "lowered" | "raised" | "changed" | "bar-added" | "bar-removed";
      measure: GateMeasure;
      from?: string;
      to?: string;
    };

export interface SignatureRef {
  party: string;
  name: string;
  date?: string;
}

export interface FindingRef {
  rule: string;
  severity: Severity;
  message: string;
  /** 1-based line in the version the finding belongs to (HEAD for introduced, BASE for fixed). */
  line: number;
}

export interface CharterDiff {
  version: 1;
  base: { label: string; readable: boolean; digest?: string };
  head: { label: string; readable: boolean; digest?: string };
  fields: FieldChange[];
  tier?: ValueChange & { direction: "up" | "down" | "changed" };
  leverage?: ValueChange & { direction: "stronger" | "weaker" | "changed" };
  commitments: CommitmentChange[];
  risk: RiskChange[];
  balanced?: ValueChange<boolean>;
  phases: PhaseChange[];
  goNoGo: GateChange[];
  exitCriteria: { added: string[]; removed: string[] };
  signatures: {
    /** Signed BASE exactly, and no longer match HEAD: the change voids them. */
    invalidated: SignatureRef[];
    added: SignatureRef[];
    removed: SignatureRef[];
  };
  findings: { introduced: FindingRef[]; fixed: FindingRef[] };
  /** Other changed places (dotted paths), for changes none of the sections above covers. */
  other: string[];
}

type Data = Record<string, unknown>;

function record(value: unknown): Data {
  return isRecord(value) ? value : {};
}

function at(data: unknown, path: readonly string[]): unknown {
  let node: unknown = data;
  for (const key of path) node = isRecord(node) ? node[key] : undefined;
  return node;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function normalize(value: string): string {
  return value.trim().replace(/\s+/g, " ").toLowerCase();
}

// ─── commitments ─────────────────────────────────────────────────────────────

function commitmentState(item: unknown): CommitmentState {
  const entry = record(item);
  const amount = record(entry.amount);
  const state: CommitmentState = { type: text(entry.type) ?? "commitment" };
  const detail = text(entry.detail);
  if (detail !== undefined) state.detail = detail;
  if (typeof amount.value === "number" && Number.isFinite(amount.value)) {
    state.amount = { value: amount.value, unit: typeof amount.unit === "string" ? amount.unit.trim() : "" };
  }
  return state;
}

function diffCommitmentSide(side: "us" | "partner", base: unknown, head: unknown): CommitmentChange[] {
  const before = list(base).map(commitmentState);
  const after = list(head).map(commitmentState);
  const pairs: [CommitmentState, CommitmentState][] = [];
  const take = (matches: (a: CommitmentState, b: CommitmentState) => boolean): void => {
    for (let i = 0; i < before.length; i++) {
      const j = after.findIndex((candidate) => matches(before[i]!, candidate));
      if (j < 0) continue;
      pairs.push([before[i]!, after[j]!]);
      before.splice(i--, 1);
      after.splice(j, 1);
    }
  };
  const detailKey = (state: CommitmentState): string => `${state.type}\u0000${normalize(state.detail ?? "")}`;
  take((a, b) => same(a, b));
  take((a, b) => detailKey(a) === detailKey(b));
  // Same type, edited detail: pair them when the counts leave no doubt which is which.
  for (const type of new Set(before.map((state) => state.type))) {
    const left = before.filter((state) => state.type === type);
    const right = after.filter((state) => state.type === type);
    if (left.length !== right.length) continue;
    left.forEach((state, i) => pairs.push([state, right[i]!]));
    for (const state of left) before.splice(before.indexOf(state), 1);
    for (const state of right) after.splice(after.indexOf(state), 1);
  }
  const changes: CommitmentChange[] = [];
  for (const [from, to] of pairs) {
    if (same(from, to)) continue;
    const change: CommitmentChange = { side, change: "changed", from, to };
    if (from.amount && to.amount && from.amount.unit === to.amount.unit) {
      change.amountDelta = to.amount.value - from.amount.value;
    }
    changes.push(change);
  }
  for (const from of before) changes.push({ side, change: "removed", from });
  for (const to of after) changes.push({ side, change: "added", to });
  return changes;
}

// ─── phases and go/no-go ─────────────────────────────────────────────────────

function phaseChanges(base: Data, head: Data): PhaseChange[] {
  const changes: PhaseChange[] = [];
  for (const phase of PHASE_KEYS) {
    const before = at(base, ["phases", phase]);
    const after = at(head, ["phases", phase]);
    if (!isRecord(before) && !isRecord(after)) continue;
    if (!isRecord(before) || !isRecord(after)) {
      const which = record(isRecord(after) ? after : before);
      changes.push({
        phase,
        change: isRecord(after) ? "added" : "removed",
        start: text(which.start),
        end: text(which.end),
      });
      continue;
    }
    for (const field of ["start", "end"] as const) {
      const from = text(before[field]);
      const to = text(after[field]);
      if (from === to) continue;
      const a = dayNumber(from);
      const b = dayNumber(to);
      const change: PhaseChange = { phase, change: "moved", field, from, to };
      if (a !== undefined && b !== undefined) change.days = b - a;
      changes.push(change);
    }
    if (phase !== "run") {
      const from = text(before.outcome) ?? "pending";
      const to = text(after.outcome) ?? "pending";
      if (from !== to) changes.push({ phase, change: "outcome", from, to });
    }
  }
  return changes;
}

function percentText(value: unknown): string | undefined {
  const number = percentValue(value as Percent | undefined);
  return number !== undefined ? `${formatNumber(number)}%` : text(value);
}

export function criterionBar(item: unknown): string {
  const entry = record(item);
  const parts: string[] = [];
  if (entry.improvement !== undefined) parts.push(`improvement ${percentText(entry.improvement)}`);
  if (entry.adoption !== undefined) parts.push(`adoption ${percentText(entry.adoption)}`);
  if (text(entry.target)) parts.push(`target “${text(entry.target)}”`);
  return parts.length ? parts.join(", ") : "no bar";
}

function gateChanges(base: Data, head: Data): GateChange[] {
  const changes: GateChange[] = [];
  for (const phase of ["crawl", "walk"] as const) {
    const before = list(at(base, ["phases", phase, "goNoGo"])).map(record);
    const after = list(at(head, ["phases", phase, "goNoGo"])).map(record);
    const metricOf = (entry: Data): string => text(entry.metric) ?? "(unnamed criterion)";
    const remaining = [...after];
    for (const old of before) {
      const index = remaining.findIndex((entry) => normalize(metricOf(entry)) === normalize(metricOf(old)));
      if (index < 0) {
        changes.push({ phase, metric: metricOf(old), change: "criterion-removed", bar: criterionBar(old) });
        continue;
      }
      const now = remaining.splice(index, 1)[0]!;
      for (const measure of ["improvement", "adoption"] as const) {
        const a = percentValue(old[measure] as Percent | undefined);
        const b = percentValue(now[measure] as Percent | undefined);
        const from = old[measure] === undefined ? undefined : percentText(old[measure]);
        const to = now[measure] === undefined ? undefined : percentText(now[measure]);
        if (from === to) continue;
        const change =
          from === undefined
            ? "bar-added"
            : to === undefined
              ? "bar-removed"
              : a !== undefined && b !== undefined
                ? b < a
                  ? "lowered"
                  : b > a
                    ? "raised"
                    : "changed"
                : "changed";
        changes.push({ phase, metric: metricOf(now), change, measure, from, to });
      }
      const from = text(old.target);
      const to = text(now.target);
      if (from !== to) {
        const change = from === undefined ? "bar-added" : to === undefined ? "bar-removed" : "changed";
        changes.push({ phase, metric: metricOf(now), change, measure: "target", from, to });
      }
    }
    for (const added of remaining) {
      changes.push({ phase, metric: metricOf(added), change: "criterion-added", bar: criterionBar(added) });
    }
  }
  return changes;
}

// ─── the rest ────────────────────────────────────────────────────────────────

function multisetMinus<T>(items: readonly T[], minus: readonly T[], key: (item: T) => string): T[] {
  const counts = new Map<string, number>();
  for (const item of minus) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return items.filter((item) => {
    const n = counts.get(key(item)) ?? 0;
    if (n > 0) {
      counts.set(key(item), n - 1);
      return false;
    }
    return true;
  });
}

function signatureRefs(data: Data): (SignatureRef & { digest?: string })[] {
  return list(data.signatures).map((item) => {
    const entry = record(item);
    return {
      party: text(entry.party) ?? "?",
      name: text(entry.name) ?? "(no name)",
      date: text(entry.date),
      digest: text(entry.digest),
    };
  });
}

function findingRefs(findings: readonly Finding[]): FindingRef[] {
  return findings.map((finding) => ({
    rule: finding.rule,
    severity: finding.severity,
    message: finding.message,
    line: finding.range.start.line + 1,
  }));
}

/** Paths the sections above already explain (or that carry no meaning of their own). */
const COVERED: readonly (readonly string[])[] = [
  ["title"],
  ["status"],
  ["updated"],
  ["partner", "name"],
  ["tier"],
  ["leverage", "type"],
  ["commitments", "us"],
  ["commitments", "partner"],
  ["commitments", "ifItFails"],
  ["commitments", "balanced"],
  ["governance", "exitCriteria"],
  ["signatures"],
  ...PHASE_KEYS.flatMap((phase) => [
    ["phases", phase, "start"],
    ["phases", phase, "end"],
    ["phases", phase, "goNoGo"],
    ["phases", phase, "outcome"],
  ]),
];

function covered(path: readonly string[]): boolean {
  return COVERED.some((prefix) => prefix.length <= path.length && prefix.every((key, i) => key === path[i]));
}

function otherChanges(base: unknown, head: unknown, phases: PhaseChange[]): string[] {
  const found: string[] = [];
  const skipPhase = new Set(phases.filter((c) => c.change === "added" || c.change === "removed").map((c) => c.phase));
  const group = (path: string[]): string => path.slice(0, path[0] === "phases" ? 3 : 2).join(".");
  const walk = (a: unknown, b: unknown, path: string[]): void => {
    if (same(a, b) || covered(path)) return;
    if (path[0] === "phases" && path.length >= 2 && skipPhase.has(path[1] as PhaseKey)) return;
    if (isRecord(a) && isRecord(b)) {
      for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) walk(a[key], b[key], [...path, key]);
      return;
    }
    const label = group(path);
    if (label && !found.includes(label)) found.push(label);
  };
  walk(base, head, []);
  return found;
}

export function diffCharters(base: DiffSide, head: DiffSide): CharterDiff {
  const a = record(base.charter);
  const b = record(head.charter);
  const baseDigest = base.charter !== undefined ? charterDigest(base.charter) : undefined;
  const headDigest = head.charter !== undefined ? charterDigest(head.charter) : undefined;
  const diff: CharterDiff = {
    version: 1,
    base: { label: base.label, readable: base.charter !== undefined, digest: baseDigest },
    head: { label: head.label, readable: head.charter !== undefined, digest: headDigest },
    fields: [],
    commitments: [],
    risk: [],
    phases: [],
    goNoGo: [],
    exitCriteria: { added: [], removed: [] },
    signatures: { invalidated: [], added: [], removed: [] },
    findings: { introduced: [], fixed: [] },
    other: [],
  };
  const baseFindings = findingRefs(base.findings);
  const headFindings = findingRefs(head.findings);
  const findingKey = (finding: FindingRef): string => `${finding.rule}\u0000${finding.message}`;
  diff.findings.introduced = multisetMinus(headFindings, baseFindings, findingKey);
  diff.findings.fixed = multisetMinus(baseFindings, headFindings, findingKey);
  if (base.charter === undefined || head.charter === undefined) return diff;

  for (const [field, path] of [
    ["title", ["title"]],
    ["status", ["status"]],
    ["partner", ["partner", "name"]],
  ] as const) {
    const from = text(at(a, path));
    const to = text(at(b, path));
    if (from !== to) diff.fields.push({ field, from, to });
  }

  const tierFrom = text(a.tier);
  const tierTo = text(b.tier);
  if (tierFrom !== tierTo) {
    const i = TIER_ORDER.indexOf(tierFrom as never);
    const j = TIER_ORDER.indexOf(tierTo as never);
    diff.tier = { from: tierFrom, to: tierTo, direction: i >= 0 && j >= 0 ? (j > i ? "up" : "down") : "changed" };
  }

  const leverageFrom = text(at(a, ["leverage", "type"]));
  const leverageTo = text(at(b, ["leverage", "type"]));
  if (leverageFrom !== leverageTo) {
    const i = leverageRank(leverageFrom);
    const j = leverageRank(leverageTo);
    diff.leverage = {
      from: leverageFrom,
      to: leverageTo,
      direction: i !== undefined && j !== undefined ? (j < i ? "stronger" : "weaker") : "changed",
    };
  }

  for (const side of ["us", "partner"] as const) {
    diff.commitments.push(...diffCommitmentSide(side, at(a, ["commitments", side]), at(b, ["commitments", side])));
  }
  for (const side of ["us", "partner"] as const) {
    const from = text(at(a, ["commitments", "ifItFails", side]));
    const to = text(at(b, ["commitments", "ifItFails", side]));
    if (from !== to) diff.risk.push({ side, from, to });
  }
  const balancedFrom = at(a, ["commitments", "balanced"]);
  const balancedTo = at(b, ["commitments", "balanced"]);
  if (balancedFrom !== balancedTo) {
    diff.balanced = {
      from: typeof balancedFrom === "boolean" ? balancedFrom : undefined,
      to: typeof balancedTo === "boolean" ? balancedTo : undefined,
    };
  }

  diff.phases = phaseChanges(a, b);
  diff.goNoGo = gateChanges(a, b);

  const exitBefore = list(at(a, ["governance", "exitCriteria"]))
    .map(text)
    .filter((x): x is string => !!x);
  const exitAfter = list(at(b, ["governance", "exitCriteria"]))
    .map(text)
    .filter((x): x is string => !!x);
  diff.exitCriteria.removed = multisetMinus(exitBefore, exitAfter, normalize);
  diff.exitCriteria.added = multisetMinus(exitAfter, exitBefore, normalize);

  const sigBefore = signatureRefs(a);
  const sigAfter = signatureRefs(b);
  const who = (ref: SignatureRef): string => `${ref.party}\u0000${normalize(ref.name)}`;
  const plain = ({ party, name, date }: SignatureRef & { digest?: string }): SignatureRef =>
    date === undefined ? { party, name } : { party, name, date };
  if (baseDigest !== headDigest) {
    diff.signatures.invalidated = sigAfter.filter((ref) => ref.digest === baseDigest).map(plain);
  }
  diff.signatures.added = multisetMinus(sigAfter, sigBefore, who).map(plain);
  diff.signatures.removed = multisetMinus(sigBefore, sigAfter, who).map(plain);

  diff.other = otherChanges(a, b, diff.phases);
  return diff;
}

/** True when the diff has nothing a reviewer needs to see. */
export function diffIsEmpty(diff: CharterDiff): boolean {
  return (
    diff.base.readable === diff.head.readable &&
    diff.fields.length === 0 &&
    !diff.tier &&
    !diff.leverage &&
    diff.commitments.length === 0 &&
    diff.risk.length === 0 &&
    !diff.balanced &&
    diff.phases.length === 0 &&
    diff.goNoGo.length === 0 &&
    diff.exitCriteria.added.length === 0 &&
    diff.exitCriteria.removed.length === 0 &&
    diff.signatures.invalidated.length === 0 &&
    diff.signatures.added.length === 0 &&
    diff.signatures.removed.length === 0 &&
    diff.findings.introduced.length === 0 &&
    diff.findings.fixed.length === 0 &&
    diff.other.length === 0
  );
}
