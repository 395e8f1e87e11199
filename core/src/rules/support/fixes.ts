import { pathLabel } from "../../schema/charter-schema";
import { sectionSkeleton } from "../../skeleton";
import type { NodePath } from "../../types";
import type { FixReport } from "../rule";

/**
 * The fix of a "missing or empty" finding: the part at `path` written with its skeleton (`TODO`
 * where the authors must decide), added to its section (created when absent) or written in
 * place of the empty value. It writes terms to agree on, so fix-all never applies it.
 */
export function fillFix(
  path: NodePath,
  today: string,
  title = `Add ${pathLabel(path)} with TODO placeholders`,
  yaml = sectionSkeleton(path, today),
): FixReport {
  return { title, safe: false, edits: [{ kind: "fill", at: path, yaml }] };
}

/** The fix that adds an item to fill in (with `TODO`s) at the end of the list at `to` (created when absent). */
export function appendFix(to: NodePath, value: Record<string, unknown>, title: string): FixReport {
  return { title, safe: false, edits: [{ kind: "append-item", to, value }] };
}
