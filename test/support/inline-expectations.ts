import * as assert from "node:assert/strict";
import type { Finding } from "../../core/src";
import type { LineOrigin } from "./fixture-charter";

/**
 * Fixture files state their expected findings in YAML comments (see test/fixtures/README.md):
 *   key: value   # expect: rule-id:COLUMN(severity), other-rule:COLUMN(severity)  → findings starting on this line
 *   # expect-next-line: rule-id:COLUMN(severity)                                  → findings starting on the next line
 * COLUMN is the 1-based start column. One or more quoted phrases after an expectation, e.g.
 * `phase-duration:3(warning) "2.6 weeks" "4–8 weeks"`, must each appear in that finding's message
 * (single quotes for a phrase that holds double quotes).
 * `# today: YYYY-MM-DD` anywhere fixes "today" for the fixture. No expectation = no finding.
 */

export interface Expectation {
  line: number; // 0-based, in the fixture file
  rule: string;
  column: number; // 1-based
  severity: string;
  phrases: string[];
}

const ITEM = /^([a-z0-9-]+):(\d+)\((error|warning|info|hint)\)((?:\s*(?:"[^"]*"|'[^']*'))*)\s*(?:,|$)/;

export function parseExpectations(text: string): { expectations: Expectation[]; today?: string } {
  const expectations: Expectation[] = [];
  let today: string | undefined;
  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => {
    const todayMatch = /#\s*today:\s*(\d{4}-\d{2}-\d{2})/.exec(line);
    if (todayMatch) today = todayMatch[1];
    const match = /#\s*expect(-next-line)?:\s*(.+?)\s*$/.exec(line);
    if (!match) return;
    const target = match[1] ? index + 1 : index;
    let rest = match[2]!;
    while (rest) {
      const item = ITEM.exec(rest);
      if (!item) {
        throw new Error(
          `Bad expectation "${rest}" on line ${index + 1}: write rule-id:COLUMN(severity), optionally followed by "phrases"`,
        );
      }
      expectations.push({
        line: target,
        rule: item[1]!,
        column: Number(item[2]),
        severity: item[3]!,
        phrases: [...item[4]!.matchAll(/"([^"]*)"|'([^']*)'/g)].map((phrase) => phrase[1] ?? phrase[2]!),
      });
      rest = rest.slice(item[0].length).trimStart();
    }
  });
  return { expectations, today };
}

function describeExpectation(expected: Expectation): string {
  const phrases = expected.phrases.map((phrase) => ` "${phrase}"`).join("");
  return `line ${expected.line + 1} ${expected.rule}:${expected.column}(${expected.severity})${phrases}`;
}

/**
 * Asserts that the findings are exactly the expected ones: rule, line, column and severity, and
 * the phrases in the message. `origin` maps the checked text's lines to the fixture's (a fixture
 * built on a base); a finding on a line of the base is always unexpected.
 */
export function assertMatchesExpectations(
  file: string,
  findings: readonly Finding[],
  expectations: readonly Expectation[],
  origin?: readonly LineOrigin[],
): void {
  const located = findings.map((finding) => {
    const line = finding.range.start.line;
    const from = origin?.[line] ?? { from: "fixture", line };
    const where = from.from === "fixture" ? `${from.line + 1}` : `base line ${from.line + 1}`;
    return {
      finding,
      line: from.from === "fixture" ? from.line : undefined,
      text: `${where}:${finding.range.start.character + 1} ${finding.rule}(${finding.severity}) ${finding.message}`,
    };
  });
  const remaining = [...located];
  const missing: Expectation[] = [];
  for (const expected of expectations) {
    const index = remaining.findIndex(
      ({ finding, line }) =>
        finding.rule === expected.rule &&
        line === expected.line &&
        finding.range.start.character + 1 === expected.column &&
        finding.severity === expected.severity &&
        expected.phrases.every((phrase) => finding.message.includes(phrase)),
    );
    if (index === -1) missing.push(expected);
    else remaining.splice(index, 1);
  }
  const problems: string[] = [];
  for (const expected of missing) problems.push(`  missing: ${describeExpectation(expected)}`);
  for (const { text, line } of remaining) {
    const hint = line === undefined ? " (on a line of the base: restate that key in the fixture to expect it)" : "";
    problems.push(`  unexpected: ${text}${hint}`);
  }
  if (problems.length) {
    assert.fail(`${file}\n${problems.join("\n")}\nall findings:\n${located.map(({ text }) => `  ${text}`).join("\n")}`);
  }
}
