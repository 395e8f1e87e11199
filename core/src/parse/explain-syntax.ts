import type { Document, YAMLError } from "yaml";
import { LineIndex } from "../text/line-index";
import type { Finding } from "../types";
import { readYaml } from "./read-yaml";
import { toFinding, type Diagnoser, type Explanation, type LineEdit, type SyntaxContext } from "./syntax-context";
import { bracketInFlow, flowEntry, flowSeparator, strayCloser, unclosedBracket } from "./syntax-flow";
import {
  badEscape,
  colonInValue,
  dashWithoutSpace,
  missingSpaceAfterColon,
  reservedStart,
  textAfterQuote,
  unclosedQuoteMark,
} from "./syntax-values";
import { indentation, neitherKeyNorItem, otherError, secondDocument, tabIndentation } from "./syntax-structure";

/**
 * `yaml-syntax` findings: one per mistake, not one per parser error. After a mistake the
 * parser's later errors are mostly its consequences, so the mistake is corrected in a copy of
 * the text (on its own lines only) and the copy parsed again to find the next one.
 */

/** At most this many mistakes are reported at once: after that, fixing beats reading. */
export const MAX_SYNTAX_FINDINGS = 10;
/** Each further mistake costs a parse of the whole text; larger files report their first. */
const REPAIR_LIMIT = 256 * 1024;

/** Most specific first: a tab or an unclosed quote explains errors reported before its line. */
const DIAGNOSERS: Diagnoser[] = [
  tabIndentation,
  unclosedQuoteMark,
  unclosedBracket,
  flowSeparator,
  missingSpaceAfterColon,
  dashWithoutSpace,
  flowEntry,
  badEscape,
  textAfterQuote,
  reservedStart,
  strayCloser,
  bracketInFlow,
  colonInValue,
  neitherKeyNorItem,
  indentation,
  secondDocument,
  otherError,
];

/** The parser's errors, plus an unknown tag (`!x`), which it only warns about but drops from the value. */
function syntaxErrors(doc: Document.Parsed): YAMLError[] {
  const dropped = doc.warnings.filter((warning) => warning.code === "TAG_RESOLVE_FAILED");
  return [...doc.errors, ...dropped].sort((a, b) => a.pos[0] - b.pos[0]);
}

function explainFirst(text: string, lines: LineIndex, all: YAMLError[]): Explanation {
  const firstLine = lines.position(all[0]!.pos[0]).line;
  const errors = all.filter((error) => lines.position(error.pos[0]).line <= firstLine + 1);
  const context: SyntaxContext = { text, lines, errors, all };
  for (const diagnose of DIAGNOSERS) {
    try {
      const explanation = diagnose(context);
      if (explanation) return explanation;
    } catch {
      // An explanation that fails must not cost the finding: the parser's own words remain.
    }
  }
  return otherError(context)!;
}

function applyLineEdits(text: string, lines: LineIndex, edits: readonly LineEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.line - a.line)) {
    const start = lines.offset({ line: edit.line, character: 0 });
    result = result.slice(0, start) + edit.text + result.slice(lines.lineEnd(edit.line));
  }
  return result;
}

export interface SyntaxReading {
  findings: Finding[];
  /**
   * The document with every mistake corrected, when no correction was a guess: what it hides
   * (a duplicate key, say) is the author's too. Its lines are the original's.
   */
  corrected?: { doc: Document.Parsed; lines: LineIndex };
}

export function explainSyntax(text: string, doc: Document.Parsed): SyntaxReading {
  const findings: Finding[] = [];
  const corrected = new Set<number>();
  let current = text;
  let currentDoc = doc;
  let guessed = false;
  while (findings.length < MAX_SYNTAX_FINDINGS) {
    const errors = syntaxErrors(currentDoc);
    if (errors.length === 0) {
      return guessed ? { findings } : { findings, corrected: { doc: currentDoc, lines: new LineIndex(current) } };
    }
    const lines = new LineIndex(current);
    const explanation = explainFirst(current, lines, errors);
    // A mistake on a line already corrected means the correction was not what the author meant.
    if (corrected.has(explanation.line)) break;
    findings.push(toFinding(lines, explanation));
    if (!explanation.edits || current.length > REPAIR_LIMIT) break;
    for (const edit of explanation.edits) corrected.add(edit.line);
    guessed ||= explanation.guess === true;
    current = applyLineEdits(current, lines, explanation.edits);
    const next = readYaml(current);
    if (!next.doc) break;
    currentDoc = next.doc;
  }
  return { findings };
}
