import type { YAMLError } from "yaml";
import type { LineIndex } from "../text/line-index";
import { scanYamlLine } from "../text/yaml-scan";
import type { Finding } from "../types";
import { quote } from "../text/words";
import {
  closerOf,
  keyOf,
  quoteYaml,
  replaceValue,
  shown,
  unclosedBrackets,
  unclosedQuote,
  valueOn,
  withoutComment,
} from "./yaml-line";

/**
 * The usual ways a hand-written YAML file goes wrong, each recognised from the parser's error
 * and the text of the line, and explained as the author would fix it: what is wrong, what to
 * type instead, and the corrected line (which is also the quick fix).
 */

export interface SyntaxContext {
  text: string;
  lines: LineIndex;
  /** The parser's first error and those up to the line after it, in order of position. */
  errors: readonly YAMLError[];
  /** All the parser's errors (tabs explain errors anywhere after them). */
  all: readonly YAMLError[];
}

/** One corrected line. */
export interface LineEdit {
  line: number;
  text: string;
}

/** A mistake found on one line: where, in words, and (when certain enough) the corrected lines. */
export interface Explanation {
  line: number;
  /** Column range on the line; `to` defaults to the end of the line's content. */
  from: number;
  to?: number;
  message: string;
  edits?: LineEdit[];
  fixTitle?: string;
  /** The corrected lines are a guess (an indentation): what the corrected text hides may not be the author's. */
  guess?: boolean;
}

export type Diagnoser = (context: SyntaxContext) => Explanation | undefined;

/** The finding of an explanation, with its corrected lines as a quick fix (to review: it may guess). */
export function toFinding(lines: LineIndex, explanation: Explanation): Finding {
  const { line, from } = explanation;
  const end = explanation.to ?? Math.max(from + 1, withoutComment(lines.lineText(line)).length);
  const finding: Finding = {
    rule: "yaml-syntax",
    severity: "error",
    message: explanation.message,
    range: { start: { line, character: from }, end: { line, character: end } },
  };
  if (explanation.edits?.length) {
    const edits = explanation.edits.map((edit) => ({
      range: { start: { line: edit.line, character: 0 }, end: lines.position(lines.lineEnd(edit.line)) },
      newText: edit.text,
    }));
    finding.fixes = [{ title: explanation.fixTitle ?? "Fix the YAML", edits, safe: false }];
  }
  return finding;
}

export function errorLine(context: SyntaxContext, error: YAMLError): { line: number; column: number } {
  const position = context.lines.position(error.pos[0]);
  return { line: position.line, column: position.character };
}

function firstError(context: SyntaxContext, test: (error: YAMLError) => boolean): YAMLError | undefined {
  return context.errors.find(test);
}

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

/** `escalation: [a, b` — a list or section in brackets that is never closed. */
export const unclosedBracket: Diagnoser = (context) => {
  const error = firstError(context, (e) => /end with an? ?([\]}])/.test(e.message));
  if (!error) return undefined;
  const closer = /end with an? ?([\]}])/.exec(error.message)![1]!;
  for (let line = errorLine(context, error).line; line >= 0; line--) {
    const lineText = context.lines.lineText(line);
    const open = unclosedBrackets(lineText);
    const last = open[open.length - 1];
    if (!last || closerOf(last.char) !== closer) continue;
    const content = withoutComment(lineText);
    const closers = open
      .map((bracket) => closerOf(bracket.char))
      .reverse()
      .join("");
    const fixed = content + (last.char === "{" ? ` ${closers}` : closers) + lineText.slice(content.length);
    const what = last.char === "[" ? "list" : "section";
    return {
      line,
      from: last.index,
      message: `This ${what} opened with "${last.char}" is never closed: add "${closer}" at its end, ${shown(fixed)}`,
      edits: [{ line, text: fixed }],
      fixTitle: `Add the closing "${closer}"`,
    };
  }
  return undefined;
};

/** The entry of a `{ … }` or `[ … ]` that starts at `column`: up to the next `,`, `}` or `]`. */
function flowEntryAt(lineText: string, column: number): string {
  const rest = withoutComment(lineText).slice(column);
  const end = rest.search(/[,}\]]/);
  return (end < 0 ? rest : rest.slice(0, end)).trimEnd();
}

/** `{ us: Priya Shah partner: Tom Lee }` — a missing comma, or a value with ": " inside `{ … }`. */
export const flowEntry: Diagnoser = (context) => {
  const error = firstError(context, (e) => e.code === "BLOCK_IN_FLOW");
  if (!error) return undefined;
  const { line, column } = errorLine(context, error);
  const lineText = context.lines.lineText(line);
  const entry = flowEntryAt(lineText, column);
  const colon = entry.indexOf(": ");
  if (colon < 0) return undefined;
  const before = entry.slice(0, colon);
  const word = /(\S+)$/.exec(before)?.[1] ?? "";
  const wordStart = column + colon - word.length;
  if (/^[a-z][A-Za-z0-9]*$/.test(word) && before.slice(0, -word.length).trim()) {
    const kept = lineText.slice(0, wordStart).trimEnd();
    const fixed = `${kept}, ${lineText.slice(wordStart)}`;
    return {
      line,
      from: wordStart,
      to: wordStart + word.length + 1,
      message: `A comma is missing before "${word}:": inside { … } entries are separated by commas, ${shown(fixed)}`,
      edits: [{ line, text: fixed }],
      fixTitle: `Add a comma before "${word}:"`,
    };
  }
  const fixed = replaceValue(lineText, column, entry, quoteYaml(entry));
  return {
    line,
    from: column,
    to: column + entry.length,
    message: `The text ${quote(entry, 40)} contains ": ", which starts a new key: put it in quotes, ${shown(fixed)}`,
    edits: [{ line, text: fixed }],
    fixTitle: "Put the text in quotes",
  };
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

/** `{ metric: inv}d MSPs }`, `{ target: ]1.2M }`: a closing bracket that closes nothing, or too early. */
export const strayCloser: Diagnoser = (context) => {
  const first = context.errors[0];
  if (!first) return undefined;
  const line = errorLine(context, first).line;
  const lineText = context.lines.lineText(line);
  const stray = strayCloserIn(lineText);
  if (!stray) return undefined;
  const fixed = lineText.slice(0, stray.index) + lineText.slice(stray.index + 1);
  return {
    line,
    from: stray.index,
    to: stray.index + 1,
    message: stray.early
      ? `This "${stray.char}" ends the ${stray.char === "}" ? "{ … }" : "[ … ]"} early and leaves the text after it over: remove it, or put the value that holds it in quotes.`
      : `This "${stray.char}" closes nothing: remove it, or put the value that holds it in quotes.`,
    edits: [{ line, text: fixed }],
    fixTitle: `Remove the "${stray.char}"`,
    guess: true,
  };
};

function strayCloserIn(lineText: string): { index: number; char: string; early: boolean } | undefined {
  const open: string[] = [];
  let closedAt: { index: number; char: string } | undefined;
  let stray: { index: number; char: string; early: boolean } | undefined;
  scanYamlLine(lineText, (char, index) => {
    if (closedAt && /\S/.test(char) && char !== ",") {
      stray = { ...closedAt, early: true };
      return true;
    }
    if (char === "[" || char === "{") open.push(char);
    else if (char === "]" || char === "}") {
      if (open.length === 0 || closerOf(open[open.length - 1]!) !== char) {
        stray = { index, char, early: false };
        return true;
      }
      open.pop();
      if (open.length === 0) closedAt = { index, char };
    }
    return false;
  });
  return stray;
}

/** `{ detail: r{tention }`: inside { … } a bracket starts a nested list or section. */
export const bracketInFlow: Diagnoser = (context) => {
  const error = firstError(context, (e) => /unexpected flow-(map|seq)-start/i.test(e.message));
  if (!error) return undefined;
  const { line, column } = errorLine(context, error);
  const lineText = context.lines.lineText(line);
  const bracket = lineText[column];
  if (bracket !== "{" && bracket !== "[") return undefined;
  const closer = lineText.indexOf(closerOf(bracket), column);
  const fixed = lineText.slice(0, column) + lineText.slice(column + 1, closer) + lineText.slice(closer + 1);
  return {
    line,
    from: column,
    to: column + 1,
    message: `This "${bracket}" inside { … } starts a new ${bracket === "{" ? "section" : "list"}: remove it, or put the value that holds it in quotes.`,
    ...(closer > column
      ? { edits: [{ line, text: fixed }], fixTitle: `Remove the "${bracket}${closerOf(bracket)}"`, guess: true }
      : {}),
  };
};

/** `amount { value: 12 }`: inside { … } a key needs its colon, and entries their commas. */
export const flowSeparator: Diagnoser = (context) => {
  const error = firstError(context, (e) => /Missing , or : between flow/.test(e.message));
  if (!error) return undefined;
  const { line, column } = errorLine(context, error);
  const lineText = context.lines.lineText(line);
  const word = /([A-Za-z][\w-]*)\s*$/.exec(lineText.slice(0, column));
  if (word && /[[{]/.test(lineText[column] ?? "")) {
    const end = column - (word[0].length - word[1]!.length);
    const fixed = `${lineText.slice(0, end)}:${lineText.slice(end)}`;
    return {
      line,
      from: end - word[1]!.length,
      to: end,
      message: `A colon is missing after "${word[1]}": write ${word[1]}: ${lineText[column]} … ${closerOf(lineText[column]!)}`,
      edits: [{ line, text: fixed }],
      fixTitle: `Add a colon after "${word[1]}"`,
    };
  }
  return {
    line,
    from: column,
    message:
      'Inside { … } each entry is key: value and entries are separated by commas: a ":" or a "," is missing here.',
  };
};

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
