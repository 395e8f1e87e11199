import * as path from "node:path";
import {
  checkFiles,
  decodeCharterBytes,
  localToday,
  MAX_CHARTER_BYTES,
  PARTIES,
  plural,
  readProblemWords,
  showControlCharacters,
  signCharter,
  type Finding,
  type Party,
  type ReplacedSignature,
  type SignRequest,
} from "../../../core/src";
import { parseCommandArgs } from "../args";
import { UsageError } from "../errors";
import { relativePath } from "../report";
import { parseDateOption } from "../today";
import { FileChangedError, readFileForRewrite, writeFileAtomic, type ReadFile } from "../write-file";
import type { CommandContext } from "./command";

export const SIGN_HELP = `Usage: partner-charter sign FILE --party us|partner --name NAME [options]

Adds (or replaces) one party's signature in the charter FILE, with the date and the
digest of the charter's current content, editing the file in place: comments and layout
are kept. Refuses when the charter has errors (missing or outdated signatures excepted:
they are what signing fixes), when another person already signed for that party (unless
--replace), and when the file changes on disk while it is being signed.

Options:
  --party us|partner  whose signature this is (required)
  --name NAME         who signs (required)
  --title T           the signer's title (kept from the replaced signature of the same
                      person when omitted)
  --date YYYY-MM-DD   the signature date (default: today)
  --today YYYY-MM-DD  fix "today" for date-relative rules and the default date
  --replace           replace the party's signature even when another person signed it

Exit codes: 0 signed, 1 the charter has errors or another person's signature,
2 the command could not run (nothing was written).`;

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
    replace: { type: "boolean" },
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
  const request: SignRequest = { party: values.party as Party, name, title, date, replace: values.replace ?? false };
  return { shown: positionals[0]!, today, request };
}

/** The charter, read and kept open until it is written (see write-file.ts). */
function readCharterFile(file: string, shown: string): ReadFile {
  const read = readFileForRewrite(file, MAX_CHARTER_BYTES);
  if ("ok" in read) {
    if (read.problem === "missing") throw new UsageError(`sign: file not found: "${shown}".`);
    if (read.problem === "folder" || read.problem === "not-a-file")
      throw new UsageError(`sign: "${shown}" is not a file.`);
    throw new UsageError(`sign: cannot read "${shown}": ${readProblemWords(read, MAX_CHARTER_BYTES)}.`);
  }
  return read;
}

function whose(signature: ReplacedSignature): string {
  const who = signature.name ? `${signature.name}'s signature` : "a signature";
  return signature.date ? `${who} of ${signature.date}` : who;
}

function refusal(given: string, errors: readonly Finding[]): string {
  const label = showControlCharacters(given);
  if (errors.length === 0) return `partner-charter: refusing to sign ${label}: it is not a charter that can be read.\n`;
  const lines = errors.map(
    (finding) =>
      `  ${finding.range.start.line + 1}:${finding.range.start.character + 1}  ${finding.rule}  ${showControlCharacters(finding.message)}`,
  );
  return `partner-charter: refusing to sign ${label}: it has ${plural(errors.length, "error")}. Fix ${errors.length === 1 ? "it" : "them"} first, then sign:\n${lines.join("\n")}\n`;
}

export function runSign(args: string[], context: CommandContext): number {
  const parsed = signArgs(args);
  if (!parsed) {
    process.stdout.write(`${SIGN_HELP}\n`);
    return 0;
  }
  const file = path.resolve(context.cwd, parsed.shown);
  const read = readCharterFile(file, parsed.shown);
  try {
    return signFile(read, parsed, relativePath(context.cwd, file));
  } finally {
    read.close();
  }
}

function signFile(read: ReadFile, { shown, today, request }: SignArgs, label: string): number {
  const decoded = decodeCharterBytes(read.bytes);
  if (decoded.finding) throw new UsageError(`sign: "${shown}" is not UTF-8 text: ${decoded.finding.message}`);
  const { result } = checkFiles([read.file], { today, overrides: new Map([[read.file, decoded.text]]) }).charters[0]!;
  const outcome = signCharter(result, request);
  if (!outcome.signed && outcome.reason === "signed-by-another") {
    const line = `refusing to sign ${label} for ${request.party}: it carries ${whose(outcome.previous)}. Add --replace to replace it.`;
    process.stderr.write(`partner-charter: ${showControlCharacters(line)}\n`);
    return 1;
  }
  if (!outcome.signed && outcome.reason !== "layout") {
    process.stderr.write(refusal(label, outcome.blocking));
    return 1;
  }
  if (!outcome.signed)
    throw new UsageError(`sign: could not add the signature to ${label} without changing anything else.`);
  const bom = read.bytes.subarray(0, 3).equals(UTF8_BOM) ? "\ufeff" : "";
  try {
    writeFileAtomic(read.file, bom + outcome.text, { unchangedSince: read });
  } catch (error) {
    if (error instanceof FileChangedError) {
      throw new UsageError(
        `sign: ${label} changed on disk while it was being signed (${error.message}); nothing was written. Sign it again.`,
      );
    }
    throw new UsageError(`sign: cannot write "${shown}": ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
  }
  const replaced = outcome.replaced ? `; it replaces ${whose(outcome.replaced)}` : "";
  const line = `Signed ${label} for ${request.party} (${request.name}), digest ${outcome.signature.digest}${replaced}.`;
  process.stdout.write(`${showControlCharacters(line)}\n`);
  return 0;
}
