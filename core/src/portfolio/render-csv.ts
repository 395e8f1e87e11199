import { showControlCharactersInProse } from "../text/control";
import type { Portfolio, PortfolioCharter } from "./types";

/**
 * `--format csv`: one row per charter for a spreadsheet (RFC 4180: CRLF line ends, a header
 * row, fields quoted when they hold a quote, comma or line break, quotes doubled; dates ISO).
 * A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return would be read as a
 * formula by a spreadsheet: it is written with a leading `'`, so a charter can never inject one.
 * Other control characters are written as `\u{…}`.
 */

const COLUMNS: [string, (charter: PortfolioCharter) => string | number | undefined][] = [
  ["file", (c) => c.file],
  ["id", (c) => c.id],
  ["title", (c) => c.title],
  ["partner", (c) => c.partner],
  ["tier", (c) => c.tier],
  ["program tier", (c) => c.programTier?.name],
  ["status", (c) => c.status],
  ["stage", (c) => c.stage],
  ["next milestone", (c) => (c.nextMilestone ? c.nextMilestone.label : undefined)],
  ["next milestone date", (c) => c.nextMilestone?.date],
  ["owner", (c) => c.owner],
  ["health", (c) => c.health ?? undefined],
  ["errors", (c) => c.errors],
  ["warnings", (c) => c.warnings],
];

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string | number | undefined): string {
  if (value === undefined) return "";
  // Tabs and line breaks stay text; any other control character is shown as `\u{…}`.
  let text = showControlCharactersInProse(String(value));
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function renderPortfolioCsv(portfolio: Portfolio): string {
  const rows = [
    COLUMNS.map(([name]) => csvField(name)),
    ...portfolio.charters.map((charter) => COLUMNS.map(([, cell]) => csvField(cell(charter)))),
  ];
  return rows.map((row) => `${row.join(",")}\r\n`).join("");
}
