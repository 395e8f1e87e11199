import * as path from "node:path";
import { defaultSeverity } from "../engine/severity";
import { fileName } from "../engine/workspace";
import { listPhrase, plural } from "../text/words";
import type { Finding, Range } from "../types";
import type { ProgramMember, ProgramRef } from "./program";

/**
 * The cross-file program rules (RULES.md "Partner program"): `program-conflict` compares the
 * folders of the program files, `tier-capacity` counts each program's charters per tier. Both
 * read a small summary of each file (never a full parse), and report on the program file with
 * the other places as related information.
 */

/** A program file of the run or the workspace, as the cross-file rules need it. */
export interface ProgramEntry {
  file: string;
  ref: ProgramRef;
  /** The range of the program's `id` value (else of its first line). */
  idRange: Range;
  /** The range of each tier's `maxPartners` value, by level. */
  capacityRanges: Partial<Record<string, Range>>;
}

function add(findings: Map<string, Finding[]>, file: string, finding: Finding): void {
  findings.set(file, [...(findings.get(file) ?? []), finding]);
}

/** `program-conflict`: two program files in one folder; one finding on the id of each. */
export function programConflictFindings(programs: readonly ProgramEntry[]): Map<string, Finding[]> {
  const byFolder = new Map<string, ProgramEntry[]>();
  for (const entry of programs) {
    const folder = path.dirname(entry.file);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), entry]);
  }
  const findings = new Map<string, Finding[]>();
  for (const sharing of byFolder.values()) {
    if (sharing.length < 2) continue;
    for (const entry of sharing) {
      const others = sharing.filter((other) => other !== entry);
      add(findings, entry.file, {
        rule: "program-conflict",
        severity: defaultSeverity("program-conflict"),
        message: `Two programs in one folder: ${others.map((other) => fileName(other.file, entry.file)).join(", ")} is here too, so its charters could belong to either. Keep one program per folder.`,
        range: entry.idRange,
        related: others.map((other) => ({
          file: other.file,
          range: other.idRange,
          message: "the other program in this folder",
        })),
      });
    }
  }
  return findings;
}

/** The charters a message names: the first three, relative to the program file, then how many more. */
function namesOf(members: readonly ProgramMember[], from: string): string {
  const names = members.slice(0, 3).map((member) => fileName(path.resolve(member.file), from));
  const more = members.length - names.length;
  return more > 0 ? `${names.join(", ")} and ${more} more` : listPhrase(names);
}

/** `tier-capacity`: more charters that have not ended in a tier than its `maxPartners`. */
export function tierCapacityFindings(
  programs: readonly ProgramEntry[],
  members: readonly ProgramMember[],
): Map<string, Finding[]> {
  const findings = new Map<string, Finding[]>();
  for (const entry of programs) {
    for (const tier of entry.ref.tiers ?? []) {
      const range = entry.capacityRanges[tier.tier];
      if (tier.maxPartners === undefined || !range) continue;
      const inTier = members
        .filter((member) => member.programFile === entry.file && member.tier === tier.tier && !member.ended)
        .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
      if (inTier.length <= tier.maxPartners) continue;
      add(findings, entry.file, {
        rule: "tier-capacity",
        severity: defaultSeverity("tier-capacity"),
        message: `${tier.name} serves at most ${tier.maxPartners}, but ${plural(inTier.length, "charter")} that ${inTier.length === 1 ? "has" : "have"} not ended ${inTier.length === 1 ? "is" : "are"} at this tier (${namesOf(inTier, entry.file)}): raise maxPartners, or move or end partnerships.`,
        range,
        related: inTier.map((member) => ({
          file: member.file,
          range: member.tierRange ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          message: `a ${tier.name} partnership that has not ended`,
        })),
      });
    }
  }
  return findings;
}
