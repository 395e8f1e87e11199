import * as fs from "node:fs";
import { megabytes } from "../../core/src/engine/read-file";
import { UsageError } from "./errors";

/**
 * Standard input, read to its end but never past a limit: `cat /dev/zero | partner-charter
 * check -` stops at the limit with one line instead of filling the memory.
 */

const CHUNK = 64 * 1024;
const pause = new Int32Array(new SharedArrayBuffer(4));

export function readStandardInput(maxBytes: number, what: string): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(CHUNK);
    let read: number;
    try {
      read = fs.readSync(0, chunk, 0, CHUNK, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EAGAIN") {
        Atomics.wait(pause, 0, 0, 10); // a non-blocking pipe with nothing yet: wait a little
        continue;
      }
      if (code === "EOF") break;
      throw new UsageError(`Cannot read standard input: ${code ?? "read error"}.`);
    }
    if (read === 0) break;
    total += read;
    if (total > maxBytes) {
      throw new UsageError(
        `Standard input is more than ${megabytes(maxBytes)}; ${what} are limited to ${megabytes(maxBytes)}.`,
      );
    }
    chunks.push(chunk.subarray(0, read));
  }
  return Buffer.concat(chunks, total);
}
