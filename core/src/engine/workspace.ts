import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { listPhrase } from "../text/words";
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

/** A file path or `file:` URI as a path on disk (other URIs as they are). */
function filePath(file: string): string {
  if (!file.includes(":") || /^[a-zA-Z]:[\\/]/.test(file)) return file;
  try {
    return file.startsWith("file:") ? fileURLToPath(file) : file;
  } catch {
    return file;
  }
}

/** How a message names `file` to the reader of `from`: relative to `from`'s folder, with `/` separators. */
export function fileName(file: string, from: string): string {
  const target = filePath(file);
  const own = filePath(from);
  if (!path.isAbsolute(target) || !path.isAbsolute(own)) return target;
  return path.relative(path.dirname(own), target).split(path.sep).join("/");
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
        message: `The id "${id}" is also used by ${listPhrase(others.map((other) => fileName(other.file, entry.file)))}: give each charter its own id.`,
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
