/** A problem with the command itself (bad option, unreadable path): exit code 2, one line on stderr. */
export class UsageError extends Error {
  override name = "UsageError";
}
