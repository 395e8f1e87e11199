import type { Finding } from "../types";

/**
 * The health score and severity counts of a charter: facts about its findings (the findings
 * carry their final severity, set once by the engine). See docs/extension.md.
 */

/** Health score 0–100: 100 minus 15 per error, 5 per warning, 1 per info; floored at 0. */
export function healthScore(findings: readonly Pick<Finding, "severity">[]): number {
  let score = 100;
  for (const finding of findings) {
    if (finding.severity === "error") score -= 15;
    else if (finding.severity === "warning") score -= 5;
    else if (finding.severity === "info") score -= 1;
  }
  return Math.max(0, score);
}

export interface SeverityCounts {
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
}

export function countSeverities(findings: readonly Pick<Finding, "severity">[]): SeverityCounts {
  const counts: SeverityCounts = { errors: 0, warnings: 0, infos: 0, hints: 0 };
  for (const finding of findings) {
    if (finding.severity === "error") counts.errors++;
    else if (finding.severity === "warning") counts.warnings++;
    else if (finding.severity === "info") counts.infos++;
    else counts.hints++;
  }
  return counts;
}
