import * as fs from "node:fs";
import * as path from "node:path";
import type { TextDocument } from "vscode-languageserver-textdocument";
import {
  countSeverities,
  findConfigFile,
  loadConfigFile,
  mergeRulesConfigs,
  parseConfigText,
  type Finding,
  type LoadedConfig,
  type RulesConfig,
} from "../../core/src";
import { fileKey, pathToUri } from "./uris";

/**
 * The `.partner-charter.yaml` files of the workspace: which one applies to a charter (its
 * folder or the nearest parent, no higher than the workspace folder), each read once until
 * one of them changes, and their own problems shown on them. The editor's text wins over the
 * file on disk while a config file is open.
 */

export interface ConfigCacheContext {
  /** Open documents, for the editor's text of a config file. */
  documents: { all(): TextDocument[] };
  /** The workspace folder of a file: config files above it do not apply. */
  rootFor(file: string): string | undefined;
  /** The `partnerCharter.rules` setting (below the config file) and whether validation is on. */
  settings(): { rules: RulesConfig | undefined; validateEnabled: boolean };
  publish(uri: string, findings: readonly Finding[]): void;
}

export class ConfigCache {
  /** Config files known to exist in the workspace (found by the search or a file watcher). */
  readonly known = new Set<string>();

  private readonly pathByDir = new Map<string, string | undefined>();
  private readonly loaded = new Map<string, LoadedConfig>();
  private readonly mergedRules = new Map<string, RulesConfig>();
  /** Config files with problems shown (path → URI). */
  private readonly shown = new Map<string, string>();

  constructor(private readonly context: ConfigCacheContext) {}

  /** The editor settings overlaid by the charter's config file (the file wins). */
  rulesFor(file: string | undefined): RulesConfig {
    const configPath = file ? this.pathFor(file) : undefined;
    const cacheKey = configPath ?? "";
    let rules = this.mergedRules.get(cacheKey);
    if (!rules) {
      rules = mergeRulesConfigs(this.context.settings().rules, configPath ? this.load(configPath).rules : undefined);
      this.mergedRules.set(cacheKey, rules);
    }
    return rules;
  }

  /** Reads a config file (once) and shows its problems. */
  load(configPath: string): LoadedConfig {
    let loaded = this.loaded.get(configPath);
    if (!loaded) {
      const text = this.openDocument(configPath)?.getText();
      loaded = text !== undefined ? parseConfigText(text, configPath) : loadConfigFile(configPath);
      this.loaded.set(configPath, loaded);
      this.publish(configPath, loaded.findings);
    }
    return loaded;
  }

  /** The `partnerCharter.rules` setting changed: the merged rules are computed again. */
  settingsChanged(): void {
    this.mergedRules.clear();
  }

  /**
   * A config file was created, changed or deleted (or its editor text changed): every file is
   * read again, and each one's problems shown again (or cleared once it is gone).
   */
  reload(configPath?: string): void {
    if (configPath && fs.existsSync(configPath)) this.known.add(configPath);
    this.pathByDir.clear();
    this.loaded.clear();
    this.mergedRules.clear();
    for (const file of new Set([...this.shown.keys(), ...this.known])) {
      if (!fs.existsSync(file) && this.openDocument(file) === undefined) {
        this.known.delete(file);
        this.publish(file, []);
      } else this.load(file);
    }
  }

  /** Validation was turned on: the problems of the files read so far are shown again. */
  showAll(): void {
    for (const [file, loaded] of this.loaded) this.publish(file, loaded.findings);
  }

  /** Validation was turned off: every config file's problems disappear. */
  clearShown(): void {
    for (const uri of this.shown.values()) this.context.publish(uri, []);
    this.shown.clear();
  }

  /** Errors and warnings of the config files whose problems are shown. */
  shownCounts(): { errors: number; warnings: number } {
    let errors = 0;
    let warnings = 0;
    for (const [file, loaded] of this.loaded) {
      if (!this.shown.has(file)) continue;
      const counts = countSeverities(loaded.findings);
      errors += counts.errors;
      warnings += counts.warnings;
    }
    return { errors, warnings };
  }

  private pathFor(file: string): string | undefined {
    const root = this.context.rootFor(file);
    const cacheKey = `${path.dirname(file)}\0${root ?? ""}`;
    if (this.pathByDir.has(cacheKey)) return this.pathByDir.get(cacheKey);
    const found = findConfigFile(file, root);
    this.pathByDir.set(cacheKey, found);
    return found;
  }

  private openDocument(file: string): TextDocument | undefined {
    return this.context.documents.all().find((document) => fileKey(document.uri) === file);
  }

  /** Shows a config file's problems; a file without problems gets a message only to clear earlier ones. */
  private publish(configPath: string, findings: readonly Finding[]): void {
    if (!this.context.settings().validateEnabled) return;
    const uri = this.shown.get(configPath) ?? this.openDocument(configPath)?.uri ?? pathToUri(configPath);
    if (findings.length === 0 && !this.shown.has(configPath)) return;
    this.context.publish(uri, findings);
    if (findings.length) this.shown.set(configPath, uri);
    else this.shown.delete(configPath);
  }
}
