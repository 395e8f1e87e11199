import {
  at,
  balanceWords,
  charterFacts,
  isRecord,
  list,
  localToday,
  normalizeText,
  record,
  strings,
  text,
  type CharterFacts,
  type Data,
} from "../facts";
import { leverageRank, PHASE_KEYS, TIER_ORDER, type PhaseKey } from "../render/format";
import type { Finding } from "../types";
import { diffCommitmentSide } from "./diff-commitments";
import { gateChanges, phaseChanges } from "./diff-phases";
import type { CharterDiff, DiffSide, FindingRef, PhaseChange, SignatureRef } from "./diff-types";

export * from "./diff-types";

/**
 * The semantic diff of two versions of a charter: what a reviewer must see in a pull request,
 * in the charter's own terms (commitments, tier, leverage, phase dates, go/no-go bars, exit
 * criteria, signatures, findings) instead of YAML lines. It reports; it never judges: the
 * balance, the phase lengths and the signatures' digests are the facts of each version.
 */

interface Version {
  data: Data;
  facts: CharterFacts;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function multisetMinus<T>(items: readonly T[], minus: readonly T[], key: (item: T) => string): T[] {
  const counts = new Map<string, number>();
  for (const item of minus) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return items.filter((item) => {
    const n = counts.get(key(item)) ?? 0;
    if (n > 0) counts.set(key(item), n - 1);
    return n === 0;
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

function findingChanges(base: DiffSide, head: DiffSide): CharterDiff["findings"] {
  const before = findingRefs(base.findings);
  const after = findingRefs(head.findings);
  const key = (finding: FindingRef): string => `${finding.rule}\u0000${finding.message}`;
  return { introduced: multisetMinus(after, before, key), fixed: multisetMinus(before, after, key) };
}

function fieldChanges(a: Data, b: Data): Pick<CharterDiff, "fields" | "tier" | "leverage"> {
  const out: Pick<CharterDiff, "fields" | "tier" | "leverage"> = { fields: [] };
  const fields = [
    ["title", ["title"]],
    ["status", ["status"]],
    ["partner", ["partner", "name"]],
  ] as const;
  for (const [field, path] of fields) {
    const from = text(at(a, path));
    const to = text(at(b, path));
    if (from !== to) out.fields.push({ field, from, to });
  }
  const tierFrom = text(a.tier);
  const tierTo = text(b.tier);
  if (tierFrom !== tierTo) {
    const i = TIER_ORDER.indexOf(tierFrom as never);
    const j = TIER_ORDER.indexOf(tierTo as never);
    out.tier = { from: tierFrom, to: tierTo, direction: i >= 0 && j >= 0 ? (j > i ? "up" : "down") : "changed" };
  }
  const leverageFrom = text(at(a, ["leverage", "type"]));
  const leverageTo = text(at(b, ["leverage", "type"]));
  if (leverageFrom !== leverageTo) {
    const i = leverageRank(leverageFrom);
    const j = leverageRank(leverageTo);
    const direction = i !== undefined && j !== undefined ? (j < i ? "stronger" : "weaker") : "changed";
    out.leverage = { from: leverageFrom, to: leverageTo, direction };
  }
  return out;
}

function exchangeChanges(
  base: Version,
  head: Version,
): Pick<CharterDiff, "commitments" | "risk" | "balanced" | "balance"> {
  const out: Pick<CharterDiff, "commitments" | "risk" | "balanced" | "balance"> = { commitments: [], risk: [] };
  for (const side of ["us", "partner"] as const) {
    const from = at(base.data, ["commitments", side]);
    out.commitments.push(...diffCommitmentSide(side, from, at(head.data, ["commitments", side])));
  }
  for (const side of ["us", "partner"] as const) {
    const from = base.facts.exchange[side].loses;
    const to = head.facts.exchange[side].loses;
    if (from !== to) out.risk.push({ side, from, to });
  }
  const balancedFrom = at(base.data, ["commitments", "balanced"]);
  const balancedTo = at(head.data, ["commitments", "balanced"]);
  if (balancedFrom !== balancedTo)
    out.balanced = { from: base.facts.exchange.balanced, to: head.facts.exchange.balanced };
  const balanceFrom = balanceWords(base.facts.exchange);
  const balanceTo = balanceWords(head.facts.exchange);
  if (balanceFrom !== balanceTo) out.balance = { from: balanceFrom, to: balanceTo };
  return out;
}

function exitCriteriaChanges(a: Data, b: Data): CharterDiff["exitCriteria"] {
  const before = strings(at(a, ["governance", "exitCriteria"]));
  const after = strings(at(b, ["governance", "exitCriteria"]));
  return { added: multisetMinus(after, before, normalizeText), removed: multisetMinus(before, after, normalizeText) };
}

function signatureChanges(base: Version, head: Version): CharterDiff["signatures"] {
  const refs = (data: Data): (SignatureRef & { digest?: string })[] =>
    list(data.signatures).map((item) => {
      const entry = record(item);
      const name = text(entry.name) ?? "(no name)";
      return { party: text(entry.party) ?? "?", name, date: text(entry.date), digest: text(entry.digest) };
    });
  const before = refs(base.data);
  const after = refs(head.data);
  const who = (ref: SignatureRef): string => `${ref.party}\u0000${normalizeText(ref.name)}`;
  const plain = ({ party, name, date }: SignatureRef & { digest?: string }): SignatureRef =>
    date === undefined ? { party, name } : { party, name, date };
  // Signed BASE exactly and kept in HEAD: the change voids them.
  const invalidated =
    base.facts.digest === head.facts.digest ? [] : after.filter((ref) => ref.digest === base.facts.digest);
  return {
    invalidated: invalidated.map(plain),
    added: multisetMinus(after, before, who).map(plain),
    removed: multisetMinus(before, after, who).map(plain),
  };
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

/** The facts of a side: those of its check, or (for a caller that has none) worked out now. */
function factsOf(side: DiffSide): CharterFacts {
  return side.facts ?? charterFacts(side.charter, { today: localToday() });
}

function emptyDiff(base: DiffSide, head: DiffSide): CharterDiff {
  const digest = (side: DiffSide): string | undefined =>
    side.charter !== undefined ? factsOf(side).digest : undefined;
  return {
    version: 1,
    base: {
      label: base.label,
      readable: base.charter !== undefined,
      digest: digest(base),
      ...(base.missing ? { missing: true as const } : {}),
    },
    head: { label: head.label, readable: head.charter !== undefined, digest: digest(head) },
    fields: [],
    commitments: [],
    risk: [],
    phases: [],
    goNoGo: [],
    exitCriteria: { added: [], removed: [] },
    signatures: { invalidated: [], added: [], removed: [] },
    findings: findingChanges(base, head),
    other: [],
  };
}

export function diffCharters(base: DiffSide, head: DiffSide): CharterDiff {
  const diff = emptyDiff(base, head);
  if ((base.charter === undefined && !base.missing) || head.charter === undefined) return diff;
  // A new charter is compared with nothing: every commitment, phase and criterion is added.
  const a: Version = { data: record(base.charter), facts: factsOf(base) };
  const b: Version = { data: record(head.charter), facts: factsOf(head) };
  Object.assign(diff, fieldChanges(a.data, b.data), exchangeChanges(a, b));
  diff.phases = phaseChanges(a, b);
  diff.goNoGo = gateChanges(a, b);
  diff.exitCriteria = exitCriteriaChanges(a.data, b.data);
  diff.signatures = signatureChanges(a, b);
  // For a new charter every other key is new too: listing them all would say nothing.
  diff.other = base.missing ? [] : otherChanges(a.data, b.data, diff.phases);
  return diff;
}

/** True when the diff has nothing a reviewer needs to see. */
export function diffIsEmpty(diff: CharterDiff): boolean {
  const lists = [
    diff.fields,
    diff.commitments,
    diff.risk,
    diff.phases,
    diff.goNoGo,
    diff.exitCriteria.added,
    diff.exitCriteria.removed,
    diff.signatures.invalidated,
    diff.signatures.added,
    diff.signatures.removed,
    diff.findings.introduced,
    diff.findings.fixed,
    diff.other,
  ];
  return (
    !diff.base.missing &&
    diff.base.readable === diff.head.readable &&
    !diff.tier &&
    !diff.leverage &&
    !diff.balanced &&
    !diff.balance &&
    lists.every((items) => items.length === 0)
  );
}
