import * as path from "node:path";
import {
  gitIgnoreMatcher,
  isConfigFileName,
  isInSkippedFolder,
  isWorkspaceFileName,
  searchFolder,
} from "../../core/src/workspace";

/**
 * The editor's workspace folders: which folder a file belongs to (config files are looked up
 * no higher than it) and what the folders hold (the workspace search, with the CLI's rules:
 * core/src/workspace/discover.ts).
 */
export class WorkspaceFolders {
  private roots: string[] = [];

  constructor(private readonly logError: (message: string) => void) {}

  set(roots: readonly string[]): void {
    this.roots = [...roots];
  }

  /** Folders added and removed (undefined: a folder that is not on disk). */
  change(added: readonly (string | undefined)[], removed: readonly (string | undefined)[]): void {
    const gone = new Set(removed);
    const kept = this.roots.filter((root) => !gone.has(root));
    this.roots = [...kept, ...added.filter((root) => root !== undefined)];
  }

  /** The innermost workspace folder holding `file`. */
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

  /** A file inside a workspace folder (and not under node_modules or .git). */
  contains(file: string): boolean {
    return this.rootFor(file) !== undefined && !isInSkippedFolder(file);
  }

  /** The charters and config files of every folder; a folder that cannot be searched is logged. */
  async scan(): Promise<{ charters: string[]; configs: string[] }> {
    const found = { charters: [] as string[], configs: [] as string[] };
    for (const root of this.roots) {
      try {
        const files = await searchFolder(root, isWorkspaceFileName, { skipUnreadable: true });
        for (const file of files) {
          if (isConfigFileName(path.basename(file))) found.configs.push(file);
          else found.charters.push(file);
        }
      } catch (error) {
        this.logError(`Searching ${root} for charters failed: ${String(error)}`);
      }
    }
    return found;
  }

  /** Whether files are ignored by the .gitignore files of their workspace folder. */
  async gitIgnored(files: readonly string[]): Promise<(file: string) => boolean> {
    const byRoot = new Map<string, (file: string) => boolean>();
    for (const file of files) {
      const root = this.rootFor(file);
      if (!root || byRoot.has(root)) continue;
      try {
        byRoot.set(root, await gitIgnoreMatcher(root));
      } catch (error) {
        this.logError(`Reading the .gitignore files of ${root} failed: ${String(error)}`);
      }
    }
    return (file) => {
      const root = this.rootFor(file);
      const isIgnored = root ? byRoot.get(root) : undefined;
      return !!isIgnored && isIgnored(file);
    };
  }
}
