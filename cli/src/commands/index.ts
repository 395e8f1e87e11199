import { runCheck } from "./check";
import type { Command } from "./command";
import { runDiff } from "./diff";
import { runInit } from "./init";
import { runPortfolio } from "./portfolio";
import { runRender } from "./render";

/** Every subcommand of `partner-charter`. Add one by listing it here. */
export const COMMANDS: Record<string, Command> = {
  check: { summary: "validate charters (files, folders, globs)", run: runCheck },
  render: { summary: "render a charter as one HTML or Markdown page", run: runRender },
  init: { summary: "write a new charter skeleton", run: runInit },
  diff: { summary: "what changed between two versions of a charter", run: runDiff },
  portfolio: { summary: "every partnership at a glance: stages, milestones, what needs attention", run: runPortfolio },
  sign: { summary: "sign a charter for one party", run: async (a, c) => (await import("./sign")).runSign(a, c) },
};
