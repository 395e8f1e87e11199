import type { ProgramRef, ProgramSetting } from "./program";

/**
 * Whether the program found by folder is the one a charter is judged against: `"yes"` when it
 * applies (the charter names no program, or names this one), `"other"` when the charter names
 * a program that does not apply (`program-unknown`), `"unknown"` when the found program's id
 * cannot be read (its own schema problem says so). Decided once for the charter rules.
 */
export function programApplies(named: unknown, setting: ProgramSetting): "yes" | "other" | "unknown" {
  const found = setting.program;
  if (setting.conflicting) return named === undefined ? "yes" : "other";
  if (!found) return named === undefined ? "yes" : "other";
  if (named === undefined || named === found.id) return "yes";
  return found.id === undefined ? "unknown" : "other";
}

/** The program a charter is judged against: the one found, when it applies and reads as a program. */
export function judgingProgram(named: unknown, setting: ProgramSetting): ProgramRef | undefined {
  const found = setting.program;
  return found?.tiers && programApplies(named, setting) === "yes" ? found : undefined;
}
