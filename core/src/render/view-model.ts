import { countSeverities, type SeverityCounts } from "../health";
import { ECONOMIC_COMMITMENT_TYPES, percentValue, type CommitmentType, type Percent } from "../model/charter";
import type { CharterView } from "../model/charter-view";
import { ruleDocUrl } from "../rules";
import type { Severity } from "../types";
import {
  benefitLabel,
  commitmentLabel,
  dayNumber,
  formatAmount,
  formatNumber,
  isRecord,
  LEVERAGE_SCALE,
  list,
  PHASE_KEYS,
  PHASE_LABELS,
  SIDE_LABELS,
  text,
  tierLabel,
  type PhaseKey,
} from "./format";

/**
 * What the page shows, decided once for both renderers (HTML and Markdown): the charter read
 * defensively (a section may be missing or the wrong shape while the author types), with
 * labels, formatted amounts and the timeline's geometry. Nothing here judges the charter:
 * verdicts come from the findings.
 */

export interface ValueColumn {
  side: "us" | "partner" | "customers";
  label: string;
  items: { benefit: string; detail?: string }[];
  goal?: string;
}

export interface CommitmentLine {
  type: string;
  label: string;
  economic: boolean;
  detail?: string;
  amount?: string;
}

export interface ExchangeSide {
  side: "us" | "partner";
  label: string;
  gives: CommitmentLine[];
  loses?: string;
  economicCount: number;
  totals: string[];
}

export interface Exchange {
  stated: boolean;
  sides: [ExchangeSide, ExchangeSide];
  /** Same-unit totals of both sides, e.g. "USD: us 100,000 · partner 300,000 (1 : 3)". */
  comparisons: string[];
  /** The authors' answer to "would both sides still do this if the other walked?". */
  balanced?: boolean;
  balanceLine: string;
}

export interface LeverageView {
  type?: string;
  evidence?: string;
  ifWeWalkAway?: string;
  scale: { type: string; label: string; note: string; selected: boolean }[];
}

export interface CriterionView {
  metric: string;
  bar: string;
}

export interface PhaseView {
  key: PhaseKey;
  label: string;
  present: boolean;
  start?: string;
  end?: string;
  weeks?: string;
  customers?: string;
  integration?: string;
  deliverables: string[];
  criteria: CriterionView[];
  /** crawl and walk only: `pending` when not stated. */
  outcome?: string;
  decidedOn?: string;
  reviewCadence?: string;
  roiValidated?: boolean;
  /** Position on the timeline in percent of its width, when the start date is known. */
  bar?: { left: number; width: number; open: boolean };
}

export interface TimelineView {
  phases: PhaseView[];
  /** First and last date the timeline shows, when any phase has dates. */
  from?: string;
  to?: string;
  /** Where today falls, in percent of the width (0–100), when the timeline has dates. */
  todayAt?: number;
  today: string;
}

export interface SignatureView {
  party: string;
  name?: string;
  title?: string;
  date?: string;
  digest?: string;
  /** `current`: the signed text is unchanged; `outdated`: it changed since; `none`: no digest. */
  state: "current" | "outdated" | "none";
}

export interface FindingView {
  severity: Severity;
  rule: string;
  message: string;
  /** 0-based, as in the findings (the editor's convention). */
  line: number;
  character: number;
  docUrl: string;
}

export interface RenderModel {
  readable: boolean;
  fileName: string;
  title: string;
  partner?: string;
  website?: string;
  tier?: string;
  status?: string;
  owner?: string;
  updated?: string;
  id?: string;
  health: number;
  counts: SeverityCounts;
  suppressed: number;
  today: string;
  value: ValueColumn[];
  exchange: Exchange;
  leverage: LeverageView;
  timeline: TimelineView;
  measurement: {
    metrics: { name: string; target?: string; source?: string }[];
    reviewCadence?: string;
    dashboard?: string;
  };
  governance: {
    owners: { us?: string; partner?: string };
    sponsors: { us?: string; partner?: string };
    partnerManager?: string;
    syncCadence?: string;
    escalation: string[];
    exitCriteria: string[];
  };
  signatures: SignatureView[];
  launch?: { date?: string; done: number; total: number; open: string[] };
  findings: FindingView[];
}

export const NOT_STATED = "not stated";

function record(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

function strings(value: unknown): string[] {
  return list(value)
    .map(text)
    .filter((item): item is string => item !== undefined);
}

function valueColumns(data: Record<string, unknown>): ValueColumn[] {
  const value = record(data.valueProposition);
  const goals = record(data.goals);
  return (["us", "partner", "customers"] as const).map((side) => ({
    side,
    label: SIDE_LABELS[side],
    items: list(value[side]).map((item) => {
      const entry = record(item);
      return { benefit: benefitLabel(entry.benefit), detail: text(entry.detail) };
    }),
    goal: text(goals[side]),
  }));
}

function exchange(data: Record<string, unknown>): Exchange {
  const commitments = record(data.commitments);
  const ifItFails = record(commitments.ifItFails);
  const totalsBySide: Record<"us" | "partner", Map<string, number>> = { us: new Map(), partner: new Map() };
  const sides = (["us", "partner"] as const).map((side): ExchangeSide => {
    const gives = list(commitments[side]).map((item): CommitmentLine => {
      const entry = record(item);
      const type = text(entry.type) ?? "";
      const amount = record(entry.amount);
      if (typeof amount.value === "number" && Number.isFinite(amount.value)) {
        const unit = typeof amount.unit === "string" ? amount.unit.trim() : "";
        totalsBySide[side].set(unit, (totalsBySide[side].get(unit) ?? 0) + amount.value);
      }
      return {
        type,
        label: commitmentLabel(entry.type),
        economic: ECONOMIC_COMMITMENT_TYPES.includes(type as CommitmentType),
        detail: text(entry.detail),
        amount: formatAmount(entry.amount),
      };
    });
    return {
      side,
      label: SIDE_LABELS[side],
      gives,
      loses: text(ifItFails[side]),
      economicCount: gives.filter((line) => line.economic).length,
      totals: [...totalsBySide[side]].map(([unit, value]) => formatAmount({ value, unit })!),
    };
  }) as [ExchangeSide, ExchangeSide];
  const comparisons: string[] = [];
  for (const [unit, us] of totalsBySide.us) {
    const partner = totalsBySide.partner.get(unit);
    if (partner === undefined) continue;
    const label = unit === "" ? "Amounts" : unit;
    let ratio = "";
    if (us > 0 && partner > 0) {
      ratio = us >= partner ? ` (${formatNumber(us / partner)} : 1)` : ` (1 : ${formatNumber(partner / us)})`;
    }
    comparisons.push(
      `${label}: us ${formatAmount({ value: us, unit })} · partner ${formatAmount({ value: partner, unit })}${ratio}`,
    );
  }
  const balanced = typeof commitments.balanced === "boolean" ? commitments.balanced : undefined;
  const [us, partner] = sides;
  const skin = (side: ExchangeSide): string =>
    side.economicCount === 0
      ? `${side.label === "Us" ? "we make" : "the partner makes"} no economic commitment`
      : `${side.label === "Us" ? "we make" : "the partner makes"} ${side.economicCount} economic commitment${side.economicCount === 1 ? "" : "s"}${side.totals.length ? ` (${side.totals.join(", ")})` : ""}`;
  const answer =
    balanced === undefined
      ? "the authors have not said whether it is balanced"
      : balanced
        ? "the authors say both sides would still do this if the other walked"
        : "the authors say it is not balanced";
  return {
    stated: isRecord(data.commitments),
    sides,
    comparisons,
    balanced,
    balanceLine: `${capitalize(skin(us))}; ${skin(partner)}; ${answer}.`,
  };
}

function capitalize(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

function criterionBar(entry: Record<string, unknown>): string {
  const parts: string[] = [];
  const improvement = percentValue(entry.improvement as Percent | undefined);
  const adoption = percentValue(entry.adoption as Percent | undefined);
  if (improvement !== undefined) parts.push(`improves by at least ${formatNumber(improvement)}%`);
  else if (text(entry.improvement)) parts.push(`improvement ${text(entry.improvement)}`);
  if (adoption !== undefined) parts.push(`at least ${formatNumber(adoption)}% adopt`);
  else if (text(entry.adoption)) parts.push(`adoption ${text(entry.adoption)}`);
  if (text(entry.target)) parts.push(text(entry.target)!);
  return parts.length ? parts.join(" · ") : "no bar stated";
}

function timeline(data: Record<string, unknown>, today: string): TimelineView {
  const phases = record(data.phases);
  const views = PHASE_KEYS.map((key): PhaseView => {
    const phase = phases[key];
    const entry = record(phase);
    const start = dayNumber(entry.start);
    const end = dayNumber(entry.end);
    const view: PhaseView = {
      key,
      label: PHASE_LABELS[key],
      present: isRecord(phase),
      start: start !== undefined ? (entry.start as string) : text(entry.start),
      end: end !== undefined ? (entry.end as string) : text(entry.end),
      customers: text(entry.customers),
      integration: text(entry.integration),
      deliverables: strings(entry.deliverables),
      criteria: list(entry.goNoGo).map((item) => {
        const criterion = record(item);
        return { metric: text(criterion.metric) ?? NOT_STATED, bar: criterionBar(criterion) };
      }),
    };
    if (start !== undefined && end !== undefined) view.weeks = formatNumber(Math.round(((end - start) / 7) * 10) / 10);
    if (key === "run") {
      view.reviewCadence = text(entry.reviewCadence);
      if (typeof entry.roiValidated === "boolean") view.roiValidated = entry.roiValidated;
    } else if (view.present) {
      view.outcome = text(entry.outcome) ?? "pending";
      view.decidedOn = text(entry.decidedOn);
    }
    return view;
  });
  const days = views.flatMap((view) => [dayNumber(view.start), dayNumber(view.end)]).filter((d) => d !== undefined);
  const result: TimelineView = { phases: views, today };
  const todayDay = dayNumber(today);
  if (days.length === 0) return result;
  const all = todayDay === undefined ? days : [...days, todayDay];
  let from = Math.min(...all);
  let to = Math.max(...all);
  if (to - from < 28) {
    from -= 14;
    to += 14;
  }
  // A little room at both ends, so the today marker never sits on the border.
  const pad = Math.max(3, Math.round((to - from) * 0.03));
  from -= pad;
  to += pad;
  const span = to - from;
  const at = (day: number): number => Math.round(((day - from) / span) * 10000) / 100;
  for (const view of views) {
    const start = dayNumber(view.start);
    if (start === undefined) continue;
    const end = dayNumber(view.end);
    const open = end === undefined;
    const stop = open ? (view.key === "run" ? to : start) : Math.max(end, start);
    view.bar = { left: at(start), width: Math.max(0.5, at(stop) - at(start)), open };
  }
  result.from = isoDay(from);
  result.to = isoDay(to);
  if (todayDay !== undefined) result.todayAt = at(todayDay);
  return result;
}

function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Whether each signature's digest is current, from the findings (never recomputed here): the
 * `signature-outdated` findings give the charter's current digest in their message.
 */
function signatures(data: Record<string, unknown>, view: CharterView): SignatureView[] {
  const outdated = view.findings.filter((finding) => finding.rule === "signature-outdated");
  const current = outdated.map((finding) => /sha256:[0-9a-f]{64}/.exec(finding.message)?.[0]).find(Boolean);
  const entries = list(data.signatures).map(record);
  const withDigest = entries.filter((entry) => text(entry.digest) !== undefined).length;
  return entries.map((entry) => {
    const digest = text(entry.digest);
    let state: SignatureView["state"] = "none";
    if (digest !== undefined) {
      if (outdated.length === 0) state = "current";
      else if (current !== undefined) state = digest === current ? "current" : "outdated";
      else state = outdated.length >= withDigest ? "outdated" : "current";
    }
    return {
      party: entry.party === "us" ? "Us" : entry.party === "partner" ? "Partner" : (text(entry.party) ?? NOT_STATED),
      name: text(entry.name),
      title: text(entry.title),
      date: text(entry.date),
      digest,
      state,
    };
  });
}

function launch(data: Record<string, unknown>): RenderModel["launch"] {
  if (!isRecord(data.launch)) return undefined;
  const checklist = record(data.launch.checklist);
  const items = Object.entries(checklist);
  return {
    date: text(data.launch.date),
    done: items.filter(([, state]) => state === "done" || state === "n/a").length,
    total: items.length,
    open: items.filter(([, state]) => state !== "done" && state !== "n/a").map(([item]) => item),
  };
}

export function renderModel(view: CharterView): RenderModel {
  const data = record(view.charter);
  const partner = record(data.partner);
  const measurement = record(data.measurement);
  const governance = record(data.governance);
  const leverage = record(data.leverage);
  const owners = record(governance.owners);
  const sponsors = record(governance.sponsors);
  return {
    readable: view.charter !== undefined,
    fileName: view.fileName,
    title: text(data.title) ?? view.fileName,
    partner: text(partner.name),
    website: text(partner.website),
    tier: tierLabel(data.tier),
    status: text(data.status),
    owner: text(data.owner),
    updated: text(data.updated),
    id: text(data.id),
    health: view.health,
    counts: countSeverities(view.findings),
    suppressed: view.suppressed,
    today: view.today,
    value: valueColumns(data),
    exchange: exchange(data),
    leverage: {
      type: text(leverage.type),
      evidence: text(leverage.evidence),
      ifWeWalkAway: text(leverage.ifWeWalkAway),
      scale: LEVERAGE_SCALE.map((step) => ({ ...step, selected: step.type === leverage.type })),
    },
    timeline: timeline(data, view.today),
    measurement: {
      metrics: list(measurement.metrics).map((item) => {
        const metric = record(item);
        return { name: text(metric.name) ?? NOT_STATED, target: text(metric.target), source: text(metric.source) };
      }),
      reviewCadence: text(measurement.reviewCadence),
      dashboard: text(measurement.dashboard),
    },
    governance: {
      owners: { us: text(owners.us), partner: text(owners.partner) },
      sponsors: { us: text(sponsors.us), partner: text(sponsors.partner) },
      partnerManager: text(governance.partnerManager),
      syncCadence: text(governance.syncCadence),
      escalation: strings(governance.escalation),
      exitCriteria: strings(governance.exitCriteria),
    },
    signatures: signatures(data, view),
    launch: launch(data),
    findings: view.findings.map((finding) => ({
      severity: finding.severity,
      rule: finding.rule,
      message: finding.message,
      line: finding.range.start.line,
      character: finding.range.start.character,
      docUrl: ruleDocUrl(finding.rule),
    })),
  };
}

export function countsLine(counts: SeverityCounts): string {
  const parts = [
    `${counts.errors} error${counts.errors === 1 ? "" : "s"}`,
    `${counts.warnings} warning${counts.warnings === 1 ? "" : "s"}`,
    `${counts.infos} info${counts.infos === 1 ? "" : "s"}`,
  ];
  if (counts.hints) parts.push(`${counts.hints} hint${counts.hints === 1 ? "" : "s"}`);
  return parts.join(", ");
}
