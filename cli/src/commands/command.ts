export interface CommandContext {
  cwd: string;
  version: string;
}

/** A subcommand: takes its arguments, returns the exit code; throws UsageError for exit 2. */
export type Command = {
  summary: string;
  run(args: string[], context: CommandContext): number | Promise<number>;
};
