/**
 * Calendar arithmetic on the charter's ISO dates (`YYYY-MM-DD`), in UTC so that time zones
 * and daylight-saving changes never shift a day. Pure: "today" is always passed in, never
 * read from the clock.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

interface CalendarDate {
  year: number;
  month: number; // 1–12
  day: number;
}

function parts(date: string): CalendarDate | undefined {
  const match = ISO_DATE.exec(date);
  if (!match) return undefined;
  const parsed = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  const time = Date.UTC(parsed.year, parsed.month - 1, parsed.day);
  // Reject dates such as 2026-02-30 that Date.UTC would silently roll over.
  return new Date(time).toISOString().slice(0, 10) === date ? parsed : undefined;
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: unknown): value is string {
  return typeof value === "string" && parts(value) !== undefined;
}

/** Milliseconds since the epoch at UTC midnight of `date`; undefined when it is not a date. */
export function dateToUtc(date: string): number | undefined {
  const p = parts(date);
  return p ? Date.UTC(p.year, p.month - 1, p.day) : undefined;
}

function format(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier); undefined for a non-date. */
export function daysBetween(from: string, to: string): number | undefined {
  const a = dateToUtc(from);
  const b = dateToUtc(to);
  if (a === undefined || b === undefined) return undefined;
  return Math.round((b - a) / DAY_MS);
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
  const time = dateToUtc(date);
  return time === undefined ? undefined : format(time + days * DAY_MS);
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
  if (to < from) {
    const back = monthsBetween(to, from);
    return back === undefined ? undefined : -back;
  }
  let whole = (b.year - a.year) * 12 + (b.month - a.month);
  while (whole > 0 && addMonths(from, whole)! > to) whole--;
  const anchor = addMonths(from, whole)!;
  const next = addMonths(from, whole + 1)!;
  const rest = daysBetween(anchor, to)!;
  const span = daysBetween(anchor, next)!;
  return whole + rest / span;
}

/** Compares two ISO dates (negative, zero, positive); ISO dates sort as text. */
export function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A number for messages: at most one decimal, no trailing ".0" (7.6, 8, 12.3). */
export function roundForMessage(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

/** "1 day" / "3 days", "1 week" / "2.5 weeks"… */
export function plural(value: number | string, unit: string): string {
  return `${value} ${unit}${Number(value) === 1 ? "" : "s"}`;
}

/** A calendar span in words: "12 months and 3 days", "7 months", "20 days". */
export function describeMonthSpan(from: string, to: string): string | undefined {
  const months = monthsBetween(from, to);
  if (months === undefined || to < from) return undefined;
  const whole = Math.floor(months);
  const days = daysBetween(addMonths(from, whole)!, to)!;
  const parts = [whole > 0 ? plural(whole, "month") : "", days > 0 ? plural(days, "day") : ""].filter(Boolean);
  return parts.length ? parts.join(" and ") : "0 days";
}
