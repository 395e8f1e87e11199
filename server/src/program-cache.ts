import * as path from "node:path";
import type { TextDocument } from "vscode-languageserver-textdocument";
import {
  analyzeProgram,
  programConflictFindings,
  programEntry,
  programFilesIn,
  ProgramFinder,
  programSetting,
  readCharterText,
  tierCapacityFindings,
  unreadableAnalysis,
  type Finding,
  type ProgramAnalysis,
  type ProgramMember,
  type ProgramSetting,
  type RulesConfig,
} from "../../core/src";
import { isProgramFileName } from "../../core/src/workspace";
import { fileKey } from "./uris";

/**
 * The partner program files of the workspace: which one applies to a charter (the nearest, no
 * higher than the workspace folder: the same discovery as the CLI), each read once until one
 * changes (the editor's text wins over the disk while it is open), what each charter is in its
 * program (for `tier-capacity` across the workspace), and the cross-file findings of a program
 * file (`program-conflict`, `tier-capacity`).
 */

export interface ProgramCacheContext {
  documents: { all(): TextDocument[] };
  rootFor(file: string): string | undefined;
  rulesFor(file: string): RulesConfig;
  today(): string;
}

export class ProgramCache {
  private readonly finders = new Map<string, ProgramFinder>();
  private readonly analyses = new Map<string, ProgramAnalysis>();
  /** What each charter (by key) is in its program. */
  private readonly members = new Map<string, ProgramMember>();

  constructor(private readonly context: ProgramCacheContext) {}

  /** The program a charter is judged against (none, one, or a conflict). */
  settingFor(file: string): ProgramSetting {
    return programSetting(this.filesFor(file), (found) => this.analysis(found).ref);
  }

  /** The program files that apply to a charter. */
  filesFor(file: string): readonly string[] {
    const root = this.context.rootFor(file) ?? "";
    let finder = this.finders.get(root);
    if (!finder) {
      finder = new ProgramFinder({ root: root || undefined, extraFiles: this.openPrograms() });
      this.finders.set(root, finder);
    }
    return finder.programFilesFor(file);
  }

  /** The analysis of a program file: the editor's text when it is open, else the disk's (read once). */
  analysis(file: string, text?: string): ProgramAnalysis {
    if (text !== undefined) {
      const fresh = analyzeProgram(text, file, { today: this.context.today(), rules: this.context.rulesFor(file) });
      this.analyses.set(file, fresh);
      return fresh;
    }
    let analysis = this.analyses.get(file);
    if (!analysis) {
      const rules = this.context.rulesFor(file);
      const open = this.openDocument(file)?.getText();
      const read = open !== undefined ? { text: open } : readCharterText(file);
      analysis =
        "finding" in read
          ? { ...unreadableAnalysis(read.finding, rules), ref: { file } }
          : analyzeProgram(read.text, file, { today: this.context.today(), rules });
      this.analyses.set(file, analysis);
    }
    return analysis;
  }

  /** A program file changed, appeared or disappeared: every program is read again, and found again. */
  invalidate(): void {
    this.finders.clear();
    this.analyses.clear();
  }

  /**
   * Records what a charter is in its program; returns the program files whose `tier-capacity`
   * may have changed (the charter's old and new program, when its summary changed).
   */
  updateMember(key: string, member: ProgramMember | undefined): string[] {
    const before = this.members.get(key);
    if (member) this.members.set(key, member);
    else this.members.delete(key);
    if (JSON.stringify(before ?? null) === JSON.stringify(member ?? null)) return [];
    return [...new Set([before?.programFile, member?.programFile].filter((file): file is string => !!file))];
  }

  /** The cross-file findings of a program file: a conflict with a program of its folder, and its tiers' capacity. */
  crossFileFindings(file: string): Finding[] {
    const siblings = programFilesIn(
      path.dirname(file),
      this.openPrograms().filter((open) => path.dirname(open) === path.dirname(file)),
    );
    const entries = [...new Set([file, ...siblings])].map((program) => programEntry(this.analysis(program)));
    const members = [...this.members.values()].filter((member) => member.programFile === file);
    return [
      ...(programConflictFindings(entries).get(file) ?? []),
      ...(tierCapacityFindings(entries, members).get(file) ?? []),
    ];
  }

  private openPrograms(): string[] {
    return this.context.documents
      .all()
      .map((document) => fileKey(document.uri))
      .filter((file) => path.isAbsolute(file) && isProgramFileName(path.basename(file)));
  }

  private openDocument(file: string): TextDocument | undefined {
    return this.context.documents.all().find((document) => fileKey(document.uri) === file);
  }
}
