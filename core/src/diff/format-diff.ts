import { formatAmount, leverageLabel, PHASE_LABELS, tierLabel } from "../render/format";
import { escapeMarkdown as md, markdownCode, markdownMessage } from "../render/markdown-escape";
import { formatNumber } from "../text/numbers";
import { plural } from "../text/words";
import { diffIsEmpty } from "./diff-charters";
import type { CharterDiff, CommitmentChange, FindingRef, GateChange, PhaseChange, SignatureRef } from "./diff-types";

/**
 * The charter diff as a reviewer reads it: plain text for a terminal, Markdown for a pull
 * request comment. Only sections with something in them are shown.
 */

export const NO_CHANGES = "No changes a reviewer needs to see.";

export interface DiffItem {
  text: string;
  /** Markdown for the item when it is richer than the escaped text. */
  markdown?: string;
}

export interface DiffSection {
  title: string;
  items: DiffItem[];
  /** The item is a path or a code span, shown as code. */
  code?: boolean;
}

const quote = (value: string | undefined): string => (value === undefined ? "not set" : `“${value}”`);
const plain = (value: string | undefined): string => value ?? "not set";
const side = (value: "us" | "partner"): string => (value === "us" ? "Us" : "Partner");
const yesNo = (value: boolean | undefined): string => (value === undefined ? "not set" : value ? "yes" : "no");

function commitmentLine(change: CommitmentChange): string {
  if (change.change === "added" || change.change === "removed") {
    const state = (change.to ?? change.from)!;
    const amount = state.amount ? `, ${formatAmount(state.amount)}` : "";
    const detail = state.detail ? ` (${quote(state.detail)})` : "";
    return `${side(change.side)}: ${change.change} ${state.type}${amount}${detail}`;
  }
  const from = change.from!;
  const to = change.to!;
  const parts: string[] = [];
  const notes: string[] = [];
  if (JSON.stringify(from.amount) !== JSON.stringify(to.amount)) {
    parts.push(`${formatAmount(from.amount) ?? "no amount"} → ${formatAmount(to.amount) ?? "no amount"}`);
  }
  if (from.detail !== to.detail) parts.push(`${quote(from.detail)} → ${quote(to.detail)}`);
  else if (from.detail) notes.push(from.detail);
  if (change.amountDelta !== undefined && change.amountDelta !== 0 && to.amount) {
    const delta = formatAmount({ value: Math.abs(change.amountDelta), unit: to.amount.unit });
    notes.push(`${change.amountDelta < 0 ? "down" : "up"} by ${delta}`);
  }
  return `${side(change.side)}: ${to.type} ${parts.join("; ")}${notes.length ? ` (${notes.join("; ")})` : ""}`;
}

function phaseLine(change: PhaseChange): string {
  const label = PHASE_LABELS[change.phase];
  switch (change.change) {
    case "added":
      return `${label} phase added (${plain(change.start)} → ${change.end ?? "open"})`;
    case "removed":
      return `${label} phase removed (was ${plain(change.start)} → ${change.end ?? "open"})`;
    case "outcome":
      return `${label} outcome: ${plain(change.from)} → ${plain(change.to)}`;
    case "length": {
      const outside = change.outside
        ? ` (${change.outside.verdict} for the expected ${change.outside.min}–${change.outside.max} ${change.outside.unit}s)`
        : "";
      return `${label} length: ${plain(change.from)} → ${plain(change.to)}${outside}`;
    }
    case "moved": {
      let moved = "";
      if (change.days !== undefined) {
        const days = plural(formatNumber(Math.abs(change.days)), "day");
        moved = ` (${days} ${change.days > 0 ? "later" : "earlier"})`;
      }
      return `${label} ${change.field}: ${plain(change.from)} → ${plain(change.to)}${moved}`;
    }
  }
}

function gateLine(change: GateChange): string {
  const where = `${PHASE_LABELS[change.phase]} go/no-go ${quote(change.metric)}`;
  switch (change.change) {
    case "criterion-removed":
      return `${where} removed (was ${change.bar}): bar lowered`;
    case "criterion-added":
      return `${where} added (${change.bar})`;
    case "bar-added":
      return `${where}: ${change.measure} bar added (${change.to})`;
    case "bar-removed":
      return `${where}: ${change.measure} bar removed (was ${change.from}): bar lowered`;
    default: {
      const values =
        change.measure === "target"
          ? `${quote(change.from)} → ${quote(change.to)}`
          : `${plain(change.from)} → ${plain(change.to)}`;
      const verdict = change.change === "changed" ? "changed" : `bar ${change.change}`;
      return `${where}: ${change.measure} ${values} (${verdict})`;
    }
  }
}

function signatureWho(ref: SignatureRef, signed = ""): string {
  return `${ref.name} (${ref.party}${ref.date ? `, ${signed}${ref.date}` : ""})`;
}

function signatureItems({ signatures }: CharterDiff): DiffItem[] {
  return [
    ...signatures.invalidated.map((ref) => ({
      text: `${signatureWho(ref, "signed ")} signed the base version; this change voids that signature, so it must be signed again`,
    })),
    ...signatures.added.map((ref) => ({ text: `Signed by ${signatureWho(ref)}` })),
    ...signatures.removed.map((ref) => ({ text: `Signature removed: ${signatureWho(ref)}` })),
  ];
}

function charterItems(diff: CharterDiff): DiffItem[] {
  const items: DiffItem[] = [];
  for (const [name, version] of [
    ["BASE", diff.base],
    ["HEAD", diff.head],
  ] as const) {
    if (!version.readable && !("missing" in version && version.missing)) {
      items.push({ text: `${name} could not be read as a charter; see its findings.` });
    }
  }
  for (const field of diff.fields) {
    const name = field.field === "partner" ? "Partner" : field.field === "title" ? "Title" : "Status";
    const values =
      field.field === "status"
        ? `${plain(field.from)} → ${plain(field.to)}`
        : `${quote(field.from)} → ${quote(field.to)}`;
    items.push({ text: `${name}: ${values}` });
  }
  if (diff.tier) {
    const direction = diff.tier.direction === "changed" ? "" : ` (${diff.tier.direction} a tier)`;
    items.push({
      text: `Tier: ${tierLabel(diff.tier.from) ?? "not set"} → ${tierLabel(diff.tier.to) ?? "not set"}${direction}`,
    });
  }
  if (diff.leverage) {
    const direction =
      diff.leverage.direction === "changed" ? "" : ` (${diff.leverage.direction} on the strength scale)`;
    items.push({
      text: `Leverage: ${leverageLabel(diff.leverage.from) ?? "not set"} → ${leverageLabel(diff.leverage.to) ?? "not set"}${direction}`,
    });
  }
  return items;
}

function commitmentItems(diff: CharterDiff): DiffItem[] {
  const items: DiffItem[] = [
    ...diff.commitments.map((change) => ({ text: commitmentLine(change) })),
    ...diff.risk.map((change) => ({
      text: `If it fails, ${change.side === "us" ? "we lose" : "the partner loses"}: ${quote(change.from)} → ${quote(change.to)}`,
    })),
  ];
  if (diff.balanced) {
    items.push({ text: `Authors' answer to "balanced?": ${yesNo(diff.balanced.from)} → ${yesNo(diff.balanced.to)}` });
  }
  if (diff.balance) items.push({ text: `Balance: ${plain(diff.balance.from)} → ${plain(diff.balance.to)}` });
  return items;
}

function findingItems({ findings }: CharterDiff): DiffItem[] {
  const link = (finding: FindingRef): string => `**${finding.severity}** ${markdownCode(finding.rule)}`;
  return [
    ...findings.introduced.map((finding) => ({
      text: `Introduced: ${finding.severity} ${finding.rule} (line ${finding.line}): ${finding.message}`,
      markdown: `Introduced: ${link(finding)} (line ${finding.line}): ${markdownMessage(finding.message)}`,
    })),
    ...findings.fixed.map((finding) => ({
      text: `Fixed: ${finding.severity} ${finding.rule}: ${finding.message}`,
      markdown: `Fixed: ${link(finding)}: ${markdownMessage(finding.message)}`,
    })),
  ];
}

/** The sections with something in them, in the order a reviewer reads them. */
export function diffSections(diff: CharterDiff): DiffSection[] {
  const all: DiffSection[] = [
    { title: "Signatures", items: signatureItems(diff) },
    { title: "Charter", items: charterItems(diff) },
    { title: "Commitments", items: commitmentItems(diff) },
    { title: "Phases", items: diff.phases.map((change) => ({ text: phaseLine(change) })) },
    { title: "Go/no-go bars", items: diff.goNoGo.map((change) => ({ text: gateLine(change) })) },
    {
      title: "Exit criteria",
      items: [
        ...diff.exitCriteria.removed.map((item) => ({ text: `Removed: ${quote(item)}` })),
        ...diff.exitCriteria.added.map((item) => ({ text: `Added: ${quote(item)}` })),
      ],
    },
    { title: "Findings", items: findingItems(diff) },
    {
      title: "Other changes",
      items: diff.other.map((path) => ({ text: path, markdown: markdownCode(path) })),
      code: true,
    },
  ];
  return all.filter((section) => section.items.length > 0);
}

/** The headline's note on a BASE that does not exist. */
export function newCharterNote(base: string): string {
  return `${base} does not exist: this is a new charter, and everything in it is new.`;
}

export function formatDiffText(diff: CharterDiff): string {
  const lines = diff.base.missing
    ? [`New charter: ${diff.head.label}`, "", newCharterNote(diff.base.label)]
    : [`Charter changes: ${diff.base.label} → ${diff.head.label}`];
  if (diffIsEmpty(diff)) return `${lines[0]}\n\n${NO_CHANGES}\n`;
  for (const section of diffSections(diff)) {
    lines.push("", `${section.title}:`, ...section.items.map((item) => `  - ${item.text.replace(/\r?\n/g, " ")}`));
  }
  return `${lines.join("\n")}\n`;
}

export function formatDiffMarkdown(diff: CharterDiff): string {
  const lines = diff.base.missing
    ? [`### New charter: ${markdownCode(diff.head.label)}`, "", newCharterNote(markdownCode(diff.base.label))]
    : [`### Charter changes: ${markdownCode(diff.head.label)}`, "", `Compared with ${markdownCode(diff.base.label)}.`];
  if (diffIsEmpty(diff)) return `${lines.join("\n")}\n\n${NO_CHANGES}\n`;
  for (const section of diffSections(diff)) {
    lines.push("", `#### ${section.title}`, "", ...section.items.map((item) => `- ${item.markdown ?? md(item.text)}`));
  }
  return `${lines.join("\n")}\n`;
}

export function formatDiffJson(diff: CharterDiff): string {
  return `${JSON.stringify(diff, null, 2)}\n`;
}
