import { readCharterText } from "../engine/check-files";
import { resolveEdits } from "../engine/fixes";
import { localToday } from "../facts/dates";
import { analyzeProgram } from "./analyze-program";
import { ProgramFinder } from "./discover-program";
import { applyTextEdits } from "../engine/text-edits";
import { isPlaceholder } from "../facts/read";
import { parseCharter } from "../parse/parse-charter";
import type { StructuralEdit } from "../rules/rule";
import { charterSkeleton, type CharterSkeletonInput } from "../skeleton";
import type { NodePath } from "../types";
import type { ProgramRef, ProgramTier } from "./program";
import { unmetRequirements, type UnmetRequirement } from "./requirements";

/**
 * A new charter under a program (`init` in a program's folder, New Charter… in the editor):
 * the charter skeleton of its level, naming the program and the program's name for the tier,
 * completed until it meets the tier's requirements, with `TODO` where the authors must decide
 * (a required field, a commitment's detail, one more exit criterion or metric). The
 * requirements are the same `unmetRequirements` the rule `tier-requirements` reports.
 */

/**
 * The program a new charter at `file` will belong to (`init`, New Charter…): the one program
 * file of its folder or the nearest parent, when it reads as a program with tiers; none when
 * there is none or two conflict.
 */
export function programForNewCharter(file: string): ProgramRef | undefined {
  const found = new ProgramFinder().programFilesFor(file);
  if (found.length !== 1) return undefined;
  const read = readCharterText(found[0]!);
  if ("finding" in read) return undefined;
  const ref = analyzeProgram(read.text, found[0]!, { today: localToday() }).ref;
  return ref.tiers?.length ? ref : undefined;
}

export function programCharterSkeleton(input: CharterSkeletonInput, program: ProgramRef, tier: ProgramTier): string {
  let text = charterSkeleton(input)
    .replace(/^(id: .*)$/m, program.id ? `$1\nprogram: ${program.id}` : "$1")
    .replace(/^(tier: \S+) #.*$/m, `$1 # ${tier.name}: meets what the program requires of it`);
  // One requirement at a time, parsing again after each edit (a few rounds at most).
  for (let round = 0; round < 40; round++) {
    const parsed = parseCharter(text);
    const undecided = (path: NodePath): boolean => isPlaceholder(valueAt(parsed.data, path));
    const [next] = unmetRequirements(parsed.data, tier, undecided);
    const edit = next && editFor(next, tier);
    const edits = edit && resolveEdits(parsed, [edit]);
    if (!edits) break;
    text = applyTextEdits(text, edits);
  }
  return text;
}

function valueAt(data: unknown, path: NodePath): unknown {
  let value = data;
  for (const segment of path) value = (value as Record<string | number, unknown> | undefined)?.[segment];
  return value;
}

/** The structural edit that meets one requirement, leaving the decision to the authors. */
function editFor(unmet: UnmetRequirement, tier: ProgramTier): StructuralEdit | undefined {
  switch (unmet.kind) {
    case "fields": {
      const key = unmet.at[unmet.at.length - 1];
      if (typeof key !== "string") return undefined;
      return { kind: "insert", into: unmet.at.slice(0, -1), key, yaml: "TODO" };
    }
    case "commitments": {
      const type = unmet.subject;
      return type
        ? { kind: "append-item", to: unmet.at, value: { type, detail: `TODO — ${tier.name} asks for this` } }
        : undefined;
    }
    case "minExitCriteria":
      return { kind: "append-item", to: unmet.at, value: "TODO — what result ends the partnership" };
    case "minMetrics":
      return { kind: "append-item", to: unmet.at, value: { name: "TODO", target: "TODO" } };
    default:
      return undefined; // leverage and revenue share: the skeleton leaves them open or states none
  }
}

/** A new program file: three tiers with what each provides, requires and how partners move up; `TODO` where the head of partnerships decides. */
export function programSkeleton(id: string): string {
  return `# Partner program — fill in every TODO, then run \`partner-charter check\`.
apiVersion: partner-charter/v1
kind: Program
id: ${id}
title: TODO — the program's name, as partners know it
owner: TODO — who keeps the program current
ecosystem:
  model: TODO # curated (every partner reviewed before joining) or open (anyone joins; trust layers surface quality)
  brandRisk: TODO # high when a weak partner would do real damage (regulated, security-critical), else low
  expectedPartners: TODO # partners that may want to join in the next 12 months
  reviewCapacity: TODO # partners the team can review by hand in 12 months
tiers:
  - tier: integration
    name: Registered
    provides: [documentation, community-channel, office-hours]
    requires:
      fields: [leverage.evidence]
    graduation:
      to: partnership
      afterMonths: 6
      criteria: [TODO — what must be true to move up]
  - tier: partnership
    name: Select
    provides: [dedicated-channel, regular-syncs, product-input, co-marketing]
    requires:
      fields: [governance.syncCadence, governance.sponsors.us]
      commitments: { us: [engineering], partner: [engineering] }
      minExitCriteria: 2
    graduation:
      to: strategic
      criteria: [TODO — what must be true to move up]
  - tier: strategic
    name: Premier
    provides: [partner-manager, executive-relationship, custom-co-marketing, revenue-objectives]
    requires:
      fields: [governance.partnerManager]
      leverage: [requirement, economic]
    maxPartners: 5
`;
}
