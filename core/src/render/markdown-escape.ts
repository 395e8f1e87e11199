import { showControlCharactersInProse as showControlCharacters } from "../text/control";

/**
 * Escaping charter text for Markdown (GitHub-flavoured): text from a charter or a finding must
 * read as text, never as a link, emphasis, HTML or a table border.
 */

/**
 * Characters that start or end inline syntax: code, emphasis, links and images (`[` `]`),
 * HTML (`<` `>`), table cells (`|`), strikethrough (`~`), math (`$`) and escapes (`\`).
 */
const MARKDOWN_SPECIAL = /[\\`*_[\]<>|~$&]/g;

/** Escapes inline Markdown and folds line breaks into spaces (one paragraph, one line). */
export function escapeMarkdown(text: string): string {
  return (
    showControlCharacters(text.replace(/\r\n?|\n/g, " "))
      .replace(MARKDOWN_SPECIAL, (char) => (char === "&" ? "&amp;" : `\\${char}`))
      // Block syntax at the start: headings, lists, quotes, rules.
      .replace(/^(\s*)([#+\-=])/, "$1\\$2")
      .replace(/^(\s*\d+)([.)])/, "$1\\$2")
  );
}

/** Escapes text for a GFM table cell: like `escapeMarkdown`, and never empty. */
export function markdownCell(text: string | undefined): string {
  const escaped = text === undefined ? "" : escapeMarkdown(text).trim();
  return escaped === "" ? " " : escaped;
}

/** Inline code that survives any backticks in the text; `inTable` also escapes `|` (GFM cells). */
export function markdownCode(text: string, inTable = false): string {
  const oneLine = showControlCharacters(text.replace(/\r\n?|\n/g, " "));
  const longest = Math.max(0, ...(oneLine.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = oneLine.startsWith("`") || oneLine.endsWith("`") ? " " : "";
  const body = inTable ? oneLine.replace(/\|/g, "\\|") : oneLine;
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** A GFM table from cells that are already formatted (escape charter text with `markdownCell`). */
export function markdownTable(header: string[], rows: string[][], align?: ("left" | "right")[]): string {
  const rule = header.map((_, i) => (align?.[i] === "right" ? "---:" : "---"));
  return [header, rule, ...rows].map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}

/**
 * A finding message as Markdown: its `code` spans (as the rules write them: `status`,
 * `partner-charter sign`) stay code, the rest is escaped text.
 */
export function markdownMessage(message: string, inTable = false): string {
  return message
    .split(/`([^`]+)`/)
    .map((part, i) => (i % 2 === 1 ? markdownCode(part, inTable) : escapeMarkdown(part)))
    .join("");
}
