import { plural } from "../text/words";
import type { Finding, Range } from "../types";
import { defaultSeverity } from "./severity";

/**
 * Cross-file rules: `duplicate-id` compares the ids of every charter of a workspace or a
 * CLI run. Each charter sharing an id gets one finding on its own `id`, pointing at the others
 * (with the rule's default severity: `finishCharter` applies each charter's configuration).
 */

export interface IdEntry {
  /** Absolute path or URI of the charter. */
  file: string;
  id?: { value: string; range: Range };
}

export function duplicateIdFindings(entries: readonly IdEntry[]): Map<string, Finding[]> {
  const byId = new Map<string, IdEntry[]>();
  for (const entry of entries) {
    if (!entry.id) continue;
    const list = byId.get(entry.id.value) ?? [];
    list.push(entry);
    byId.set(entry.id.value, list);
  }
  const findings = new Map<string, Finding[]>();
  for (const [id, sharing] of byId) {
    if (sharing.length < 2) continue;
    for (const entry of sharing) {
      if (!entry.id) continue;
      const others = sharing.filter((other) => other !== entry);
      const list = findings.get(entry.file) ?? [];
      list.push({
        rule: "duplicate-id",
        severity: defaultSeverity("duplicate-id"),
        message: `Another charter already uses the id "${id}" (${plural(others.length, "other file")}). Ids identify a partnership in reports and reviews, so give each charter its own.`,
        range: entry.id.range,
        related: others.map((other) => ({
          file: other.file,
          range: other.id!.range,
          message: `"${id}" is also the id of this charter`,
        })),
      });
      findings.set(entry.file, list);
    }
  }
  return findings;
}
