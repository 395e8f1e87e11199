import { runCheck } from "./check";
import type { Command } from "./command";

/** Every subcommand of `partner-charter`. Add one by listing it here. */
export const COMMANDS: Record<string, Command> = {
  check: { summary: "validate charters (files, folders, globs)", run: runCheck },
};
