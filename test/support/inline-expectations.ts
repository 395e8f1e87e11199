import * as assert from "node:assert/strict";
import type { Finding } from "../../core/src";

/**
 * Fixture files state their expected findings in YAML comments:
 *   key: value   # expect: rule-id, other-rule            → findings starting on this line
 *   # expect-next-line: rule-id                            → findings starting on the next line
 * A rule may carry `:COLUMN` (1-based start column) and `(severity)`, e.g. `schema:7(error)`.
 * `# today: YYYY-MM-DD` anywhere fixes "today" for the fixture. No expectation = no finding.
 */

export interface Expectation {
  line: number; // 0-based
  rule: string;
  column?: number; // 1-based
  severity?: string;
}

const TOKEN = /^([a-z0-9-]+)(?::(\d+))?(?:\((error|warning|info|hint)\))?$/;

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
    for (const raw of match[2]!.split(/[,\s]+/).filter(Boolean)) {
      const token = TOKEN.exec(raw);
      if (!token) throw new Error(`Bad expectation "${raw}" on line ${index + 1}`);
      expectations.push({
        line: target,
        rule: token[1]!,
        column: token[2] ? Number(token[2]) : undefined,
        severity: token[3],
      });
    }
  });
  return { expectations, today };
}

function describe(finding: Finding): string {
  return `${finding.range.start.line + 1}:${finding.range.start.character + 1} ${finding.rule}(${finding.severity}) ${finding.message}`;
}

/** Asserts that the findings are exactly the expected ones (rule and line; column and severity when given). */
export function assertMatchesExpectations(
  file: string,
  findings: readonly Finding[],
  expectations: readonly Expectation[],
): void {
  const remaining = [...findings];
  const missing: Expectation[] = [];
  for (const expected of expectations) {
    const index = remaining.findIndex(
      (finding) =>
        finding.rule === expected.rule &&
        finding.range.start.line === expected.line &&
        (expected.column === undefined || finding.range.start.character + 1 === expected.column) &&
        (expected.severity === undefined || finding.severity === expected.severity),
    );
    if (index === -1) missing.push(expected);
    else remaining.splice(index, 1);
  }
  const problems: string[] = [];
  for (const expected of missing) {
    problems.push(
      `  missing: line ${expected.line + 1} ${expected.rule}${expected.column ? `:${expected.column}` : ""}${expected.severity ? `(${expected.severity})` : ""}`,
    );
  }
  for (const finding of remaining) problems.push(`  unexpected: ${describe(finding)}`);
  if (problems.length) {
    assert.fail(
      `${file}\n${problems.join("\n")}\nall findings:\n${findings.map((f) => `  ${describe(f)}`).join("\n")}`,
    );
  }
}
