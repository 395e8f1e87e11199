import { editsKeepYamlValid } from "../engine/fixes";
import { isSuppressible } from "../rules";
import { parseDirectives } from "../suppress/suppressions";
import { LineIndex } from "../text/line-index";
import { isCommentLine } from "../text/yaml-scan";
import { comparePositions, type Finding, type Range, type TextEdit } from "../types";

/**
 * Text edits for code actions that are not a rule's own fix: suppression comments ("disable
 * RULE for this line / for this file", offered only for rules whose metadata lets them be
 * suppressed: `isSuppressible`) and "fix all" (every safe fix that does not overlap another).
 */

function at(line: number, character: number): Range {
  return { start: { line, character }, end: { line, character } };
}

/**
 * Inserts `# partner-charter-disable-next-line RULE` above `line`, with that line's indentation;
 * when the line above already is such a comment, adds RULE to it. Undefined when RULE is already
 * disabled there, or cannot be suppressed.
 */
export function disableForLineEdit(text: string, line: number, rule: string): TextEdit | undefined {
  const lines = new LineIndex(text);
  if (!isSuppressible(rule) || line < 0 || line >= lines.lineCount) return undefined;
  const previous = parseDirectives(lines).find(
    (directive) => directive.kind === "disable-next-line" && directive.line === line - 1,
  );
  if (previous) {
    if (previous.rules.includes(rule)) return undefined;
    const last = previous.ruleRanges[previous.ruleRanges.length - 1];
    if (last) return { range: at(last.end.line, last.end.character), newText: `, ${rule}` };
  }
  const target = lines.lineText(line);
  const indent = target.slice(0, target.length - target.trimStart().length);
  const edit = { range: at(line, 0), newText: `${indent}# partner-charter-disable-next-line ${rule}\n` };
  // Above a directive (`%YAML`) or inside a flow collection a comment line may not be YAML.
  return editsKeepYamlValid(text, [edit]) ? edit : undefined;
}

/**
 * Inserts `# partner-charter-disable RULE` at the top of the file, after the leading comments
 * (but before a `disable-next-line` comment, which must stay right above its line); adds RULE
 * to an existing `disable` comment there instead. Undefined when RULE is already disabled there,
 * or cannot be suppressed.
 */
export function disableForFileEdit(text: string, rule: string): TextEdit | undefined {
  if (!isSuppressible(rule)) return undefined;
  const lines = new LineIndex(text);
  const directives = parseDirectives(lines);
  let insertLine = 0;
  for (let line = 0; line < lines.lineCount; line++) {
    const content = lines.lineText(line);
    if (content.trim() === "") continue;
    if (!isCommentLine(content)) break;
    const directive = directives.find((d) => d.line === line);
    if (directive?.kind === "disable-next-line") break;
    if (directive?.kind === "disable") {
      if (directive.rules.includes(rule)) return undefined;
      const last = directive.ruleRanges[directive.ruleRanges.length - 1];
      if (last) return { range: at(last.end.line, last.end.character), newText: `, ${rule}` };
    }
    insertLine = line + 1;
  }
  const comment = `# partner-charter-disable ${rule}`;
  let edit: TextEdit;
  if (insertLine >= lines.lineCount) {
    // The file is only comments: append after the last line.
    const last = lines.lineCount - 1;
    const end = lines.lineText(last).length;
    edit = { range: at(last, end), newText: lines.lineText(last) === "" ? `${comment}\n` : `\n${comment}\n` };
  } else {
    // After a byte order mark, which must stay the first character of the file.
    const start = insertLine === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
    edit = { range: at(insertLine, start), newText: `${comment}\n` };
  }
  return editsKeepYamlValid(text, [edit]) ? edit : undefined;
}

function overlaps(a: Range, b: Range): boolean {
  // Two insertions at the same place also conflict: their order would be arbitrary.
  if (comparePositions(a.start, b.start) === 0) return true;
  return comparePositions(a.start, b.end) < 0 && comparePositions(b.start, a.end) < 0;
}

/**
 * Every safe fix of the findings whose edits do not overlap an earlier one, in document order.
 * Each fix is valid alone; together two could still clash (two keys renamed to the same name),
 * so a fix joins only when the text stays valid YAML with it.
 */
export function safeFixEdits(text: string, findings: readonly Finding[]): { edits: TextEdit[]; fixed: Finding[] } {
  const chosen: TextEdit[] = [];
  const fixed: Finding[] = [];
  const ordered = [...findings].sort((a, b) => comparePositions(a.range.start, b.range.start));
  for (const finding of ordered) {
    const fix = finding.fixes?.find((candidate) => candidate.safe);
    if (!fix || fix.edits.length === 0) continue;
    if (fix.edits.some((edit) => chosen.some((other) => overlaps(edit.range, other.range)))) continue;
    if (chosen.length > 0 && !editsKeepYamlValid(text, [...chosen, ...fix.edits])) continue;
    chosen.push(...fix.edits);
    fixed.push(finding);
  }
  chosen.sort((a, b) => comparePositions(a.range.start, b.range.start));
  return { edits: chosen, fixed };
}
