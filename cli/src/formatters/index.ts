import type { Formatter } from "./formatter";
import { formatJson } from "./json";
import { formatStylish } from "./stylish";

/** Every `--format` of `partner-charter check`. Add a format by listing its module here. */
export const FORMATTERS: Record<string, Formatter> = {
  stylish: formatStylish,
  json: formatJson,
};
