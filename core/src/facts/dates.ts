/**
 * Calendar arithmetic on the charter's ISO dates (`YYYY-MM-DD`), in UTC so that time zones
 * and daylight-saving changes never shift a day, and the one "today" of the machine. Every
 * date the project reads (rules, facts, pages, `--today`, settings) goes through `isIsoDate`.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

interface CalendarDate {
  year: number;
  month: number; // 1–12
  day: number;
}

function parts(date: unknown): CalendarDate | undefined {
  if (typeof date !== "string") return undefined;
  const match = ISO_DATE.exec(date);
  if (!match) return undefined;
  const parsed = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  // Reject dates such as 2026-02-30 that Date.UTC would silently roll over.
  return format(Date.UTC(parsed.year, parsed.month - 1, parsed.day)) === date ? parsed : undefined;
}

function format(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: unknown): value is string {
  return parts(value) !== undefined;
}

/** The date when it is a real `YYYY-MM-DD` date, else undefined. */
export function isoDate(value: unknown): string | undefined {
  return isIsoDate(value) ? value : undefined;
}

/** The machine's local date as YYYY-MM-DD: the default "today" of the CLI, the server and the extension. */
export function localToday(now = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Days since 1970-01-01 for a real date; undefined otherwise (timeline geometry). */
export function dayNumber(value: unknown): number | undefined {
  const p = parts(value);
  return p ? Math.round(Date.UTC(p.year, p.month - 1, p.day) / DAY_MS) : undefined;
}

/** The date of a day number (the inverse of `dayNumber`). */
export function dateOfDay(day: number): string {
  return format(day * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier); undefined for a non-date. */
export function daysBetween(from: string, to: string): number | undefined {
  const a = dayNumber(from);
  const b = dayNumber(to);
  return a === undefined || b === undefined ? undefined : b - a;
}

/** Weeks from `from` to `to`: days / 7, fractional. */
export function weeksBetween(from: string, to: string): number | undefined {
  const days = daysBetween(from, to);
  return days === undefined ? undefined : days / 7;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `date` moved by whole calendar months; the day is clamped to the end of a shorter month (Jan 31 + 1 = Feb 28). */
export function addMonths(date: string, months: number): string | undefined {
  const p = parts(date);
  if (!p) return undefined;
  const index = p.year * 12 + (p.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(p.day, daysInMonth(year, month));
  return format(Date.UTC(year, month - 1, day));
}

/** `date` moved by whole days. */
export function addDays(date: string, days: number): string | undefined {
  const day = dayNumber(date);
  return day === undefined ? undefined : dateOfDay(day + days);
}

/**
 * Calendar months from `from` to `to`: the whole months that fit (2026-01-31 → 2026-02-28 is
 * one month), plus the rest as a fraction of the following month. Negative when `to` is
 * earlier. 2026-06-08 → 2027-06-08 is exactly 12.
 */
export function monthsBetween(from: string, to: string): number | undefined {
  const a = parts(from);
  const b = parts(to);
  if (!a || !b) return undefined;
  if (to < from) return -monthsBetween(to, from)!;
  let whole = (b.year - a.year) * 12 + (b.month - a.month);
  while (whole > 0 && addMonths(from, whole)! > to) whole--;
  const anchor = addMonths(from, whole)!;
  const next = addMonths(from, whole + 1)!;
  return whole + daysBetween(anchor, to)! / daysBetween(anchor, next)!;
}

/** Whole calendar months and the days left over from `from` to `to` (`to` not earlier). */
export function monthsAndDays(from: string, to: string): { months: number; days: number } | undefined {
  const months = monthsBetween(from, to);
  if (months === undefined || to < from) return undefined;
  const whole = Math.floor(months);
  return { months: whole, days: daysBetween(addMonths(from, whole)!, to)! };
}
