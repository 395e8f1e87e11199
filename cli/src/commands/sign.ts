import * as fs from "node:fs";
import * as path from "node:path";
import {
  checkFiles,
  decodeCharterBytes,
  localToday,
  PARTIES,
  plural,
  signCharter,
  type Finding,
  type Party,
  type SignRequest,
} from "../../../core/src";
import { parseCommandArgs } from "../args";
import { UsageError } from "../errors";
import { relativePath } from "../report";
import { parseDateOption } from "../today";
import { writeFileAtomic } from "../write-file";
import type { CommandContext } from "./command";

export const SIGN_HELP = `Usage: partner-charter sign FILE --party us|partner --name NAME [options]

Adds (or replaces) one party's signature in the charter FILE, with the date and the
digest of the charter's current content, editing the file in place: comments and layout
are kept. Refuses when the charter has errors (missing or outdated signatures excepted:
they are what signing fixes).

Options:
  --party us|partner  whose signature this is (required)
  --name NAME         who signs (required)
  --title T           the signer's title (kept from the replaced signature of the same
                      person when omitted)
  --date YYYY-MM-DD   the signature date (default: today)
  --today YYYY-MM-DD  fix "today" for date-relative rules and the default date

Exit codes: 0 signed, 1 the charter has errors, 2 the command could not run.`;

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

interface SignArgs {
  shown: string;
  today: string;
  request: SignRequest;
}

/** The command line as a signing request; usage errors for anything missing or malformed. */
function signArgs(args: string[]): SignArgs | undefined {
  const { values, positionals } = parseCommandArgs("sign", args, {
    party: { type: "string" },
    name: { type: "string" },
    title: { type: "string" },
    date: { type: "string" },
    today: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) return undefined;
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0
        ? "sign: name the charter to sign, e.g. \"partner-charter sign acme.partner.yaml --party us --name 'Priya Shah'\"."
        : `sign: signs one charter at a time; got ${positionals.length} files.`,
    );
  }
  if (values.party === undefined) throw new UsageError("sign: --party is required (us or partner).");
  if (!(PARTIES as readonly string[]).includes(values.party)) {
    throw new UsageError(`sign: --party must be "us" or "partner"; got "${values.party}".`);
  }
  const name = values.name?.trim();
  if (!name) throw new UsageError("sign: --name is required: the name of the person who signs.");
  const title = values.title?.trim();
  if (values.title !== undefined && !title) throw new UsageError("sign: --title must not be empty.");
  const today = parseDateOption("--today", values.today) ?? localToday();
  const date = parseDateOption("--date", values.date) ?? today;
  return { shown: positionals[0]!, today, request: { party: values.party as Party, name, title, date } };
}

function readCharterFile(file: string, shown: string): { bytes: Buffer; text: string } {
  if (!fs.existsSync(file)) throw new UsageError(`sign: file not found: "${shown}".`);
  if (!fs.statSync(file).isFile()) throw new UsageError(`sign: "${shown}" is not a file.`);
  const bytes = fs.readFileSync(file);
  const decoded = decodeCharterBytes(bytes);
  if (decoded.finding) throw new UsageError(`sign: "${shown}" is not UTF-8 text: ${decoded.finding.message}`);
  return { bytes, text: decoded.text! };
}

function refusal(label: string, errors: readonly Finding[]): string {
  if (errors.length === 0) return `partner-charter: refusing to sign ${label}: it is not a charter that can be read.\n`;
  const lines = errors.map(
    (finding) =>
      `  ${finding.range.start.line + 1}:${finding.range.start.character + 1}  ${finding.rule}  ${finding.message}`,
  );
  return `partner-charter: refusing to sign ${label}: it has ${plural(errors.length, "error")}. Fix ${errors.length === 1 ? "it" : "them"} first, then sign:\n${lines.join("\n")}\n`;
}

export function runSign(args: string[], context: CommandContext): number {
  const parsed = signArgs(args);
  if (!parsed) {
    process.stdout.write(`${SIGN_HELP}\n`);
    return 0;
  }
  const { shown, today, request } = parsed;
  const file = path.resolve(context.cwd, shown);
  const { bytes, text } = readCharterFile(file, shown);
  const label = relativePath(context.cwd, file);
  const { result } = checkFiles([file], { today, overrides: new Map([[file, text]]) }).charters[0]!;
  const outcome = signCharter(result, request);
  if (!outcome.signed && outcome.reason !== "layout") {
    process.stderr.write(refusal(label, outcome.blocking));
    return 1;
  }
  if (!outcome.signed)
    throw new UsageError(`sign: could not add the signature to ${label} without changing anything else.`);
  const bom = bytes.subarray(0, 3).equals(UTF8_BOM) ? "\ufeff" : "";
  try {
    writeFileAtomic(file, bom + outcome.text);
  } catch (error) {
    throw new UsageError(`sign: cannot write "${shown}": ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
  }
  process.stdout.write(`Signed ${label} for ${request.party} (${request.name}), digest ${outcome.signature.digest}\n`);
  return 0;
}
