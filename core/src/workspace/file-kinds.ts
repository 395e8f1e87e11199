/**
 * The kinds of files Partner Charter reads, recognised by name: the one place that spells
 * their patterns. The CLI's folder search, the language server's workspace search and file
 * watchers, and the extension's watchers all read them from here; `action.yml` (a shell step)
 * and the extension manifest spell them again, and a test fails when they disagree.
 */

/** A kind of file recognised by the end of its name, in YAML's two spellings. */
export interface FileKind<Stem extends string = string> {
  /** What the name ends with, e.g. `.partner.yaml` and `.partner.yml`. */
  readonly suffixes: readonly [`${Stem}.yaml`, `${Stem}.yml`];
  /** A glob for every such file below a folder, for searches and file watchers. */
  readonly glob: string;
}

function yamlKind<Stem extends string>(stem: Stem, wholeName: boolean): FileKind<Stem> {
  return {
    suffixes: [`${stem}.yaml`, `${stem}.yml`] as const,
    glob: `**/${wholeName ? "" : "*"}${stem}.{yaml,yml}`,
  };
}

/** A partnership charter: `acme.partner.yaml`. */
export const CHARTER_FILES = yamlKind(".partner", false);
/** A partner program (several partnerships under one set of terms): `msp.partner-program.yaml`. */
export const PROGRAM_FILES = yamlKind(".partner-program", false);
/** The rules configuration of a folder and those below it: exactly `.partner-charter.yaml`. */
export const CONFIG_FILES = yamlKind(".partner-charter", true);

/** The exact names of a configuration file (the nearest one above a charter applies). */
export const CONFIG_FILE_NAMES = CONFIG_FILES.suffixes;

export function isCharterFileName(name: string): boolean {
  return CHARTER_FILES.suffixes.some((suffix) => name.endsWith(suffix));
}

export function isProgramFileName(name: string): boolean {
  return PROGRAM_FILES.suffixes.some((suffix) => name.endsWith(suffix));
}

export function isConfigFileName(name: string): boolean {
  return (CONFIG_FILE_NAMES as readonly string[]).includes(name);
}

/** What the language server searches for in a workspace: charters, program files and config files. */
export function isWorkspaceFileName(name: string): boolean {
  return isCharterFileName(name) || isProgramFileName(name) || isConfigFileName(name);
}

/** What the language server watches and searches in a workspace: charters, config files, then program files. */
export const WORKSPACE_GLOBS: readonly string[] = [CHARTER_FILES.glob, CONFIG_FILES.glob, PROGRAM_FILES.glob];
