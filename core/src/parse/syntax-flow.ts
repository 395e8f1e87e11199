import { scanYamlLine } from "../text/yaml-scan";
import { quote } from "../text/words";
import { errorLine, firstError, type Diagnoser } from "./syntax-context";
import { closerOf, quoteYaml, replaceValue, shown, unclosedBrackets, withoutComment } from "./yaml-line";

/**
 * Mistakes in brackets: a list or section written in `[ … ]` or `{ … }` that is never closed, a
 * bracket that closes nothing or opens too much, a missing comma or colon between entries.
 */

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
