import type { Formatter } from "./formatter";
import { formatGithub } from "./github";
import { formatJson } from "./json";
import { formatJunit } from "./junit";
import { formatMarkdown } from "./markdown";
import { formatSarif } from "./sarif";
import { formatStylish } from "./stylish";

/** Every `--format` of `partner-charter check`. Add a format by listing its module here. */
export const FORMATTERS: Record<string, Formatter> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  junit: formatJunit,
  markdown: formatMarkdown,
};
