import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";

/**
 * Every file the CLI writes is written atomically: the content goes to a temporary file in
 * the same folder, which then takes the target's place in one step (a rename). An
 * interrupted or failed write leaves the old file as it was, never half a file. An existing
 * file keeps its mode (permissions).
 */

export interface AtomicWriteOptions {
  /** False: refuse (EEXIST) when the target exists, as `init` does. Default: true. */
  overwrite?: boolean;
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
  if (stats && !stats.isFile() && options.overwrite !== false) {
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
