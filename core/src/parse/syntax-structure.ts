import { listPhrase, plural } from "../text/words";
import { findIndentProblem, type IndentProblem } from "./indentation";
import { errorLine, type Diagnoser, type Explanation, type SyntaxContext } from "./syntax-context";
import { readYaml } from "./read-yaml";
import { contentStart, indentOf, keyOf, withoutComment } from "./yaml-line";

/**
 * Mistakes of a file's structure: tabs, indentation, lines that are neither a key nor a list
 * item, a second document.
 */

/** The file's own indentation step: the smallest indentation of its lines (2 when none). */
function indentStep(context: SyntaxContext): number {
  let step = Infinity;
  for (let line = 0; line < context.lines.lineCount; line++) {
    const text = context.lines.lineText(line);
    const indent = indentOf(text);
    if (indent > 0 && text.trim() && !text.slice(0, indent).includes("\t")) step = Math.min(step, indent);
  }
  return Number.isFinite(step) ? step : 2;
}

function shownLines(lines: number[]): string {
  const shown = lines.slice(0, 4).map((line) => String(line + 1));
  if (lines.length > 4) shown.push(plural(lines.length - 4, "more"));
  return listPhrase(shown);
}

function nearbyIndents(context: SyntaxContext, line: number): number[] {
  const found: number[] = [];
  for (const direction of [1, -1]) {
    for (let other = line + direction; other >= 0 && other < context.lines.lineCount; other += direction) {
      const text = context.lines.lineText(other);
      if (!text.trim() || /^\s*#/.test(text)) continue;
      if (!/^[ ]*\t/.test(text)) found.push(indentOf(text));
      break;
    }
  }
  return found;
}

/** Where the parser's first error is in `text` (Infinity when there is none). */
function firstErrorAt(text: string): number {
  const errors = readYaml(text).doc?.errors ?? [];
  return errors.length ? Math.min(...errors.map((error) => error.pos[0])) : Infinity;
}

/**
 * The indentation a single tab-indented line meant: a tab per level, else the indentation of
 * the line below or above, else one step deeper than the line above; the first that the
 * parser reads furthest without an error. Several tab lines: a tab per level throughout.
 */
function spacesFor(context: SyntaxContext, line: number, step: string, alone: boolean): string {
  const indent = /^[ \t]*/.exec(context.lines.lineText(line))![0];
  const perLevel = indent.replace(/\t/g, step);
  if (!alone || context.text.length > TRY_LIMIT) return perLevel;
  const [below, above] = nearbyIndents(context, line);
  const tries = [perLevel.length, below, above, above === undefined ? undefined : above + step.length];
  const unique = [...new Set(tries.filter((value): value is number => value !== undefined))];
  const start = context.lines.offset({ line, character: 0 });
  const end = start + indent.length;
  let best = { spaces: perLevel, at: -1 };
  for (const count of unique) {
    const spaces = " ".repeat(count);
    const at = firstErrorAt(context.text.slice(0, start) + spaces + context.text.slice(end));
    if (at > best.at) best = { spaces, at };
    if (at === Infinity) break;
  }
  return best.spaces;
}

/** Trying indentations parses the text again for each; larger files get a tab per level. */
const TRY_LIMIT = 64 * 1024;

/** A tab in the indentation: one finding, naming the other lines indented with tabs. */
export const tabIndentation: Diagnoser = (context) => {
  const error = context.all.find((e) => e.code === "TAB_AS_INDENT");
  if (!error) return undefined;
  const first = errorLine(context, error).line;
  const step = " ".repeat(indentStep(context));
  const tabbed: number[] = [];
  for (let line = 0; line < context.lines.lineCount; line++) {
    if (/^[ ]*\t/.test(context.lines.lineText(line))) tabbed.push(line);
  }
  if (!tabbed.includes(first)) tabbed.unshift(first);
  const alone = tabbed.length === 1;
  const edits = tabbed.map((line) => ({
    line,
    text: spacesFor(context, line, step, alone) + context.lines.lineText(line).trimStart(),
  }));
  const others = tabbed.filter((line) => line !== first);
  const more = others.length ? ` Lines ${shownLines(others)} have tabs too.` : "";
  return {
    line: first,
    from: 0,
    to: Math.max(1, /^[ \t]*/.exec(context.lines.lineText(first))![0].length),
    message: `Indented with a tab, but YAML indents with spaces only, never tabs: use ${step.length} spaces per level.${more}`,
    edits,
    fixTitle: others.length ? `Indent with spaces instead of tabs (${tabbed.length} lines)` : "Indent with spaces",
    guess: true,
  };
};

const INDENT_ERRORS = new Set([
  "BAD_INDENT",
  "BLOCK_AS_IMPLICIT_KEY",
  "MULTILINE_IMPLICIT_KEY",
  "MISSING_CHAR",
  "UNEXPECTED_TOKEN",
]);

function reindent(text: string, indent: number): string {
  return " ".repeat(indent) + text.trimStart();
}

function explainIndent(context: SyntaxContext, problem: IndentProblem): Explanation {
  const { line } = problem;
  const text = context.lines.lineText(line);
  const spaces = plural(problem.indent, "space");
  switch (problem.kind) {
    case "misaligned": {
      const fixed = reindent(text, problem.expected);
      const what = problem.item ? "list item" : "key";
      const lead = problem.item ? "This list item" : problem.key ? `"${problem.key}"` : "This line";
      return {
        line,
        from: 0,
        message: `${lead} is indented ${spaces}, but the ${what}s beside it start at ${problem.expected}: line it up with them.`,
        edits: [{ line, text: fixed }],
        fixTitle: `Indent by ${plural(problem.expected, "space")}`,
        guess: true,
      };
    }
    case "item-among-keys": {
      const start = indentOf(text);
      const fixed = text.slice(0, start) + text.slice(contentStart(text));
      const section = problem.section ? ` of "${problem.section}"` : "";
      return {
        line,
        from: start,
        to: start + 1,
        message: `A list item ("- ") among the keys${section}: remove the "- ", a key is written key: value.`,
        edits: [{ line, text: fixed }],
        fixTitle: 'Remove the "- "',
      };
    }
    case "under-a-value":
      return {
        line,
        from: 0,
        message: `Indented under "${problem.parent}" (line ${problem.parentLine + 1}), which already has a value: indent this line like its neighbours, or remove that value.`,
      };
  }
}

/** A key or list item out of line with its neighbours, or indented under a key that has a value. */
export const indentation: Diagnoser = (context) => {
  const error = context.errors.find((e) => INDENT_ERRORS.has(e.code));
  if (!error) return undefined;
  const at = errorLine(context, error).line;
  const lines: string[] = [];
  for (let line = 0; line <= Math.min(at + 1, context.lines.lineCount - 1); line++) {
    lines.push(context.lines.lineText(line));
  }
  const problem = findIndentProblem(lines, Math.max(0, at - 1), at + 1);
  return problem && explainIndent(context, problem);
};

/** `dashboard Partner health` — neither `key: value` nor `- item`. */
export const neitherKeyNorItem: Diagnoser = (context) => {
  const error = context.errors.find(
    (e) => (e.code === "MISSING_CHAR" && /map values/.test(e.message)) || e.code === "MULTILINE_IMPLICIT_KEY",
  );
  if (!error) return undefined;
  const line = errorLine(context, error).line;
  const text = context.lines.lineText(line);
  const content = withoutComment(text);
  if (keyOf(content) || /^\s*-( |$)/.test(content) || content.includes(":")) return undefined;
  const indent = indentOf(text);
  const above = line > 0 ? context.lines.lineText(line - 1) : "";
  if (/^\s*- /.test(above) && indentOf(above) === indent) {
    const fixed = `${text.slice(0, indent)}- ${text.slice(indent)}`;
    return {
      line,
      from: indent,
      message: `This line is neither a list item nor a key: start it with "- " like the line above.`,
      edits: [{ line, text: fixed }],
      fixTitle: 'Start the line with "- "',
    };
  }
  const word = /^\S+/.exec(content.slice(indent))![0];
  const fixed = `${text.slice(0, indent + word.length)}:${text.slice(indent + word.length)}`;
  return {
    line,
    from: indent,
    message: `This line has no colon: write it as key: value, for example ${withoutComment(fixed).trim()}`,
    edits: [{ line, text: fixed }],
    fixTitle: `Add a colon after "${word}"`,
  };
};

/** A `---` line starts a second document. */
export const secondDocument: Diagnoser = (context) => {
  const error = context.errors.find((e) => e.code === "MULTIPLE_DOCS");
  if (!error) return undefined;
  const { line, column } = errorLine(context, error);
  return {
    line,
    from: column,
    message:
      "A second document starts here (---), but a charter file holds one YAML document: move the other to its own file.",
  };
};

/** Anything else: the parser's words, located, with what to look at. */
export const otherError: Diagnoser = (context) => {
  const error = context.errors[0];
  if (!error) return undefined;
  const { line, column } = errorLine(context, error);
  const said = error.message
    .split("\n")[0]!
    .replace(/ at line \d+, column \d+:?\s*$/, "")
    .trim();
  return {
    line,
    from: column,
    message: `YAML cannot read this line (${said.charAt(0).toLowerCase()}${said.slice(1)}): check its quotes, colons and indentation against the lines around it.`,
  };
};
