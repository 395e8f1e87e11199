import { showControlCharacters } from "../../core/src/text/control";
import { own } from "../../core/src/text/own";
import { COMMANDS } from "./commands";
import { UsageError } from "./errors";

/**
 * `partner-charter`: the CLI adapter over the core. Exit codes: 0 clean, 1 findings over
 * the bar, 2 the command could not run (one line on stderr, never a stack trace).
 */

declare const PARTNER_CHARTER_VERSION: string | undefined;
const VERSION = typeof PARTNER_CHARTER_VERSION === "string" ? PARTNER_CHARTER_VERSION : "0.0.0-dev";

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const lines = Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`);
  return `Usage: partner-charter <command> [options]\n\nCommands:\n${lines.join("\n")}\n\nRun "partner-charter <command> --help" for a command's options.`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === "--version" || name === "-v") {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(`${usage()}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = own(COMMANDS, name);
  if (!command) throw new UsageError(`Unknown command "${name}". Commands: ${Object.keys(COMMANDS).join(", ")}.`);
  return command.run(rest, { cwd: process.cwd(), version: VERSION });
}

// A reader that stops early (`partner-charter check | head`) is not an error of ours.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // One line, whatever a path or an argument in the message holds.
    if (error instanceof UsageError) {
      process.stderr.write(`partner-charter: ${showControlCharacters(error.message)}\n`);
    } else {
      const detail = process.env.PARTNER_CHARTER_DEBUG ? `\n${(error as Error).stack}` : "";
      const message = showControlCharacters((error as Error)?.message ?? String(error));
      process.stderr.write(`partner-charter: internal error: ${message}${detail}\n`);
    }
    process.exitCode = 2;
  },
);
