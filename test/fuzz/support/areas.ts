import type { Violation } from "./core-probe";

/**
 * Whose part of the product a violation is in, so that a fuzz report sends each finding to
 * the right place, and the few known open ones owned elsewhere that the quick suite lets pass
 * until their fix lands (each with the reason; remove an entry once its fix is in).
 */

const OWNERS: { area: RegExp; owner: string }[] = [
  { area: /^rule (schema)$/, owner: "schema (core/src/schema)" },
  { area: /^rule yaml-syntax$|^check$/, owner: "parse (core/src/parse)" },
  { area: /^rule /, owner: "rules (core/src/rules, core/src/facts)" },
  { area: /^render |^charter view/, owner: "render (core/src/render)" },
  { area: /^diff/, owner: "diff (core/src/diff, labels from core/src/render/format.ts)" },
  {
    area: /^fix|^sign$|^outline$|^folding$|^code lens$|^completion$|^hover$|^suppression comments$/,
    owner: "robustness (fixes, signing, navigation)",
  },
];

export function ownerOf(violation: Violation): string {
  return OWNERS.find(({ area }) => area.test(violation.area))?.owner ?? "unassigned";
}

interface KnownElsewhere {
  area: RegExp;
  detail: RegExp;
  why: string;
}

/** Open findings in other areas (reported, fixed by their owners): tolerated by the quick suite only. */
export const KNOWN_ELSEWHERE: readonly KnownElsewhere[] = [
  {
    area: /^render (html|markdown)$|^diff$/,
    detail: /\[object |\[native code\]|function \w*\(\) \{|is not a function/,
    why: "enum values named like built-in properties (tier: toString) in render and diff labels: issue 12 item 8, render's",
  },
];

export function isKnownElsewhere(violation: Violation): boolean {
  return KNOWN_ELSEWHERE.some(({ area, detail }) => area.test(violation.area) && detail.test(violation.detail));
}
