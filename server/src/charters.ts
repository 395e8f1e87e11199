import * as fs from "node:fs";
import * as path from "node:path";
import type { TextDocument } from "vscode-languageserver-textdocument";
import {
  analyzeCharter,
  buildPortfolio,
  finishCharter,
  portfolioEntry,
  readCharterText,
  unreadableAnalysis,
  type CharterAnalysis,
  type CharterResult,
  type Finding,
  type Portfolio,
  type PortfolioEntry,
  programMember,
} from "../../core/src";
import { isInSkippedFolder, isProgramFileName } from "../../core/src/workspace";
import { ProgramCache } from "./program-cache";
import { ClosedFileQueue, type Cancellation, type Progress } from "./closed-file-queue";
import { ConfigCache } from "./config-cache";
import { IdIndex } from "./id-index";
import { KnownCharters } from "./known-charters";
import { LruCache } from "./lru";
import { OpenDocumentScheduler } from "./open-scheduler";
import { DEFAULT_SETTINGS, localToday, type ServerSettings } from "./settings";
import { fileKey, pathToUri, uriToPath } from "./uris";
import { WorkspaceFolders } from "./workspace-folders";

/**
 * The server's model of the workspace: it does what `checkFiles` does for the CLI, with the
 * editor's text for open documents, and calls `publish` with findings; it never speaks LSP
 * itself. Its parts: the config files (config-cache.ts), every charter's id for duplicate-id
 * across files (id-index.ts), when open documents are validated (open-scheduler.ts), the
 * background validation of closed files (closed-file-queue.ts) and the workspace folders
 * (workspace-folders.ts), every charter known and what is shown for it (known-charters.ts).
 * This class keeps what they share: which charters are open, one analysis per open document
 * version, and the results of closed files.
 */

/** Closed files whose findings are kept for re-publishing without re-reading them. */
export const CLOSED_CACHE_SIZE = 2000;

export interface Publisher {
  /** Shows the findings of a file (empty clears it); `version` only for open documents. */
  publish(uri: string, findings: readonly Finding[], version?: number): void;
  log(message: string): void;
  error(message: string): void;
  /** The portfolio changed (a charter's entry or findings, or the set of charters). */
  portfolioChanged?(): void;
}

interface OpenAnalysis {
  version: number;
  stamp: string;
  analysis: CharterAnalysis;
  finished?: { duplicates: string; result: CharterResult };
  /** What the version contributes to the portfolio (computed when first shown). */
  portfolio?: PortfolioEntry;
}

/** A partner program file, by its path or key: checked as its own kind, never a row of the portfolio. */
function isProgramFile(file: string): boolean {
  return isProgramFileName(path.basename(file));
}

interface ClosedResult {
  stamp: string;
  duplicates: string;
  findings: Finding[];
  portfolio: PortfolioEntry | undefined;
}

export class Charters {
  settings: ServerSettings = DEFAULT_SETTINGS;
  readonly folders: WorkspaceFolders;
  readonly configs: ConfigCache;
  readonly programs: ProgramCache;

  private readonly ids = new IdIndex();
  private readonly scheduler: OpenDocumentScheduler;
  private readonly queue: ClosedFileQueue;
  private readonly known: KnownCharters;
  /** Open charters: key → the URI the client uses. */
  private readonly open = new Map<string, string>();
  private readonly openAnalyses = new Map<string, OpenAnalysis>();
  private readonly closedResults = new LruCache<string, ClosedResult>(CLOSED_CACHE_SIZE);
  /** Changes whenever the settings or a config file change. */
  private generation = 0;

  constructor(
    documents: { get(uri: string): TextDocument | undefined; all(): TextDocument[] },
    publisher: Publisher,
    createProgress: (title: string, total: number) => Promise<Progress | undefined>,
  ) {
    const enabled = (): boolean => this.enabled;
    this.known = new KnownCharters(
      (uri, findings, version) => publisher.publish(uri, findings, version),
      () => publisher.portfolioChanged?.(),
    );
    this.folders = new WorkspaceFolders(publisher.error);
    this.configs = new ConfigCache({
      documents,
      rootFor: (file) => this.folders.rootFor(file),
      settings: () => this.settings,
      publish: (uri, findings) => publisher.publish(uri, findings),
    });
    this.programs = new ProgramCache({
      documents,
      rootFor: (file) => this.folders.rootFor(file),
      rulesFor: (file) => this.configs.rulesFor(file),
      today: () => this.today(),
    });
    this.scheduler = new OpenDocumentScheduler({
      enabled,
      current: (uri) => (this.isOpen(uri) ? documents.get(uri) : undefined),
      check: (document) => this.resultFor(document).findings,
      publish: (uri, findings, version) =>
        this.known.show(fileKey(uri), uri, findings, version, this.openPortfolioEntry(fileKey(uri), version)),
      error: publisher.error,
    });
    this.queue = new ClosedFileQueue({
      enabled,
      validate: (key) => this.validateClosed(key),
      error: publisher.error,
      createProgress,
    });
  }

  get enabled(): boolean {
    return this.settings.validateEnabled;
  }

  /** The date the date-relative rules compare with: the one place the server reads the clock. */
  today(): string {
    return this.settings.today ?? localToday();
  }

  /** Changes whenever something a finding depends on (settings, configs, today) changes. */
  private stamp(): string {
    return `${this.generation}|${this.today()}`;
  }

  // ---------------------------------------------------------------------------------------
  // Settings and config files

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
      this.configs.settingsChanged();
    }
    if (!settings.validateEnabled) {
      if (before.validateEnabled) this.clearAll();
      return false;
    }
    if (!before.validateEnabled) {
      this.configs.showAll();
      return true;
    }
    if (rulesChanged) void this.recheckAll();
    return false;
  }

  /** A config file was created, changed or deleted: every charter may be affected. */
  configChanged(configPath?: string): void {
    this.configs.reload(configPath);
    this.programs.invalidate();
    this.generation++;
    void this.recheckAll();
  }

  /**
   * A program file was edited, created, changed on disk or deleted: every charter that belongs
   * to it (its folder and below), open or closed, is checked again, and the other program files
   * of its folder (a conflict may have appeared or gone).
   */
  programChanged(file: string): void {
    this.programs.invalidate();
    this.generation++;
    const folder = path.dirname(file) + path.sep;
    const below = (key: string): boolean => key.startsWith(folder);
    for (const [key, uri] of this.open) if (below(key) && key !== file) this.scheduler.schedule(uri, 0);
    if (this.enabled) this.queue.enqueue(this.known.keys().filter((key) => below(key) && !this.open.has(key)));
  }

  /** The analysis of a file's text: a program file as its own kind, a charter against its program. */
  private analyzeText(text: string, file: string | undefined, key: string): CharterAnalysis {
    const rules = this.configs.rulesFor(file);
    if (file && isProgramFile(file)) return this.programs.analysis(file, text);
    const program = file ? this.programs.settingFor(file) : {};
    const analysis = analyzeCharter(text, { today: this.today(), rules, program });
    const member = file ? programMember(file, analysis, program) : undefined;
    for (const programFile of this.programs.updateMember(key, member)) this.refresh(programFile);
    return analysis;
  }

  /** The findings that come from other files: duplicate ids of a charter; a program's conflict and capacity. */
  private crossFile(key: string): Finding[] | undefined {
    if (isProgramFile(key)) return this.programs.crossFileFindings(key);
    return this.ids.duplicatesFor(key);
  }

  /** Validation turned off: every diagnostic disappears. */
  private clearAll(): void {
    this.scheduler.cancelAll();
    this.queue.stop();
    this.known.clearShown();
    this.configs.clearShown();
  }

  // ---------------------------------------------------------------------------------------
  // Known charters and their ids

  private updateIndex(key: string, uri: string, file: string | undefined, analysis: CharterAnalysis): void {
    this.known.rename(key, uri);
    // Untitled documents have no place in the workspace: they never collide.
    // Program ids need not be unique (duplicate-id is about charters).
    const id = file && !isProgramFile(file) ? analysis.id : undefined;
    const affected = this.ids.update(key, uri, id);
    for (const other of affected) this.refresh(other);
  }

  private removeFile(key: string): void {
    this.closedResults.delete(key);
    this.queue.drop(key);
    for (const programFile of this.programs.updateMember(key, undefined)) this.refresh(programFile);
    if (!this.known.remove(key)) return;
    for (const other of this.ids.remove(key)) this.refresh(other);
  }

  /** Re-validates a file soon (its duplicates changed). */
  private refresh(key: string): void {
    const uri = this.open.get(key);
    if (uri) this.scheduler.schedule(uri, 0);
    else if (this.known.has(key)) this.queue.enqueue([key]);
  }

  // ---------------------------------------------------------------------------------------
  // Open documents

  isOpen(uri: string): boolean {
    return this.open.has(fileKey(uri));
  }

  opened(uri: string): void {
    const key = fileKey(uri);
    this.open.set(key, uri);
    this.queue.drop(key);
    this.scheduler.edited(uri);
  }

  changed(uri: string): void {
    this.scheduler.edited(uri);
  }

  /** The editor closed a document; `onDisk`: its file is a charter to keep validating from disk. */
  closed(uri: string, onDisk = true): void {
    const key = fileKey(uri);
    this.scheduler.cancel(uri);
    this.open.delete(key);
    this.openAnalyses.delete(key);
    const file = uriToPath(uri);
    if (onDisk && file && fs.existsSync(file) && this.enabled)
      this.queue.enqueue([key]); // back to the text on disk
    else this.removeFile(key);
  }

  /** The analysis of the document's current version (computed once per version). */
  analysisFor(document: TextDocument): OpenAnalysis {
    const key = fileKey(document.uri);
    const stamp = this.stamp();
    const cached = this.openAnalyses.get(key);
    if (cached && cached.version === document.version && cached.stamp === stamp) return cached;
    const file = uriToPath(document.uri);
    const analysis = this.analyzeText(document.getText(), file, key);
    const entry: OpenAnalysis = { version: document.version, stamp, analysis };
    if (this.open.has(key)) {
      this.openAnalyses.set(key, entry);
      this.updateIndex(key, document.uri, file, analysis);
    }
    return entry;
  }

  /** What the open document's analysed version contributes to the portfolio (once per version). */
  private openPortfolioEntry(key: string, version: number | undefined): PortfolioEntry | undefined {
    const entry = this.openAnalyses.get(key);
    if (!entry || entry.version !== version || isProgramFile(key)) return undefined;
    return (entry.portfolio ??= portfolioEntry(entry.analysis));
  }

  /** The portfolio of every charter known, open and closed, from their last validation. */
  portfolio(horizon: number): Portfolio {
    const inputs = this.known.portfolioInputs((key, uri) => {
      const file = uriToPath(uri) ?? key;
      const root = this.folders.rootFor(file);
      return (root ? path.relative(root, file) : file).split(path.sep).join("/");
    });
    return buildPortfolio(inputs, { today: this.today(), horizon });
  }

  /** The findings of the document's current version, with suppressions and duplicates applied. */
  resultFor(document: TextDocument): CharterResult {
    const entry = this.analysisFor(document);
    const duplicates = this.crossFile(fileKey(document.uri));
    const signature = JSON.stringify(duplicates ?? null);
    if (entry.finished?.duplicates !== signature) {
      entry.finished = { duplicates: signature, result: finishCharter(entry.analysis, duplicates) };
    }
    return entry.finished.result;
  }

  // ---------------------------------------------------------------------------------------
  // Closed files

  /** Validates a file from disk (it is not open in the editor). */
  private validateClosed(key: string): void {
    if (this.open.has(key) || !this.enabled) return;
    const file = uriToPath(key) ?? key;
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(file);
    } catch {
      // gone or unreadable: forgotten below
    }
    if (!stat?.isFile()) return this.removeFile(key);
    const uri = this.known.uriOf(key) ?? pathToUri(file);
    const stamp = `${this.stamp()}|${stat.mtimeMs}|${stat.size}`;
    const cached = this.closedResults.get(key);
    if (cached && cached.stamp === stamp && this.known.has(key)) {
      const duplicates = JSON.stringify(this.crossFile(key) ?? null);
      if (cached.duplicates === duplicates)
        return this.known.show(key, uri, cached.findings, undefined, cached.portfolio);
    }
    const analysis = this.analyzeFile(file, true)!;
    this.updateIndex(key, uri, file, analysis);
    const duplicates = this.crossFile(key);
    const result = finishCharter(analysis, duplicates);
    // a program file is not a row of the portfolio (its tiers name the rows of its charters)
    const portfolio = isProgramFile(key) ? undefined : portfolioEntry(analysis);
    this.closedResults.set(key, {
      stamp,
      duplicates: JSON.stringify(duplicates ?? null),
      findings: result.findings,
      portfolio,
    });
    this.known.show(key, uri, result.findings, undefined, portfolio);
  }

  /** A charter on disk; one that cannot be read is a finding when `unreadable` asks for it. */
  private analyzeFile(file: string, unreadable: boolean): CharterAnalysis | undefined {
    const read = readCharterText(file);
    if ("finding" in read && !unreadable) return undefined;
    if ("finding" in read) return unreadableAnalysis(read.finding, this.configs.rulesFor(file));
    return this.analyzeText(read.text, file, fileKey(pathToUri(file)));
  }

  /** A charter file on disk was created or changed (not open in the editor). */
  fileChanged(uri: string): void {
    const file = uriToPath(uri);
    if (!file || isInSkippedFolder(file)) return;
    const key = fileKey(uri);
    if (this.open.has(key)) return; // the editor's text wins
    this.known.add(key, uri);
    this.queue.enqueue([key]);
    if (isProgramFile(file)) this.programChanged(file);
  }

  fileDeleted(uri: string): void {
    const key = fileKey(uri);
    if (this.open.has(key)) return;
    this.removeFile(key);
    if (isProgramFile(key)) this.programChanged(key);
  }

  /** Validates these closed files; resolves when all are done, or once the pass is cancelled. */
  private runPass(keys: string[], cancel?: Cancellation): Promise<void> {
    return this.queue.runPass(
      keys.filter((key) => !this.open.has(key)),
      cancel,
    );
  }

  /** Re-validates every known charter: open ones now, closed ones in the background. */
  async recheckAll(): Promise<void> {
    if (!this.enabled) return;
    for (const uri of this.open.values()) this.scheduler.schedule(uri, 0);
    await this.runPass(this.known.keys());
  }

  /**
   * Validates the whole workspace: the files found by `scan` (charters and config files) plus
   * the open documents; forgets closed files that no longer exist.
   */
  async validateWorkspace(found: { charters: string[]; configs: string[] }, cancel?: Cancellation): Promise<void> {
    if (!this.enabled) return;
    for (const config of found.configs) {
      this.configs.known.add(config);
      this.configs.load(config);
    }
    const keys = new Set<string>();
    for (const file of found.charters) {
      if (isInSkippedFolder(file)) continue;
      keys.add(file);
      if (!this.known.has(file)) this.known.add(file, pathToUri(file));
    }
    // Closed files the search did not find (deleted, ignored, or outside the folders) are forgotten.
    for (const key of this.known.keys()) {
      if (!keys.has(key) && !this.open.has(key)) this.removeFile(key);
    }
    for (const uri of this.open.values()) this.scheduler.validateNow(uri);
    await this.runPass([...keys], cancel);
    // Open documents may have been affected by ids found on disk meanwhile.
    for (const uri of this.open.values()) this.scheduler.validateNow(uri);
  }

  /** Counts over every charter and config file (after a validation). */
  totals(): { files: number; errors: number; warnings: number } {
    const charters = this.known.counts();
    const configs = this.configs.shownCounts();
    return {
      files: this.known.size,
      errors: charters.errors + configs.errors,
      warnings: charters.warnings + configs.warnings,
    };
  }

  /** Findings of a charter on disk that is not open, computed now (for `partnerCharter/model`). */
  resultFromDisk(file: string): CharterResult | undefined {
    const analysis = this.analyzeFile(file, false);
    if (!analysis) return undefined;
    const key = fileKey(pathToUri(file));
    const duplicates = isProgramFile(file)
      ? this.crossFile(key)
      : this.ids.idOf(key)?.value === analysis.id?.value
        ? this.ids.duplicatesFor(key)
        : undefined;
    return finishCharter(analysis, duplicates);
  }

  dispose(): void {
    this.scheduler.cancelAll();
    this.queue.stop();
  }
}
