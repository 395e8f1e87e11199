import * as fs from "node:fs";
import * as path from "node:path";
import {
  charterSkeleton,
  containsPlaceholder,
  localToday,
  programCharterSkeleton,
  programForNewCharter,
  programSkeleton,
  slugify,
  type ProgramRef,
  type ProgramTier,
  type Tier,
} from "../../../core/src";
import { TIER_LABELS } from "../../../core/src/render";
import { parseCommandArgs } from "../args";
import { UsageError } from "../errors";
import { relativePath } from "../report";
import { parseDateOption } from "../today";
import type { CommandContext } from "./command";
import { writeFileAtomic } from "../write-file";

export const INIT_HELP = `Usage: partner-charter init [FILE] [options]

Writes a new charter skeleton (default FILE: new.partner.yaml) with TODO where the two
sides must decide. Inside a partner program's folder, the charter names the program, and
meets the requirements of its tier (the program's tier names are accepted by --tier).
With --program, writes a partner program skeleton instead (default FILE:
partner.partner-program.yaml). It never overwrites an existing file.

Options:
  --tier T            integration | partnership | strategic, or a tier name of the program
                      (default: partnership, else the program's lowest tier)
  --program           write a partner program (*.partner-program.yaml)
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
    program: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    process.stdout.write(`${INIT_HELP}\n`);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError("init: give at most one FILE.");
  const today = parseDateOption("--today", values.today) ?? localToday();
  const given = positionals[0] ?? (values.program ? "partner.partner-program.yaml" : "new.partner.yaml");
  const file = path.resolve(context.cwd, given);
  const shown = relativePath(context.cwd, file);
  if (fs.existsSync(file)) {
    throw new UsageError(`"${given}" already exists; init never overwrites a file. Choose another name.`);
  }
  if (values.program) {
    if (values.tier !== undefined || values.partner !== undefined) {
      throw new UsageError("--program writes a program: --tier and --partner are for charters.");
    }
    const id = slugify(path.basename(file).replace(/(\.partner-program)?\.ya?ml$/, "")) || "partner-program";
    write(file, given, programSkeleton(id));
    process.stdout.write(
      `Created ${shown}: a partner program with three tiers.\n\nNext steps:\n  1. Replace every TODO with what the program decides.\n  2. Check it:  partner-charter check ${shown}\n  3. Create its charters in this folder:  partner-charter init`,
    );
    process.stdout.write(
      `${/\.partner-program\.ya?ml$/.test(file) ? "" : `\nNote: name it *.partner-program.yaml so its charters find it.`}\n`,
    );
    return 0;
  }
  const program = programForNewCharter(file);
  const chosen = chooseTier(values.tier, program);
  const input = { tier: chosen.level, partnerName: values.partner ?? "", today, owner: values.owner };
  const text =
    program && chosen.programTier ? programCharterSkeleton(input, program, chosen.programTier) : charterSkeleton(input);
  write(file, given, text);
  const tier = chosen.level;
  const tierWords = chosen.programTier ? `${chosen.programTier.name} (${TIER_LABELS[tier]})` : TIER_LABELS[tier];
  const out = [
    `Created ${shown}: a ${tierWords} charter${values.partner ? ` with ${values.partner}` : ""}${program ? ` in ${programName(program)}` : ""}.`,
  ];
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

/** The tier asked for (a level, or a tier name of the program), else the default. */
function chooseTier(
  asked: string | undefined,
  program: ProgramRef | undefined,
): { level: Tier; programTier?: ProgramTier } {
  const tiers = program?.tiers ?? [];
  if (asked === undefined) {
    const programTier = tiers.find((tier) => tier.tier === "partnership") ?? tiers[0];
    return { level: programTier?.tier ?? "partnership", programTier };
  }
  const programTier = tiers.find((tier) => tier.tier === asked || tier.name.toLowerCase() === asked.toLowerCase());
  if (programTier) return { level: programTier.tier, programTier };
  if (program) {
    const offered = tiers.map((tier) => `${tier.name} (${tier.tier})`).join(", ");
    throw new UsageError(`${programName(program)} does not offer the tier "${asked}". Use one of: ${offered}.`);
  }
  if (!TIERS.includes(asked as Tier)) throw new UsageError(`Unknown tier "${asked}". Use one of: ${TIERS.join(", ")}.`);
  return { level: asked as Tier };
}

/** The program as a sentence names it: its title, else (a title still to decide) its id. */
function programName(program: ProgramRef): string {
  return program.title && !containsPlaceholder(program.title) ? program.title : `the program ${program.id ?? "here"}`;
}

function write(file: string, given: string, text: string): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    writeFileAtomic(file, text, { overwrite: false });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new UsageError(`"${given}" already exists; init never overwrites a file.`);
    throw new UsageError(`Cannot write "${given}": ${code ?? "write error"}.`);
  }
}
