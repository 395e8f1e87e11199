import { UsageError } from "./errors";

/** The machine's local date as YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Validates a `--today`/`--date` value: a real calendar date written YYYY-MM-DD. */
export function parseDateOption(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (!date || date.toISOString().slice(0, 10) !== value) {
    throw new UsageError(`${name} must be a date written YYYY-MM-DD, e.g. 2026-11-24; got "${value}".`);
  }
  return value;
}
