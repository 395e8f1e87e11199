import * as fs from "node:fs";
import * as path from "node:path";
import { charterSkeleton, localToday, type Tier } from "../../../core/src";
import { TIER_LABELS } from "../../../core/src/render";
import { parseCommandArgs } from "../args";
import { UsageError } from "../errors";
import { relativePath } from "../report";
import { parseDateOption } from "../today";
import type { CommandContext } from "./command";
import { writeFileAtomic } from "../write-file";

export const INIT_HELP = `Usage: partner-charter init [FILE] [options]

Writes a new charter skeleton (default FILE: new.partner.yaml) with TODO where the two
sides must decide. It never overwrites an existing file.

Options:
  --tier T            integration | partnership | strategic (default: partnership)
  --partner NAME      the partner's name (also gives the charter its id)
  --owner NAME        who keeps this charter current
  --today YYYY-MM-DD  the charter's "updated" date (default: today)

Exit codes: 0 written, 2 the command could not run (e.g. FILE exists).`;

const TIERS: readonly Tier[] = ["integration", "partnership", "strategic"];

export function runInit(args: string[], context: CommandContext): number {
  const { values, positionals } = parseCommandArgs("init", args, {
    tier: { type: "string" },
    partner: { type: "string" },
    owner: { type: "string" },
    today: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    process.stdout.write(`${INIT_HELP}\n`);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError("init: give at most one FILE.");
  const tier = (values.tier ?? "partnership") as Tier;
  if (!TIERS.includes(tier)) throw new UsageError(`Unknown tier "${values.tier}". Use one of: ${TIERS.join(", ")}.`);
  const today = parseDateOption("--today", values.today) ?? localToday();
  const given = positionals[0] ?? "new.partner.yaml";
  const file = path.resolve(context.cwd, given);
  const shown = relativePath(context.cwd, file);
  if (fs.existsSync(file)) {
    throw new UsageError(`"${given}" already exists; init never overwrites a file. Choose another name.`);
  }
  const text = charterSkeleton({ tier, partnerName: values.partner ?? "", today, owner: values.owner });
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    writeFileAtomic(file, text, { overwrite: false });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new UsageError(`"${given}" already exists; init never overwrites a file.`);
    throw new UsageError(`Cannot write "${given}": ${code ?? "write error"}.`);
  }
  const out = [`Created ${shown}: a ${TIER_LABELS[tier]} charter${values.partner ? ` with ${values.partner}` : ""}.`];
  if (!/\.partner\.ya?ml$/.test(file)) {
    out.push(`Note: name it *.partner.yaml so the editor and "partner-charter check" find it.`);
  }
  out.push(
    "",
    "Next steps:",
    "  1. Replace every TODO with what the two sides agreed.",
    `  2. Check it:  partner-charter check ${shown}`,
    `  3. Share it:  partner-charter render ${shown} --output ${shown.replace(/\.ya?ml$/, "")}.html`,
    `  4. Sign it:   partner-charter sign ${shown} --party us --name "Your Name"`,
  );
  process.stdout.write(`${out.join("\n")}\n`);
  return 0;
}
