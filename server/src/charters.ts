import * as fs from "node:fs";
import * as path from "node:path";
import type { TextDocument } from "vscode-languageserver-textdocument";
import {
  analyzeCharter,
  countSeverities,
  duplicateIdFindings,
  findConfigFile,
  finishCharter,
  loadConfigFile,
  mergeRulesConfigs,
  parseCharter,
  parseConfigText,
  readCharterText,
  type CharterAnalysis,
  type CharterResult,
  type Finding,
  type LoadedConfig,
  type Range,
  type RulesConfig,
} from "../../core/src";
import { LruCache } from "./lru";
import { DEFAULT_SETTINGS, localToday, type ServerSettings } from "./settings";
import { fileKey, isIgnoredPath, pathToUri, uriToPath } from "./uris";

/**
 * The server's model of the workspace: one analysis per open document version, an index of
 * every charter's id (for `duplicate-id` across files), the config file of each folder, and a
 * queue that validates closed files in small chunks so that a huge workspace never blocks
 * the server. It does what `checkFiles` does for the CLI, with the editor's text for open
 * documents, and calls `publish` with findings; it never speaks LSP itself.
 */

/** How long the server waits after the last keystroke before validating (milliseconds): long
 * enough to skip the keystrokes of a burst, short enough that a 100-line charter shows its
 * findings well within 100 ms of the last edit (measured by `npm run bench`). */
export const DEBOUNCE_MS = 50;
/** Closed files are validated in slices of at most this many milliseconds, yielding in between. */
export const SLICE_MS = 15;
/** Closed files whose findings are kept for re-publishing without re-reading them. */
export const CLOSED_CACHE_SIZE = 2000;

export interface Publisher {
  /** Shows the findings of a file (empty clears it); `version` only for open documents. */
  publish(uri: string, findings: readonly Finding[], version?: number): void;
  log(message: string): void;
  error(message: string): void;
}

export interface Progress {
  report(done: number, total: number): void;
  done(): void;
}

interface FileState {
  uri: string;
  /** The file path, for files on disk. */
  file?: string;
  id?: { value: string; range: Range };
  rules?: RulesConfig;
  errors: number;
  warnings: number;
  /** Diagnostics currently shown for this file are non-empty. */
  shown: boolean;
}

interface OpenAnalysis {
  version: number;
  stamp: string;
  analysis: CharterAnalysis;
  finished?: { duplicates: string; result: CharterResult };
}

interface ClosedResult {
  stamp: string;
  duplicates: string;
  findings: Finding[];
}

interface Pass {
  remaining: Set<string>;
  total: number;
  resolve: () => void;
  progress?: Progress;
}

export class Charters {
  settings: ServerSettings = DEFAULT_SETTINGS;
  /** Workspace folder paths, for config discovery (it stops at the folder) and scanning. */
  roots: string[] = [];

  private readonly files = new Map<string, FileState>();
  private readonly idGroups = new Map<string, Set<string>>();
  /** Open charters: key → the URI the client uses. */
  private readonly open = new Map<string, string>();
  private readonly openAnalyses = new Map<string, OpenAnalysis>();
  private readonly closedResults = new LruCache<string, ClosedResult>(CLOSED_CACHE_SIZE);
  /** Scheduled validations of open documents: key → how to cancel it. */
  private readonly timers = new Map<string, () => void>();
  private readonly pending = new Set<string>();
  private readonly passes = new Set<Pass>();
  private working = false;

  private generation = 0;
  private readonly configPathByDir = new Map<string, string | undefined>();
  private readonly configs = new Map<string, LoadedConfig>();
  private readonly mergedRules = new Map<string, RulesConfig>();
  /** Config files with diagnostics shown (path → URI). */
  private readonly configShown = new Map<string, string>();
  /** Config files found in the workspace. */
  readonly knownConfigs = new Set<string>();

  constructor(
    private readonly documents: { get(uri: string): TextDocument | undefined; all(): TextDocument[] },
    private readonly publisher: Publisher,
    private readonly createProgress: (title: string, total: number) => Promise<Progress | undefined>,
  ) {}

  get enabled(): boolean {
    return this.settings.validateEnabled;
  }

  today(): string {
    return this.settings.today ?? localToday();
  }

  /** Changes whenever something a finding depends on (settings, configs, today) changes. */
  private stamp(): string {
    return `${this.generation}|${this.today()}`;
  }

  // ---------------------------------------------------------------------------------------
  // Configuration files

  /** A file inside a workspace folder (and not under node_modules or .git). */
  inWorkspace(file: string): boolean {
    return this.rootFor(file) !== undefined && !isIgnoredPath(file);
  }

  rootFor(file: string): string | undefined {
    let best: string | undefined;
    for (const root of this.roots) {
      const relative = path.relative(root, file);
      if (!relative.startsWith("..") && !path.isAbsolute(relative) && (!best || root.length > best.length)) {
        best = root;
      }
    }
    return best;
  }

  private configPathFor(file: string): string | undefined {
    const root = this.rootFor(file);
    const cacheKey = `${path.dirname(file)}\0${root ?? ""}`;
    if (this.configPathByDir.has(cacheKey)) return this.configPathByDir.get(cacheKey);
    const found = findConfigFile(file, root);
    this.configPathByDir.set(cacheKey, found);
    return found;
  }

  /** The open editor text of a file, if the client has it open. */
  private openText(file: string): string | undefined {
    for (const document of this.documents.all()) {
      if (fileKey(document.uri) === file) return document.getText();
    }
    return undefined;
  }

  private openUri(file: string): string | undefined {
    for (const document of this.documents.all()) {
      if (fileKey(document.uri) === file) return document.uri;
    }
    return undefined;
  }

  loadConfig(configPath: string): LoadedConfig {
    let loaded = this.configs.get(configPath);
    if (!loaded) {
      const text = this.openText(configPath);
      loaded = text !== undefined ? parseConfigText(text, configPath) : loadConfigFile(configPath);
      this.configs.set(configPath, loaded);
      this.publishConfig(configPath, loaded.findings);
    }
    return loaded;
  }

  private publishConfig(configPath: string, findings: readonly Finding[]): void {
    if (!this.enabled) return;
    const uri = this.configShown.get(configPath) ?? this.openUri(configPath) ?? pathToUri(configPath);
    if (findings.length === 0 && !this.configShown.has(configPath)) return;
    this.publisher.publish(uri, findings);
    if (findings.length) this.configShown.set(configPath, uri);
    else this.configShown.delete(configPath);
  }

  /** Editor settings overlaid by the charter's config file (the file wins). */
  rulesFor(file: string | undefined): RulesConfig | undefined {
    const configPath = file ? this.configPathFor(file) : undefined;
    const cacheKey = configPath ?? "";
    let rules = this.mergedRules.get(cacheKey);
    if (!rules) {
      rules = mergeRulesConfigs(this.settings.rules, configPath ? this.loadConfig(configPath).rules : undefined);
      this.mergedRules.set(cacheKey, rules);
    }
    return rules;
  }

  /** A config file was created, changed or deleted: every charter may be affected. */
  configChanged(configPath?: string): void {
    if (configPath && fs.existsSync(configPath)) this.knownConfigs.add(configPath);
    this.configPathByDir.clear();
    this.configs.clear();
    this.mergedRules.clear();
    this.generation++;
    // Re-show (or clear) every config file's own problems.
    const paths = new Set([...this.configShown.keys(), ...this.knownConfigs]);
    for (const file of paths) {
      if (!fs.existsSync(file) && this.openText(file) === undefined) {
        this.knownConfigs.delete(file);
        this.publishConfig(file, []);
      } else this.loadConfig(file);
    }
    void this.recheckAll();
  }

  // ---------------------------------------------------------------------------------------
  // Settings

  /**
   * Applies new settings; re-validates what they change. Returns true when validation was just
   * turned on: the caller then searches the workspace again (files may have appeared meanwhile).
   */
  applySettings(settings: ServerSettings): boolean {
    const before = this.settings;
    this.settings = settings;
    const rulesChanged =
      JSON.stringify(before.rules ?? null) !== JSON.stringify(settings.rules ?? null) ||
      before.today !== settings.today;
    if (rulesChanged) {
      this.generation++;
      this.mergedRules.clear();
    }
    if (!settings.validateEnabled) {
      if (before.validateEnabled) this.clearAll();
      return false;
    }
    if (!before.validateEnabled) {
      for (const [file, loaded] of this.configs) this.publishConfig(file, loaded.findings);
      return true;
    }
    if (rulesChanged) void this.recheckAll();
    return false;
  }

  /** Validation turned off: every diagnostic disappears. */
  private clearAll(): void {
    for (const cancel of this.timers.values()) cancel();
    this.timers.clear();
    this.pending.clear();
    this.finishPasses(true);
    for (const state of this.files.values()) {
      if (state.shown) this.publisher.publish(state.uri, []);
      state.shown = false;
      state.errors = 0;
      state.warnings = 0;
    }
    for (const uri of this.configShown.values()) this.publisher.publish(uri, []);
    this.configShown.clear();
  }

  // ---------------------------------------------------------------------------------------
  // The id index (duplicate-id across files)

  private updateIndex(key: string, uri: string, file: string | undefined, analysis: CharterAnalysis): void {
    let state = this.files.get(key);
    if (!state) {
      state = { uri, file, errors: 0, warnings: 0, shown: false };
      this.files.set(key, state);
    }
    state.uri = uri;
    state.rules = analysis.rules;
    const before = state.id;
    // Untitled documents have no place in the workspace: they never collide.
    const after = file ? analysis.id : undefined;
    state.id = after;
    const sameId = before?.value === after?.value;
    const moved = sameId && before && after && JSON.stringify(before.range) !== JSON.stringify(after.range);
    if (sameId && !moved) return;
    const affected = new Set<string>();
    if (before) {
      const group = this.idGroups.get(before.value);
      if (group) {
        group.delete(key);
        for (const other of group) affected.add(other);
        if (group.size === 0) this.idGroups.delete(before.value);
      }
    }
    if (after) {
      let group = this.idGroups.get(after.value);
      if (!group) this.idGroups.set(after.value, (group = new Set()));
      for (const other of group) affected.add(other);
      group.add(key);
    }
    for (const other of affected) this.refresh(other);
  }

  private duplicatesFor(key: string): Finding[] | undefined {
    const state = this.files.get(key);
    if (!state?.id) return undefined;
    const group = this.idGroups.get(state.id.value);
    if (!group || group.size < 2) return undefined;
    const entries = [...group]
      .map((member) => this.files.get(member))
      .filter((member): member is FileState => !!member?.id)
      .map((member) => ({ file: member.uri, id: member.id, rules: member.rules }));
    return duplicateIdFindings(entries).get(state.uri);
  }

  private removeFile(key: string): void {
    const state = this.files.get(key);
    this.closedResults.delete(key);
    this.pending.delete(key);
    if (!state) return;
    this.files.delete(key);
    if (state.id) {
      const group = this.idGroups.get(state.id.value);
      group?.delete(key);
      if (group?.size === 0) this.idGroups.delete(state.id.value);
      for (const other of group ?? []) this.refresh(other);
    }
    this.publisher.publish(state.uri, []);
  }

  /** Re-validates a file soon (its duplicates changed). */
  private refresh(key: string): void {
    const uri = this.open.get(key);
    if (uri) this.schedule(uri, 0);
    else if (this.files.has(key)) this.enqueue([key]);
  }

  // ---------------------------------------------------------------------------------------
  // Open documents

  isOpen(uri: string): boolean {
    return this.open.has(fileKey(uri));
  }

  opened(uri: string): void {
    const key = fileKey(uri);
    this.open.set(key, uri);
    this.pending.delete(key);
    this.schedule(uri);
  }

  changed(uri: string): void {
    this.schedule(uri);
  }

  /** The editor closed a document; `onDisk`: its file is a charter to keep validating from disk. */
  closed(uri: string, onDisk = true): void {
    const key = fileKey(uri);
    this.timers.get(key)?.();
    this.timers.delete(key);
    this.open.delete(key);
    this.openAnalyses.delete(key);
    const file = uriToPath(uri);
    if (onDisk && file && fs.existsSync(file) && this.enabled)
      this.enqueue([key]); // back to the text on disk
    else this.removeFile(key);
  }

  /** The analysis of the document's current version (computed once per version). */
  analysisFor(document: TextDocument): OpenAnalysis {
    const key = fileKey(document.uri);
    const stamp = this.stamp();
    const cached = this.openAnalyses.get(key);
    if (cached && cached.version === document.version && cached.stamp === stamp) return cached;
    const file = uriToPath(document.uri);
    const analysis = analyzeCharter(document.getText(), { today: this.today(), rules: this.rulesFor(file) });
    const entry: OpenAnalysis = { version: document.version, stamp, analysis };
    if (this.open.has(key)) {
      this.openAnalyses.set(key, entry);
      this.updateIndex(key, document.uri, file, analysis);
    }
    return entry;
  }

  /** The findings of the document's current version, with suppressions and duplicates applied. */
  resultFor(document: TextDocument): CharterResult {
    const entry = this.analysisFor(document);
    const duplicates = this.duplicatesFor(fileKey(document.uri));
    const signature = JSON.stringify(duplicates ?? null);
    if (entry.finished?.duplicates !== signature) {
      entry.finished = { duplicates: signature, result: finishCharter(entry.analysis, duplicates) };
    }
    return entry.finished.result;
  }

  private schedule(uri: string, delay = DEBOUNCE_MS): void {
    const key = fileKey(uri);
    this.timers.get(key)?.();
    this.timers.delete(key);
    if (!this.enabled) return;
    const run = (): void => {
      this.timers.delete(key);
      this.validateOpen(uri);
    };
    // No delay: right after the pending I/O, not after a timer's ≥ 1 ms.
    if (delay <= 0) {
      const immediate = setImmediate(run);
      this.timers.set(key, () => clearImmediate(immediate));
    } else {
      const timer = setTimeout(run, delay);
      this.timers.set(key, () => clearTimeout(timer));
    }
  }

  /** Validates an open document and publishes, unless a newer version exists by then. */
  validateOpen(uri: string): void {
    if (!this.enabled) return;
    const document = this.documents.get(uri);
    if (!document || !this.isOpen(uri)) return;
    let result: CharterResult;
    try {
      result = this.resultFor(document);
    } catch (error) {
      this.publisher.error(`Validating ${uri} failed: ${(error as Error).stack ?? error}`);
      return;
    }
    if (this.documents.get(uri)?.version !== document.version) return; // stale: a newer edit arrived
    this.record(fileKey(uri), uri, result.findings, document.version);
  }

  private record(key: string, uri: string, findings: readonly Finding[], version?: number): void {
    const state = this.files.get(key) ?? { uri, errors: 0, warnings: 0, shown: false };
    if (!this.files.has(key)) this.files.set(key, state);
    const counts = countSeverities(findings);
    state.errors = counts.errors;
    state.warnings = counts.warnings;
    // Closed files without findings need no message (a workspace may hold thousands of them).
    if (findings.length === 0 && !state.shown && version === undefined) return;
    this.publisher.publish(uri, findings, version);
    state.shown = findings.length > 0;
  }

  // ---------------------------------------------------------------------------------------
  // Closed files

  /** Validates a file from disk (it is not open in the editor). */
  private validateClosed(key: string): void {
    if (this.open.has(key) || !this.enabled) return;
    const file = uriToPath(key) ?? key;
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      this.removeFile(key);
      return;
    }
    if (!stat.isFile()) {
      this.removeFile(key);
      return;
    }
    const uri = this.files.get(key)?.uri ?? pathToUri(file);
    const stamp = `${this.stamp()}|${stat.mtimeMs}|${stat.size}`;
    const cached = this.closedResults.get(key);
    if (cached && cached.stamp === stamp && this.files.has(key)) {
      const duplicates = JSON.stringify(this.duplicatesFor(key) ?? null);
      if (cached.duplicates === duplicates) {
        this.record(key, uri, cached.findings);
        return;
      }
    }
    const rules = this.rulesFor(file);
    const read = readCharterText(file);
    const analysis: CharterAnalysis =
      "finding" in read
        ? { parsed: parseCharter(""), charter: undefined, findings: [read.finding], rules }
        : analyzeCharter(read.text, { today: this.today(), rules });
    this.updateIndex(key, uri, file, analysis);
    const duplicates = this.duplicatesFor(key);
    const result = finishCharter(analysis, duplicates);
    this.closedResults.set(key, {
      stamp,
      duplicates: JSON.stringify(duplicates ?? null),
      findings: result.findings,
    });
    this.record(key, uri, result.findings);
  }

  /** A charter file on disk was created or changed (not open in the editor). */
  fileChanged(uri: string): void {
    const file = uriToPath(uri);
    if (!file || isIgnoredPath(file)) return;
    const key = fileKey(uri);
    if (this.open.has(key)) return; // the editor's text wins
    if (!this.files.has(key)) this.files.set(key, { uri, file, errors: 0, warnings: 0, shown: false });
    this.enqueue([key]);
  }

  fileDeleted(uri: string): void {
    const key = fileKey(uri);
    if (this.open.has(key)) return;
    this.removeFile(key);
  }

  private enqueue(keys: Iterable<string>): void {
    if (!this.enabled) return;
    for (const key of keys) this.pending.add(key);
    if (!this.working && this.pending.size > 0) {
      this.working = true;
      setImmediate(() => void this.work());
    }
  }

  /** Drains the queue in time slices, yielding to the event loop between slices. */
  private async work(): Promise<void> {
    try {
      while (this.pending.size > 0 && this.enabled) {
        // A slice: as many files as fit in SLICE_MS (at least one), then let requests through.
        const deadline = Date.now() + SLICE_MS;
        for (const key of this.pending) {
          if (Date.now() >= deadline) break;
          this.pending.delete(key);
          try {
            this.validateClosed(key);
          } catch (error) {
            this.publisher.error(`Validating ${key} failed: ${(error as Error).stack ?? error}`);
          }
          this.markDone(key);
        }
        for (const pass of this.passes) pass.progress?.report(pass.total - pass.remaining.size, pass.total);
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    } finally {
      this.working = false;
      if (this.pending.size > 0 && this.enabled) this.enqueue([]);
      else this.finishPasses(true);
    }
  }

  private markDone(key: string): void {
    for (const pass of this.passes) pass.remaining.delete(key);
    this.finishPasses(false);
  }

  private finishPasses(all: boolean): void {
    for (const pass of [...this.passes]) {
      if (all || pass.remaining.size === 0) {
        this.passes.delete(pass);
        pass.progress?.done();
        pass.resolve();
      }
    }
  }

  /** Validates these closed files; resolves when all are done. Shows progress when it can. */
  private runPass(keys: string[]): Promise<void> {
    const todo = keys.filter((key) => !this.open.has(key));
    if (todo.length === 0 || !this.enabled) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const pass: Pass = { remaining: new Set(todo), total: todo.length, resolve };
      this.passes.add(pass);
      this.enqueue(todo);
      this.createProgress(
        `Checking ${todo.length} partnership ${todo.length === 1 ? "charter" : "charters"}`,
        todo.length,
      ).then(
        (progress) => {
          if (!progress) return;
          if (this.passes.has(pass)) pass.progress = progress;
          else progress.done();
        },
        (error: unknown) => this.publisher.error(`Progress report failed: ${String(error)}`),
      );
    });
  }

  /** Re-validates every known charter: open ones now, closed ones in the background. */
  async recheckAll(): Promise<void> {
    if (!this.enabled) return;
    for (const uri of this.open.values()) this.schedule(uri, 0);
    await this.runPass([...this.files.keys()].filter((key) => !this.open.has(key)));
  }

  /**
   * Validates the whole workspace: the files found by `scan` (charters and config files) plus
   * the open documents; forgets closed files that no longer exist.
   */
  async validateWorkspace(found: { charters: string[]; configs: string[] }): Promise<void> {
    if (!this.enabled) return;
    for (const config of found.configs) {
      this.knownConfigs.add(config);
      this.loadConfig(config);
    }
    const keys = new Set<string>();
    for (const file of found.charters) {
      if (isIgnoredPath(file)) continue;
      keys.add(file);
      if (!this.files.has(file))
        this.files.set(file, { uri: pathToUri(file), file, errors: 0, warnings: 0, shown: false });
    }
    // Closed files the search did not find (deleted, ignored, or outside the folders) are forgotten.
    for (const key of [...this.files.keys()]) {
      if (!keys.has(key) && !this.open.has(key)) this.removeFile(key);
    }
    for (const uri of this.open.values()) this.validateOpen(uri);
    await this.runPass([...keys]);
    // Open documents may have been affected by ids found on disk meanwhile.
    for (const uri of this.open.values()) this.validateOpen(uri);
  }

  /** Counts over every charter and config file (after a validation). */
  totals(): { files: number; errors: number; warnings: number } {
    let errors = 0;
    let warnings = 0;
    for (const state of this.files.values()) {
      errors += state.errors;
      warnings += state.warnings;
    }
    for (const [file, loaded] of this.configs) {
      if (!this.configShown.has(file)) continue;
      const counts = countSeverities(loaded.findings);
      errors += counts.errors;
      warnings += counts.warnings;
    }
    return { files: this.files.size, errors, warnings };
  }

  /** Findings of a charter on disk that is not open, computed now (for `partnerCharter/model`). */
  resultFromDisk(file: string): CharterResult | undefined {
    const read = readCharterText(file);
    if ("finding" in read) return undefined;
    const analysis = analyzeCharter(read.text, { today: this.today(), rules: this.rulesFor(file) });
    const key = fileKey(pathToUri(file));
    const state = this.files.get(key);
    const duplicates = state?.id?.value === analysis.id?.value ? this.duplicatesFor(key) : undefined;
    return finishCharter(analysis, duplicates);
  }

  dispose(): void {
    for (const cancel of this.timers.values()) cancel();
    this.timers.clear();
    this.pending.clear();
    this.finishPasses(true);
  }
}
