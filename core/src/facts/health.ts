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

/**
 * True when a parsed file reads as a charter, and so gets a health score: YAML without syntax
 * errors whose content is a section of keys that does not say it is something else (`kind`
 * absent or `Charter`). An empty file, a list, a program or broken YAML is not scored.
 */
export function readsAsCharter(data: unknown, syntaxErrors: number): boolean {
  if (syntaxErrors > 0 || data === null || typeof data !== "object" || Array.isArray(data)) return false;
  const kind = (data as Record<string, unknown>).kind;
  return kind === undefined || kind === "Charter";
}

/**
 * The health score of a checked file, or undefined ("no score", shown as "—") when it could
 * not be read as a charter: a score judges a charter that could be read (docs/extension.md).
 */
export function charterHealth(file: {
  scored: boolean;
  findings: readonly Pick<Finding, "severity">[];
}): number | undefined {
  return file.scored ? healthScore(file.findings) : undefined;
}

/** The score as every surface writes it: `85/100`, or `—` for no score. */
export function healthText(score: number | undefined): string {
  return score === undefined ? "—" : `${score}/100`;
}
