import * as fs from "node:fs";
import * as path from "node:path";
import {
  fileJobKey,
  isRecord,
  readCharterText,
  readRegularFile,
  type FileJob,
  type FileSummary,
  type SummarizeFiles,
} from "../../core/src";
import { refuseToOverwriteInputs } from "./run-inputs";
import { writeFileAtomic } from "./write-file";

/**
 * `check --cache`: the summary of each charter checked, kept in a file between runs, with the
 * key of what it was computed from (`fileJobKey`: the text, the rules, today, the program, the
 * tool's version). A charter whose key is unchanged is not analysed again; the cross-file
 * findings (duplicate-id) are still computed over every file, from the summaries. A cache file
 * that is not ours, of another version, or damaged is ignored and written anew. The file holds
 * the charters of the last run only.
 */

export const DEFAULT_CACHE_FILE = ".partner-charter-cache";
const FORMAT = "partner-charter-check-cache";
const FORMAT_VERSION = 1;
/** A cache file over this size is not read (it is no cache of ours). */
const MAX_CACHE_BYTES = 512 * 1024 * 1024;

/** A summary as the cache stores it: without the text, which is read from the file each run. */
type Entry = { key: string; summary: Omit<FileSummary, "text"> };

/** Where `--cache-location` puts the cache: the file given, or the default name in the folder given. */
export function cacheFile(given: string | undefined, cwd: string): string {
  if (given === undefined) return path.join(cwd, DEFAULT_CACHE_FILE);
  const target = path.resolve(cwd, given);
  const isFolder = given.endsWith("/") || given.endsWith(path.sep) || isDirectory(target);
  const file = isFolder ? path.join(target, DEFAULT_CACHE_FILE) : target;
  refuseToOverwriteInputs(file, given, "--cache-location");
  return file;
}

function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

function isEntry(value: unknown): value is Entry {
  if (!isRecord(value) || typeof value.key !== "string" || !isRecord(value.summary)) return false;
  const { findings, syntaxFindings, scored } = value.summary;
  return Array.isArray(findings) && Array.isArray(syntaxFindings) && typeof scored === "boolean";
}

export class CheckCache {
  private readonly previous: Map<string, Entry>;
  private readonly next = new Map<string, Entry>();

  constructor(
    readonly file: string,
    private readonly version: string,
  ) {
    this.previous = this.read();
  }

  /** The entries of the cache file; none when it is missing, not ours, of another version or damaged. */
  private read(): Map<string, Entry> {
    const entries = new Map<string, Entry>();
    const read = readRegularFile(this.file, MAX_CACHE_BYTES);
    if (!read.ok) return entries;
    let data: unknown;
    try {
      data = JSON.parse(read.bytes.toString("utf8"));
    } catch {
      return entries;
    }
    if (!isRecord(data) || data.format !== FORMAT || data.formatVersion !== FORMAT_VERSION) return entries;
    if (data.version !== this.version || !isRecord(data.files)) return entries;
    for (const [file, entry] of Object.entries(data.files)) if (isEntry(entry)) entries.set(file, entry);
    return entries;
  }

  /**
   * The per-file work with the cache in front: each file is read here and its key computed;
   * a file whose key is in the cache takes its summary from there, the others go to the work
   * `summarizeMisses` returns for their number (the worker pool sized for them).
   */
  summarizer(summarizeMisses: (count: number) => SummarizeFiles): SummarizeFiles {
    return async (jobs) => {
      const results: FileSummary[] = new Array(jobs.length);
      const misses: { index: number; job: FileJob; key?: string }[] = [];
      jobs.forEach((job, index) => {
        const read = job.text !== undefined ? { text: job.text } : readCharterText(job.file);
        // An unreadable file is not cached: its finding comes from the per-file work, as without a cache.
        if ("finding" in read) return misses.push({ index, job });
        const key = fileJobKey(job, read.text, this.version);
        const entry = this.previous.get(job.file);
        if (entry?.key === key) {
          results[index] = { ...entry.summary, text: read.text };
          this.next.set(job.file, entry);
        } else misses.push({ index, job: { ...job, text: read.text }, key });
      });
      const fresh = await summarizeMisses(misses.length)(misses.map(({ job }) => job));
      misses.forEach(({ index, job, key }, i) => {
        const summary = fresh[i]!;
        results[index] = summary;
        if (key === undefined) return;
        const { text: _text, ...stored } = summary;
        this.next.set(job.file, { key, summary: stored });
      });
      return results;
    };
  }

  /**
   * Writes the cache (atomically) with the charters of this run. A cache that cannot be
   * written costs the next run its time, not this run its result: the reason is returned.
   */
  save(): string | undefined {
    const data = {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      version: this.version,
      files: Object.fromEntries(this.next),
    };
    try {
      writeFileAtomic(this.file, JSON.stringify(data));
      return undefined;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    }
  }
}
