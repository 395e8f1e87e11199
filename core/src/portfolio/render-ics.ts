import { createHash } from "node:crypto";
import { addDays } from "../facts";
import { showControlCharacters } from "../text/control";
import type { Portfolio, PortfolioCharter, PortfolioMilestone } from "./types";

/**
 * `--format ics`: an iCalendar file (RFC 5545) of the milestones from today to the horizon, one
 * all-day event each. Each event's UID is a hash of the charter id and the milestone (kind and
 * phase), so importing the file again updates the events instead of duplicating them; DTSTAMP
 * is today (midnight UTC), so the same charters and the same --today give the same bytes.
 */

const CRLF = "\r\n";
const MAX_OCTETS = 75;

/** TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks. */
export function icsText(value: string): string {
  return value
    .split(/\r\n?|\n/)
    .map((part) => showControlCharacters(part).replace(/[\\;,]/g, (char) => `\\${char}`))
    .join("\\n");
}

/** Folds a content line at 75 octets (RFC 5545 3.1), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, "utf8");
    // Continuation lines start with a space, which counts towards their 75 octets.
    const limit = parts.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** The stable UID of a charter's milestone. */
export function milestoneUid(charter: PortfolioCharter, milestone: PortfolioMilestone): string {
  const key = [charter.id ?? charter.file, milestone.kind, milestone.phase ?? ""].join("\u0000");
  return `${createHash("sha256").update(key).digest("hex").slice(0, 32)}@partner-charter`;
}

const compact = (date: string): string => date.replace(/-/g, "");

export function renderPortfolioIcs(portfolio: Portfolio, horizon: number): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Partner Charter//Portfolio//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "X-WR-CALNAME:Partnership milestones",
  ];
  const stamp = `${compact(portfolio.today)}T000000Z`;
  const upcoming = portfolio.charters
    .flatMap((charter) => charter.milestones.map((milestone) => ({ charter, milestone })))
    .filter(({ milestone }) => milestone.daysUntil >= 0 && milestone.daysUntil <= horizon)
    // By date; the charters are already in file order, and the sort is stable.
    .sort((a, b) => (a.milestone.date < b.milestone.date ? -1 : a.milestone.date > b.milestone.date ? 1 : 0));
  for (const { charter, milestone } of upcoming) {
    const who = charter.partner ?? charter.title ?? charter.id ?? charter.file;
    lines.push(
      "BEGIN:VEVENT",
      `UID:${milestoneUid(charter, milestone)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compact(milestone.date)}`,
      `DTEND;VALUE=DATE:${compact(addDays(milestone.date, 1)!)}`,
      `SUMMARY:${icsText(`${who}: ${milestone.label}`)}`,
      `DESCRIPTION:${icsText(`${charter.title ?? who} (${charter.file}, line ${milestone.line})`)}`,
      "TRANSP:TRANSPARENT",
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return lines.map((line) => `${foldLine(line)}${CRLF}`).join("");
}
