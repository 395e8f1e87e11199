import type { YAMLError } from "yaml";
import { errorLine, firstError, type Diagnoser, type Explanation, type SyntaxContext } from "./syntax-context";
import { keyOf, quoteYaml, replaceValue, shown, unclosedQuote, valueOn, withoutComment } from "./yaml-line";

/**
 * The usual ways a hand-written YAML file goes wrong, each recognised from the parser's error
 * and the text of the line, and explained as the author would fix it: what is wrong, what to
 * type instead, and the corrected line (which is also the quick fix).
 */

/** `title: Acme: CloudCo` — a value with ": " (or ending in ":") reads as a second key. */
export const colonInValue: Diagnoser = (context) => {
  const error = firstError(context, (e) => e.code === "BLOCK_AS_IMPLICIT_KEY" && /compact mappings/.test(e.message));
  if (!error) return undefined;
  const { line, column } = errorLine(context, error);
  const lineText = context.lines.lineText(line);
  const value = withoutComment(lineText).slice(column);
  const colon = /(^|[^:]): |:$/.exec(value);
  if (!colon && !value.startsWith("? ")) return undefined;
  const fixed = replaceValue(lineText, column, value, quoteYaml(value));
  const what = value.endsWith(":") && !value.includes(": ") ? 'ends with ":"' : 'contains ": "';
  const whose = keyOf(lineText)?.key;
  return {
    line,
    from: column,
    message: `${whose ? `The value of "${whose}"` : "This value"} ${what}, which starts a new key: put it in quotes, ${shown(fixed)}`,
    edits: [{ line, text: fixed }],
    fixTitle: "Put the value in quotes",
  };
};

/** `owner:priya@acme.example` — without a space after the colon, key and value are one text. */
export const missingSpaceAfterColon: Diagnoser = (context) => {
  const first = context.errors[0];
  if (!first) return undefined;
  const at = errorLine(context, first).line;
  for (const line of [at, at - 1]) {
    if (line < 0) continue;
    const lineText = context.lines.lineText(line);
    const content = withoutComment(lineText);
    const match = /^(\s*(?:- +)?)([A-Za-z_][\w.-]*):(?=[^\s:/])/.exec(content);
    if (!match || keyOf(content)) continue;
    const colon = match[0].length;
    const fixed = `${lineText.slice(0, colon)} ${lineText.slice(colon)}`;
    return {
      line,
      from: match[1]!.length,
      message: `No space after the colon of "${match[2]}", so YAML reads the line as one text: write ${shown(fixed)}`,
      edits: [{ line, text: fixed }],
      fixTitle: `Add a space after "${match[2]}:"`,
    };
  }
  return undefined;
};

/** `-fewer than 40` then `- either side`: a list item needs a space after its dash. */
export const dashWithoutSpace: Diagnoser = (context) => {
  const first = context.errors[0];
  if (!first) return undefined;
  const at = errorLine(context, first).line;
  for (const line of [at - 1, at]) {
    if (line < 0) continue;
    const lineText = context.lines.lineText(line);
    const dash = /^(\s*)-(?=[^\s-])/.exec(lineText);
    if (!dash) continue;
    const fixed = `${dash[0]} ${lineText.slice(dash[0].length)}`;
    return {
      line,
      from: dash[1]!.length,
      message: `A list item needs a space after "-": ${shown(fixed).replace(/^/, "- ")}`,
      edits: [{ line, text: fixed }],
      fixTitle: 'Add a space after "-"',
    };
  }
  return undefined;
};

/** `title: "Acme × CloudCo` — a quote that is never closed swallows the lines after it. */
export const unclosedQuoteMark: Diagnoser = (context) => {
  const error = firstError(context, (e) => e.code === "MISSING_CHAR" && /closing ["']quote/.test(e.message));
  if (!error) return undefined;
  const mark = /closing (["'])quote/.exec(error.message)![1]!;
  for (let line = errorLine(context, error).line; line >= 0; line--) {
    const lineText = context.lines.lineText(line);
    const open = unclosedQuote(lineText);
    if (open === undefined || lineText[open] !== mark) continue;
    const fixed = lineText.trimEnd() + mark;
    return {
      line,
      from: open,
      message: `This quote (${mark}) is never closed: add ${mark} at the end of the value, ${shown(fixed)}`,
      edits: [{ line, text: fixed }],
      fixTitle: `Close the quote`,
    };
  }
  return undefined;
};

const RESERVED_START =
  /Plain value cannot start with|Anchor cannot be an empty string|Not a YAML token|block-seq-ind on same line/;

/** `partnerManager: @dana` — a value starting with a character YAML reserves. */
export const reservedStart: Diagnoser = (context) => {
  const error = firstError(
    context,
    (e) =>
      RESERVED_START.test(e.message) ||
      (e.code === "TAG_RESOLVE_FAILED" && /Unresolved tag/.test(e.message)) ||
      (e.code === "UNEXPECTED_TOKEN" && /at node end/.test(e.message) && startsWithBracket(context, e)),
  );
  return (
    error && quoteValueStarting(errorLine(context, error).line, context.lines.lineText(errorLine(context, error).line))
  );
};

/** A value whose first character YAML reads as syntax: what it reads as, and the value in quotes. */
export function quoteValueStarting(line: number, lineText: string): Explanation | undefined {
  const { key, start, value } = valueOn(lineText);
  if (!value) return undefined;
  const first = value.startsWith("- ") ? "- " : value[0]!;
  const fixed = replaceValue(lineText, start, value, quoteYaml(value));
  const reads = READS_AS[first] ? `, which ${READS_AS[first]}` : ", which YAML reserves";
  return {
    line,
    from: start,
    message: `${key ? `The value of "${key}"` : "This value"} starts with "${first}"${reads}: put it in quotes, ${shown(fixed)}`,
    edits: [{ line, text: fixed }],
    fixTitle: "Put the value in quotes",
  };
}

const READS_AS: Record<string, string> = {
  "*": "makes it a reference to an anchor",
  "[": "starts a list",
  "{": "starts a section",
  "- ": "starts a list item",
  "&": "makes it an anchor name",
  "!": "makes it a type tag",
  "|": "starts a text block",
  ">": "starts a text block",
};

/** `[beta] connector`: a bracketed word opening a text, not a list or section written in brackets. */
function startsWithBracket(context: SyntaxContext, error: YAMLError): boolean {
  const { value } = valueOn(context.lines.lineText(errorLine(context, error).line));
  const bracketed = /^[[{]([^\]}]*)[\]}]/.exec(value);
  return !!bracketed && !/[:,]\s/.test(bracketed[1]!);
}

/** `'CloudCo's dashboard'`, `"Partner" dashboard` — text goes on after the closing quote. */
export const textAfterQuote: Diagnoser = (context) => {
  const error = firstError(context, (e) => e.code === "UNEXPECTED_TOKEN" && /at node end/.test(e.message));
  if (!error) return undefined;
  const line = errorLine(context, error).line;
  const lineText = context.lines.lineText(line);
  const { start, value } = valueOn(lineText);
  const mark = value[0];
  if (mark !== '"' && mark !== "'") return undefined;
  const wrapped = value.length > 1 && value.endsWith(mark);
  const intended = wrapped ? value.slice(1, -1) : value;
  const fixed = replaceValue(lineText, start, value, `'${intended.replace(/'/g, "''")}'`);
  const message =
    wrapped && mark === "'"
      ? `An apostrophe inside '…' ends the text early: write it twice, ${shown(fixed)}`
      : wrapped
        ? `A quote (") inside "…" ends the text early: put the value in single quotes, ${shown(fixed)}`
        : `Text follows the closing quote: put the quotes around the whole value, ${shown(fixed)}`;
  return { line, from: start, message, edits: [{ line, text: fixed }], fixTitle: "Quote the whole value" };
};

/** `path: "C:\docs"` — a backslash inside double quotes starts an escape sequence. */
export const badEscape: Diagnoser = (context) => {
  const error = firstError(context, (e) => e.code === "BAD_DQ_ESCAPE");
  if (!error) return undefined;
  const line = errorLine(context, error).line;
  const lineText = context.lines.lineText(line);
  const { start, value } = valueOn(lineText);
  if (!value.startsWith('"') || !value.endsWith('"')) return undefined;
  const fixed = replaceValue(lineText, start, value, `'${value.slice(1, -1).replace(/'/g, "''")}'`);
  return {
    line,
    from: start,
    message: `A backslash inside "…" starts an escape such as \\n: use single quotes for text with backslashes, ${shown(fixed)}`,
    edits: [{ line, text: fixed }],
    fixTitle: "Use single quotes",
  };
};
