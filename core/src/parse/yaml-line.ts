import { scanYamlLine } from "../text/yaml-scan";

/**
 * What one line of YAML text holds, read without the parser: where its value starts, its
 * comment, its open quotes and brackets. The syntax explanations work on the line the parser
 * stopped at, which the parser itself could not read.
 */

/** The line without its comment and trailing spaces. */
export function withoutComment(line: string): string {
  return line.slice(0, scanYamlLine(line, () => undefined).end).trimEnd();
}

/** The number of spaces (and tabs) that indent the line. */
export function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** Where a list item's content starts: after "- " (repeated for "- - "), else the indentation. */
export function contentStart(line: string): number {
  let at = indentOf(line);
  while (line[at] === "-" && (at + 1 === line.length || line[at + 1] === " ")) {
    at++;
    while (line[at] === " ") at++;
  }
  return at;
}

/** The first `key:` of the line (after any "- "): its name and where its value starts. */
export function keyOf(line: string): { key: string; keyStart: number; colon: number; valueStart: number } | undefined {
  const keyStart = contentStart(line);
  let colon = -1;
  scanYamlLine(
    line,
    (char, index) => {
      if (char === ":" && (index + 1 === line.length || /[\s]/.test(line[index + 1]!))) {
        colon = index;
        return true;
      }
      return false;
    },
    keyStart,
  );
  if (colon < 0) return undefined;
  const key = line.slice(keyStart, colon).trim();
  if (!key || /^[[{]/.test(key)) return undefined;
  let valueStart = colon + 1;
  while (line[valueStart] === " " || line[valueStart] === "\t") valueStart++;
  return { key: unquote(key), keyStart, colon, valueStart };
}

function unquote(key: string): string {
  return /^(["']).*\1$/.test(key) ? key.slice(1, -1) : key;
}

/** Writes `raw` as a quoted YAML scalar that reads back as exactly `raw`. */
export function quoteYaml(raw: string): string {
  return /["\\]/.test(raw) ? `'${raw.replace(/'/g, "''")}'` : `"${raw}"`;
}

/** Where a quote opens on the line and is not closed by its end, if one does. */
export function unclosedQuote(line: string): number | undefined {
  return scanYamlLine(line, () => undefined).openQuote;
}

const CLOSERS: Record<string, string> = { "[": "]", "{": "}" };

/** The brackets opened on the line and not closed on it, innermost last. */
export function unclosedBrackets(line: string): { index: number; char: string }[] {
  const open: { index: number; char: string }[] = [];
  scanYamlLine(line, (char, index) => {
    if (char === "[" || char === "{") open.push({ index, char });
    else if ((char === "]" || char === "}") && open.length > 0 && CLOSERS[open[open.length - 1]!.char] === char) {
      open.pop();
    }
  });
  return open;
}

export function closerOf(bracket: string): string {
  return CLOSERS[bracket] ?? bracket;
}

/** Shortens a line for a message, keeping both ends (where quotes and brackets are). */
export function excerpt(text: string, max = 64): string {
  const trimmed = text.trim();
  if (trimmed.length <= max) return trimmed;
  const tail = Math.floor(max / 3);
  return `${trimmed.slice(0, max - tail - 1).trimEnd()} … ${trimmed.slice(-tail).trimStart()}`;
}

/** The line as a `key: value` pair: its key, where its value starts and the value's text (no comment). */
export function valueOn(lineText: string): { key?: string; start: number; value: string } {
  const key = keyOf(lineText);
  const content = withoutComment(lineText);
  const start = key ? key.valueStart : contentStart(content);
  return { key: key?.key, start, value: content.slice(start) };
}

export function replaceValue(lineText: string, start: number, oldValue: string, newValue: string): string {
  return lineText.slice(0, start) + newValue + lineText.slice(start + oldValue.length);
}

/** The corrected line as the message shows it: `key: value`, shortened. */
export function shown(lineText: string): string {
  return excerpt(withoutComment(lineText).replace(/^\s*(- )?/, ""));
}
