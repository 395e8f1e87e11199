import { isIsoDate } from "../../core/src/facts/dates";
import { UsageError } from "./errors";

/** Validates a `--today`/`--date` value: a real calendar date written YYYY-MM-DD. */
export function parseDateOption(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isIsoDate(value)) {
    throw new UsageError(`${name} must be a date written YYYY-MM-DD, e.g. 2026-11-24; got "${value}".`);
  }
  return value;
}
