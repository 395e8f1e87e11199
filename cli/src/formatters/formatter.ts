import type { Report } from "../report";

export interface FormatContext {
  /** Colour escape codes allowed (a TTY, and no NO_COLOR). */
  color: boolean;
  cwd: string;
  /** Version of partner-charter, for formats that name their tool. */
  version: string;
}

/** A report format: converts the report to text, deciding nothing about partnerships. */
export type Formatter = (report: Report, context: FormatContext) => string;
