import { formatNumber } from "../text/numbers";
import { listPhrase, plural } from "../text/words";
import { TIER_LEVELS, type ProgramRef, type ProgramTier, type TierLevel } from "../program/program";
import { unmetRequirements, type UnmetRequirement } from "../program/requirements";

/**
 * The reviewer's diff of a partner program (`partner-charter diff` on two versions of a
 * `*.partner-program.yaml`): what changed in each tier's requirements, in the program's own
 * tier names ("Premier: minimum exit criteria 2 → 3"), tiers offered or withdrawn, and the
 * charters of the program the change would break (requirements they met before and no longer
 * meet), from the same `unmetRequirements` the rule `tier-requirements` reports.
 */

export interface ProgramCharter {
  /** How the diff names it (a path relative to the current folder). */
  label: string;
  data: unknown;
}

export interface BrokenCharter {
  label: string;
  tier: string;
  /** What it would no longer meet, as `tier-requirements` says it. */
  unmet: string[];
}

export interface ProgramDiff {
  base: { label: string; missing?: boolean };
  head: { label: string };
  /** One sentence per change, per tier. */
  changes: string[];
  broken: BrokenCharter[];
}

function numberChange(
  name: string,
  what: string,
  before: number | undefined,
  after: number | undefined,
  unit = "",
): string | undefined {
  if (before === after) return undefined;
  const show = (value: number | undefined): string => (value === undefined ? "none" : `${formatNumber(value)}${unit}`);
  return `${name}: ${what} ${show(before)} → ${show(after)}`;
}

function listChange(
  name: string,
  what: string,
  before: readonly string[] = [],
  after: readonly string[] = [],
): string[] {
  const added = after.filter((item) => !before.includes(item));
  const removed = before.filter((item) => !after.includes(item));
  return [
    ...(added.length ? [`${name}: now requires ${what} ${listPhrase(added)}`] : []),
    ...(removed.length ? [`${name}: no longer requires ${what} ${listPhrase(removed)}`] : []),
  ];
}

/** The requirement changes of one tier offered by both versions. */
function tierChanges(before: ProgramTier, after: ProgramTier): string[] {
  const name = after.name;
  const a = before.requires ?? {};
  const b = after.requires ?? {};
  const changes = [
    ...(before.name !== after.name ? [`${before.name} is now called ${after.name}`] : []),
    ...listChange(name, "the field", a.fields, b.fields),
    ...listChange(name, "our commitment", a.commitments?.us, b.commitments?.us),
    ...listChange(name, "the partner's commitment", a.commitments?.partner, b.commitments?.partner),
    numberChange(name, "minimum exit criteria", a.minExitCriteria, b.minExitCriteria),
    numberChange(name, "minimum metrics", a.minMetrics, b.minMetrics),
    numberChange(name, "maximum revenue share", a.maxRevenueSharePercent, b.maxRevenueSharePercent, "%"),
    numberChange(name, "maximum partners", before.maxPartners, after.maxPartners),
  ];
  const leverageBefore = a.leverage?.join(", ");
  const leverageAfter = b.leverage?.join(", ");
  if (leverageBefore !== leverageAfter)
    changes.push(`${name}: allowed leverage ${leverageBefore ?? "any"} → ${leverageAfter ?? "any"}`);
  return changes.filter((change): change is string => change !== undefined);
}

export function diffPrograms(
  base: { label: string; program?: ProgramRef },
  head: { label: string; program: ProgramRef },
  charters: readonly ProgramCharter[],
): ProgramDiff {
  const at = (program: ProgramRef | undefined, level: TierLevel): ProgramTier | undefined =>
    program?.tiers?.find((tier) => tier.tier === level);
  const changes: string[] = [];
  for (const level of TIER_LEVELS) {
    const before = at(base.program, level);
    const after = at(head.program, level);
    if (before && after) changes.push(...tierChanges(before, after));
    else if (after && base.program) changes.push(`${after.name} (${level}) is now offered`);
    else if (before) changes.push(`${before.name} (${level}) is no longer offered`);
  }
  const broken: BrokenCharter[] = [];
  for (const charter of charters) {
    const level = (charter.data as { tier?: unknown } | undefined)?.tier as TierLevel;
    const after = at(head.program, level);
    if (!after) continue;
    const before = at(base.program, level);
    const key = (unmet: UnmetRequirement): string => `${unmet.kind}|${unmet.subject ?? ""}|${unmet.at.join(".")}`;
    const unmetBefore = new Set(before ? unmetRequirements(charter.data, before).map(key) : []);
    const newly = unmetRequirements(charter.data, after).filter((unmet) => !unmetBefore.has(key(unmet)));
    if (newly.length)
      broken.push({ label: charter.label, tier: after.name, unmet: newly.map((unmet) => unmet.message) });
  }
  return { base: { label: base.label, missing: !base.program }, head: { label: head.label }, changes, broken };
}

export function formatProgramDiff(diff: ProgramDiff, format: "text" | "markdown" | "json"): string {
  if (format === "json") return `${JSON.stringify({ version: 1, kind: "program", ...diff }, null, 2)}\n`;
  const markdown = format === "markdown";
  const title = diff.base.missing
    ? `New program: ${diff.head.label}`
    : `Program changes: ${diff.base.label} → ${diff.head.label}`;
  const lines = [markdown ? `### ${title}` : title];
  const bullet = markdown ? "- " : "  - ";
  lines.push("", markdown ? "**Requirements per tier**" : "Requirements per tier:");
  lines.push(...(diff.changes.length ? diff.changes.map((change) => `${bullet}${change}`) : [`${bullet}no change`]));
  lines.push(
    "",
    markdown
      ? `**Charters it would break** (${diff.broken.length})`
      : `Charters it would break (${diff.broken.length}):`,
  );
  if (diff.broken.length === 0) lines.push(`${bullet}none: every charter of the program still meets its tier`);
  for (const charter of diff.broken) {
    lines.push(
      `${bullet}${markdown ? `\`${charter.label}\`` : charter.label} (${charter.tier}, ${plural(charter.unmet.length, "requirement")}): ${charter.unmet.join(" ")}`,
    );
  }
  return `${lines.join("\n")}\n`;
}
