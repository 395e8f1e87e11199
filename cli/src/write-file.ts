import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { readRegularFile, type FileRead } from "../../core/src/engine/read-file";

/**
 * Every file the CLI writes goes through `writeFileAtomic`: the content goes to a temporary
 * file in the same folder, which then takes the target's place in one step (a rename). An
 * interrupted or failed write (a full disk, a size limit) leaves the old file as it was, never
 * half a file. An existing file keeps its mode (permissions).
 *
 * A command that rewrites a file it read (`sign`) also passes what it read: the write is
 * refused when the file on disk is no longer that file (another writer saved it meanwhile),
 * so the other writer's work is never lost. The file stays open from the read to the write:
 * while it is open, its inode cannot be given to a file that replaces it, so a replacement
 * always shows as another file.
 */

export interface AtomicWriteOptions {
  /** False: refuse (EEXIST) when the target exists, as `init` does. Default: true. */
  overwrite?: boolean;
  /** Refuse (FileChangedError) unless the target is still the file read then. */
  unchangedSince?: ReadFile;
}

/** A file as a command read it: its bytes and its identity, held open until `close`. */
export interface ReadFile {
  readonly file: string;
  readonly bytes: Buffer;
  readonly stats: fs.Stats;
  close(): void;
}

/** The file changed on disk between the read and the write; the write did not happen. */
export class FileChangedError extends Error {
  override name = "FileChangedError";
}

/** Reads a file that will be rewritten, and keeps it open (see above) until `close`. */
export function readFileForRewrite(file: string, maxBytes: number): ReadFile | Extract<FileRead, { ok: false }> {
  const read = readRegularFile(file, maxBytes, { keepOpen: true });
  if (!read.ok) return read;
  const fd = read.fd!;
  return { file, bytes: read.bytes, stats: read.stats, close: () => fs.closeSync(fd) };
}

/** Why the file at `read.file` is no longer the file that was read; undefined when it is. */
export function changedSince(read: ReadFile): string | undefined {
  let now: fs.Stats;
  try {
    now = fs.statSync(read.file);
  } catch {
    return "it was deleted or moved";
  }
  if (now.dev !== read.stats.dev || now.ino !== read.stats.ino) return "another file took its place";
  if (now.size !== read.stats.size || now.mtimeMs !== read.stats.mtimeMs) return "it was changed";
  // Same size and time stamp (a coarse clock, or a writer that restores it): compare the bytes.
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(read.file);
  } catch {
    return "it can no longer be read";
  }
  return bytes.equals(read.bytes) ? undefined : "it was changed";
}

function existing(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

export function writeFileAtomic(file: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): void {
  const stats = existing(file);
  if (stats && !stats.isFile() && options.overwrite !== false && !options.unchangedSince) {
    // A device or a pipe (`--output /dev/stdout`) is written to, not replaced.
    fs.writeFileSync(file, data);
    return;
  }
  const folder = path.dirname(file);
  const temporary = path.join(folder, `.${path.basename(file)}.${randomBytes(6).toString("hex")}.tmp`);
  const mode = stats ? stats.mode & 0o7777 : undefined;
  try {
    fs.writeFileSync(temporary, data, { flag: "wx", ...(mode !== undefined ? { mode } : {}) });
    if (mode !== undefined) fs.chmodSync(temporary, mode); // the umask may have narrowed it
    if (options.unchangedSince) {
      // As late as possible: right before the rename (no lock can close the last instant).
      const why = changedSince(options.unchangedSince);
      if (why) throw new FileChangedError(why);
    }
    if (options.overwrite === false) {
      // link() fails when the target exists: no window in which another file could be replaced.
      fs.linkSync(temporary, file);
      fs.unlinkSync(temporary);
    } else fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}
