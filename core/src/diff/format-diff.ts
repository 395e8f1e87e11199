import { formatAmount, formatNumber, leverageLabel, PHASE_LABELS, tierLabel } from "../render/format";
import { escapeMarkdown as md, markdownCode } from "../render/markdown-escape";
import { ruleDocUrl } from "../rules";
import {
  diffIsEmpty,
  type CharterDiff,
  type CommitmentChange,
  type GateChange,
  type PhaseChange,
} from "./diff-charters";

/**
 * The charter diff as a reviewer reads it: plain text for a terminal, Markdown for a pull
 * request comment. Only sections with something in them are shown.
 */

export const NO_CHANGES = "No changes a reviewer needs to see.";

interface Item {
  text: string;
  /** Markdown for the item when it is richer than the escaped text. */
  markdown?: string;
}

interface Section {
  title: string;
  items: Item[];
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
    case "moved": {
      let moved = "";
      if (change.days !== undefined) {
        const days = Math.abs(change.days);
        moved = ` (${formatNumber(days)} day${days === 1 ? "" : "s"} ${change.days > 0 ? "later" : "earlier"})`;
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

function sections(diff: CharterDiff): Section[] {
  const out: Section[] = [];
  const push = (title: string, items: Item[]): void => {
    if (items.length) out.push({ title, items });
  };
  const readability: Item[] = [];
  for (const [name, version] of [
    ["BASE", diff.base],
    ["HEAD", diff.head],
  ] as const) {
    if (!version.readable) readability.push({ text: `${name} could not be read as a charter; see its findings.` });
  }
  const { signatures } = diff;
  push("Signatures", [
    ...signatures.invalidated.map((ref) => ({
      text: `${ref.name} (${ref.party}${ref.date ? `, signed ${ref.date}` : ""}) signed the base version; this change voids that signature, so it must be signed again`,
    })),
    ...signatures.added.map((ref) => ({
      text: `Signed by ${ref.name} (${ref.party}${ref.date ? `, ${ref.date}` : ""})`,
    })),
    ...signatures.removed.map((ref) => ({
      text: `Signature removed: ${ref.name} (${ref.party}${ref.date ? `, ${ref.date}` : ""})`,
    })),
  ]);
  const charter: Item[] = [...readability];
  for (const field of diff.fields) {
    const name = field.field === "partner" ? "Partner" : field.field === "title" ? "Title" : "Status";
    const values =
      field.field === "status"
        ? `${plain(field.from)} → ${plain(field.to)}`
        : `${quote(field.from)} → ${quote(field.to)}`;
    charter.push({ text: `${name}: ${values}` });
  }
  if (diff.tier) {
    const direction = diff.tier.direction === "changed" ? "" : ` (${diff.tier.direction} a tier)`;
    charter.push({
      text: `Tier: ${tierLabel(diff.tier.from) ?? "not set"} → ${tierLabel(diff.tier.to) ?? "not set"}${direction}`,
    });
  }
  if (diff.leverage) {
    const direction =
      diff.leverage.direction === "changed" ? "" : ` (${diff.leverage.direction} on the strength scale)`;
    charter.push({
      text: `Leverage: ${leverageLabel(diff.leverage.from) ?? "not set"} → ${leverageLabel(diff.leverage.to) ?? "not set"}${direction}`,
    });
  }
  push("Charter", charter);
  push("Commitments", [
    ...diff.commitments.map((change) => ({ text: commitmentLine(change) })),
    ...diff.risk.map((change) => ({
      text: `If it fails, ${change.side === "us" ? "we lose" : "the partner loses"}: ${quote(change.from)} → ${quote(change.to)}`,
    })),
    ...(diff.balanced
      ? [{ text: `Authors' answer to "balanced?": ${yesNo(diff.balanced.from)} → ${yesNo(diff.balanced.to)}` }]
      : []),
  ]);
  push(
    "Phases",
    diff.phases.map((change) => ({ text: phaseLine(change) })),
  );
  push(
    "Go/no-go bars",
    diff.goNoGo.map((change) => ({ text: gateLine(change) })),
  );
  push("Exit criteria", [
    ...diff.exitCriteria.removed.map((item) => ({ text: `Removed: ${quote(item)}` })),
    ...diff.exitCriteria.added.map((item) => ({ text: `Added: ${quote(item)}` })),
  ]);
  push("Findings", [
    ...diff.findings.introduced.map((finding) => ({
      text: `Introduced: ${finding.severity} ${finding.rule} (line ${finding.line}): ${finding.message}`,
      markdown: `Introduced: **${finding.severity}** [${finding.rule}](${ruleDocUrl(finding.rule)}) (line ${finding.line}): ${md(finding.message)}`,
    })),
    ...diff.findings.fixed.map((finding) => ({
      text: `Fixed: ${finding.severity} ${finding.rule}: ${finding.message}`,
      markdown: `Fixed: **${finding.severity}** [${finding.rule}](${ruleDocUrl(finding.rule)}): ${md(finding.message)}`,
    })),
  ]);
  push(
    "Other changes",
    diff.other.map((path) => ({ text: path, markdown: markdownCode(path) })),
  );
  return out;
}

export function formatDiffText(diff: CharterDiff): string {
  const lines = [`Charter changes: ${diff.base.label} → ${diff.head.label}`];
  if (diffIsEmpty(diff)) return `${lines[0]}\n\n${NO_CHANGES}\n`;
  for (const section of sections(diff)) {
    lines.push("", `${section.title}:`, ...section.items.map((item) => `  - ${item.text.replace(/\r?\n/g, " ")}`));
  }
  return `${lines.join("\n")}\n`;
}

export function formatDiffMarkdown(diff: CharterDiff): string {
  const lines = [
    `### Charter changes: ${markdownCode(diff.head.label)}`,
    "",
    `Compared with ${markdownCode(diff.base.label)}.`,
  ];
  if (diffIsEmpty(diff)) return `${lines.join("\n")}\n\n${NO_CHANGES}\n`;
  for (const section of sections(diff)) {
    lines.push("", `#### ${section.title}`, "", ...section.items.map((item) => `- ${item.markdown ?? md(item.text)}`));
  }
  return `${lines.join("\n")}\n`;
}

export function formatDiffJson(diff: CharterDiff): string {
  return `${JSON.stringify(diff, null, 2)}\n`;
}
