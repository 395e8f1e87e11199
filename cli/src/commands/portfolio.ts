import { createColors } from "picocolors";
import {
  buildPortfolio,
  checkFiles,
  DEFAULT_HORIZON,
  localToday,
  portfolioEntry,
  PORTFOLIO_FORMATS,
  type PortfolioEntry,
} from "../../../core/src";
import { chooseFormat, configOption, parseCommandArgs, parseCount } from "../args";
import { collectCharterFiles } from "../collect-files";
import { colorAllowed, writeOutput } from "../output";
import { relativePath } from "../report";
import { parseDateOption } from "../today";
import type { CommandContext } from "./command";

const FORMATS = Object.keys(PORTFOLIO_FORMATS) as (keyof typeof PORTFOLIO_FORMATS)[];

export const PORTFOLIO_HELP = `Usage: partner-charter portfolio [PATH…] [options]

Every partnership at a glance: one row per charter (partner, tier, status, stage, next
milestone, owner, health), what needs attention (decisions overdue or due soon, launches
with open checklist items, reviews overdue, outdated signatures, charters with errors) and
totals. PATH as for "check" (no PATH: the current folder).

Options:
  --format F          ${FORMATS.join(" | ")} (default: stylish)
  --output FILE       write the report to FILE instead of stdout
  --today YYYY-MM-DD  fix "today" (stages, milestones, what is overdue)
  --horizon DAYS      how far ahead "coming up" looks (default: ${DEFAULT_HORIZON})
  --config FILE       use this config instead of discovering .partner-charter.yaml

Exit codes: 0 the report was written (it is a report, not a gate: "check" is the gate),
2 the command could not run.`;

export function runPortfolio(args: string[], context: CommandContext): number {
  const { values, positionals } = parseCommandArgs("portfolio", args, {
    format: { type: "string" },
    output: { type: "string" },
    today: { type: "string" },
    horizon: { type: "string" },
    config: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    process.stdout.write(`${PORTFOLIO_HELP}\n`);
    return 0;
  }
  const format = chooseFormat(values.format, FORMATS);
  const today = parseDateOption("--today", values.today) ?? localToday();
  const horizon = parseCount("--horizon", values.horizon) ?? DEFAULT_HORIZON;
  const configFile = configOption(values.config, context.cwd);
  const files = collectCharterFiles(positionals, { cwd: context.cwd });
  const result = checkFiles(files, { today, configFile, retain: "findings", summarize: portfolioEntry });
  const portfolio = buildPortfolio(
    // program files are checked with the charters (their tiers name the rows'), not rows themselves
    result.charters
      .filter((outcome) => !outcome.program)
      .map(({ file, result: charter, summary }) => ({
        file: relativePath(context.cwd, file),
        entry: summary as PortfolioEntry,
        findings: charter.findings,
      })),
    { today, horizon },
  );
  const color = values.output === undefined && format === "stylish" && colorAllowed(process.stdout);
  const c = createColors(color);
  const text = PORTFOLIO_FORMATS[format](portfolio, { horizon, style: { bold: c.bold, dim: c.dim, overdue: c.red } });
  writeOutput(text, values.output, context.cwd);
  return 0;
}
