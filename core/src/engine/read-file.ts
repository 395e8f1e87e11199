import * as fs from "node:fs";

/**
 * The one way the product reads a file it is given (a charter, a config file, a baseline, a
 * charter the editor has not opened): regular files only, and never more than a limit. A name
 * that leads to a device (`/dev/zero`), a pipe (which would block forever) or a socket is
 * refused before a byte is read; a file over the limit is refused by its size, and a file that
 * grows while it is read is cut off at the limit, never read to the end.
 */

export type ReadProblem = "missing" | "folder" | "not-a-file" | "too-large" | "no-permission" | "unreadable";

export type FileRead =
  | { ok: true; bytes: Buffer; stats: fs.Stats; /** Set with `keepOpen`: the caller closes it. */ fd?: number }
  | { ok: false; problem: ReadProblem; /** The size seen, for `too-large`. */ size?: number; code?: string };

const CHUNK = 64 * 1024;

export function readRegularFile(file: string, maxBytes: number, options: { keepOpen?: boolean } = {}): FileRead {
  let fd: number;
  try {
    // O_NONBLOCK: opening a pipe must not wait for a writer (it is refused just below).
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (error) {
    return failure(error);
  }
  let keep = false;
  try {
    const stats = fs.fstatSync(fd);
    if (stats.isDirectory()) return { ok: false, problem: "folder" };
    if (!stats.isFile()) return { ok: false, problem: "not-a-file" };
    if (stats.size > maxBytes) return { ok: false, problem: "too-large", size: stats.size };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK);
      const read = fs.readSync(fd, chunk, 0, CHUNK, null);
      if (read === 0) break;
      total += read;
      if (total > maxBytes) return { ok: false, problem: "too-large", size: total };
      chunks.push(chunk.subarray(0, read));
    }
    keep = options.keepOpen === true;
    return { ok: true, bytes: Buffer.concat(chunks, total), stats, ...(keep ? { fd } : {}) };
  } catch (error) {
    return failure(error);
  } finally {
    if (!keep) fs.closeSync(fd);
  }
}

function failure(error: unknown): FileRead {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT":
    case "ENOTDIR":
      return { ok: false, problem: "missing", code };
    case "EISDIR":
      return { ok: false, problem: "folder", code };
    case "EACCES":
    case "EPERM":
      return { ok: false, problem: "no-permission", code };
    default:
      return { ok: false, problem: "unreadable", code };
  }
}

/** The size of a file over the limit: exact from its metadata, "more than" when it grew while read. */
export function sizeWords(size: number | undefined, maxBytes: number): string {
  return size === undefined || size <= maxBytes + 1 ? `more than ${megabytes(maxBytes)}` : megabytes(size);
}

/** Megabytes for people: "3.4 MB", "2 MB". */
export function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

/** Why a file could not be read, as the end of a sentence ("… could not be read: it is a folder"). */
export function readProblemWords(read: Extract<FileRead, { ok: false }>, maxBytes: number): string {
  switch (read.problem) {
    case "missing":
      return "it does not exist";
    case "folder":
      return "it is a folder";
    case "not-a-file":
      return "it is not a regular file (a device, a pipe or a socket)";
    case "too-large":
      return `it is ${sizeWords(read.size, maxBytes)}, over the limit of ${megabytes(maxBytes)}`;
    case "no-permission":
      return "permission denied";
    case "unreadable":
      return `a read error (${read.code ?? "unknown"})`;
  }
}
