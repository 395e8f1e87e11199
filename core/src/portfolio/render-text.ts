import { markdownCell, markdownTable } from "../render/markdown-escape";
import { showControlCharacters } from "../text/control";
import { STAGES } from "./build";
import type { AttentionItem, Portfolio, PortfolioCharter, PortfolioTotals } from "./types";

/**
 * The portfolio as text: `stylish` (tables for a terminal, at most 100 columns) and
 * `markdown` (the same for a pull request or a wiki page). Both draw the same cells.
 */

export const TERMINAL_WIDTH = 100;
const NONE = "—";

/** The cells of a charter row (plain text), shared by every tabular format. */
export const CHARTER_COLUMNS = ["Partner", "Tier", "Status", "Stage", "Next milestone", "Owner", "Health"] as const;

export function tierCell(charter: PortfolioCharter): string {
  const tier = charter.tier ?? NONE;
  return charter.programTier ? `${tier} (${charter.programTier.name})` : tier;
}

export function nextMilestoneCell(charter: PortfolioCharter): string {
  const next = charter.nextMilestone;
  return next ? `${next.label} ${next.date}` : NONE;
}

export function healthCell(charter: PortfolioCharter): string {
  return charter.health === null ? NONE : String(charter.health);
}

function charterCells(charter: PortfolioCharter): string[] {
  return [
    charter.partner ?? charter.title ?? charter.file,
    tierCell(charter),
    charter.status ?? NONE,
    charter.stage ?? NONE,
    nextMilestoneCell(charter),
    charter.owner ?? NONE,
    healthCell(charter),
  ];
}

/** "Acme — crawl go/no-go decision overdue by 12 days" */
export function attentionText(item: AttentionItem): string {
  const who = item.partner ?? item.id;
  return who ? `${who} — ${item.message}` : item.message;
}

function countsText(counts: Record<string, number>, order?: readonly string[]): string {
  const keys = Object.keys(counts).sort((a, b) => {
    const ia = order?.indexOf(a) ?? -1;
    const ib = order?.indexOf(b) ?? -1;
    if (ia !== ib) return (ia < 0 ? Infinity : ia) - (ib < 0 ? Infinity : ib);
    return a < b ? -1 : a > b ? 1 : 0;
  });
  return keys.length === 0 ? NONE : keys.map((key) => `${key} ${counts[key]}`).join(", ");
}

/** The totals as labelled lines, shared by the text formats and the page. */
export function totalsLines(totals: PortfolioTotals): [string, string][] {
  const { health } = totals;
  const lines: [string, string][] = [
    ["Charters", String(totals.charters)],
    ["By tier", countsText(totals.byTier, ["integration", "partnership", "strategic"])],
    ["By status", countsText(totals.byStatus, ["draft", "proposed", "signed", "active", "paused", "ended"])],
    ["By stage", countsText(totals.byStage, STAGES)],
    ["Health", `80–100: ${health.high}, 50–79: ${health.medium}, below 50: ${health.low}, no score: ${health.none}`],
  ];
  for (const use of totals.programTiers ?? []) {
    const capacity = use.maxPartners === undefined ? "" : ` of ${use.maxPartners}`;
    const over = use.maxPartners !== undefined && use.used > use.maxPartners ? " (over capacity)" : "";
    lines.push([`${use.name} (${use.tier})`, `${use.used}${capacity} partnerships${over}`]);
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------
// stylish

export interface StylishStyle {
  bold(text: string): string;
  dim(text: string): string;
  overdue(text: string): string;
}

const PLAIN: StylishStyle = { bold: (t) => t, dim: (t) => t, overdue: (t) => t };

function truncate(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, Math.max(0, width - 1)).join("")}…`;
}

const width = (text: string): number => [...text].length;

/**
 * Column widths that fit `max` columns: each column as wide as its widest cell, then the widest
 * column shrunk one character at a time (never below its header) until the table fits.
 */
function fitWidths(rows: string[][], max: number, gap: number, keep: readonly number[]): number[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => width(row[i]!))));
  const floor = rows[0]!.map((header, i) => Math.max(4, width(header), Math.min(widths[i]!, keep[i] ?? 0)));
  const total = (): number => widths.reduce((n, w) => n + w, 0) + gap * (widths.length - 1);
  while (total() > max) {
    let widest = -1;
    for (let i = 0; i < widths.length; i++) {
      if (widths[i]! > floor[i]! && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
    }
    if (widest < 0) break;
    widths[widest]!--;
  }
  return widths;
}

/** The widths a charter table keeps before others shrink (a milestone label and its date). */
const KEEP_WIDTHS = [12, 0, 0, 0, 36];

function textTable(header: readonly string[], rows: string[][], style: StylishStyle, indent = ""): string[] {
  const all = [[...header], ...rows.map((row) => row.map((cell) => showControlCharacters(cell)))];
  const gap = 2;
  const widths = fitWidths(all, TERMINAL_WIDTH - width(indent), gap, KEEP_WIDTHS);
  return all.map((row, r) => {
    const line = row
      .map((cell, i) => truncate(cell, widths[i]!).padEnd(widths[i]!))
      .join(" ".repeat(gap))
      .trimEnd();
    return indent + (r === 0 ? style.bold(line) : line);
  });
}

export function renderPortfolioStylish(portfolio: Portfolio, style: StylishStyle = PLAIN): string {
  const out: string[] = [style.bold(`Portfolio on ${portfolio.today}`), ""];
  if (portfolio.charters.length === 0) out.push("No charters.");
  else out.push(...textTable(CHARTER_COLUMNS, portfolio.charters.map(charterCells), style));
  out.push("", style.bold("Needs attention"));
  if (portfolio.attention.length === 0) out.push("  Nothing needs attention.");
  for (const item of portfolio.attention) {
    const date = item.date ?? "".padEnd(10);
    const where = showControlCharacters(`${item.file}:${item.line}`);
    const text = truncate(showControlCharacters(attentionText(item)), TERMINAL_WIDTH - 14);
    const painted = item.daysUntil !== undefined && item.daysUntil < 0 ? style.overdue(text) : text;
    out.push(`  ${date}  ${painted}`);
    out.push(`  ${"".padEnd(10)}  ${style.dim(truncate(where, TERMINAL_WIDTH - 14))}`);
  }
  out.push("", style.bold("Totals"));
  const lines = totalsLines(portfolio.totals);
  const label = Math.max(...lines.map(([name]) => width(name)));
  for (const [name, value] of lines) {
    out.push(
      truncate(`  ${showControlCharacters(name).padEnd(label)}  ${showControlCharacters(value)}`, TERMINAL_WIDTH),
    );
  }
  return `${out.join("\n")}\n`;
}

// ---------------------------------------------------------------------------------------------
// markdown

export function renderPortfolioMarkdown(portfolio: Portfolio): string {
  const out: string[] = [`# Partnership portfolio`, "", `On ${portfolio.today}.`, "", "## Partnerships", ""];
  if (portfolio.charters.length === 0) out.push("No charters.");
  else
    out.push(
      markdownTable(
        [...CHARTER_COLUMNS, "File"],
        portfolio.charters.map((charter) => [...charterCells(charter), charter.file].map(markdownCell)),
      ),
    );
  out.push("", "## Needs attention", "");
  if (portfolio.attention.length === 0) out.push("Nothing needs attention.");
  for (const item of portfolio.attention) {
    const when = item.date ? `${item.date}: ` : "";
    out.push(`- ${markdownCell(`${when}${attentionText(item)}`)} — ${markdownCell(`${item.file}:${item.line}`)}`);
  }
  out.push("", "## Totals", "");
  out.push(
    markdownTable(
      ["", "Count"],
      totalsLines(portfolio.totals).map((cells) => cells.map(markdownCell)),
    ),
  );
  return `${out.join("\n")}\n`;
}
