import { isDeepStrictEqual } from "node:util";
import * as fs from "node:fs";
import * as path from "node:path";
import {
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  stringify,
  type Node,
  type Pair,
  type YAMLMap,
  type YAMLSeq,
} from "yaml";
import { charterDigest, checkFiles, findPair, parseCharter, type Finding, type ParsedCharter } from "../../../core/src";
import { parseCommandArgs } from "../args";
import { UsageError } from "../errors";
import { localToday, parseDateOption } from "../today";
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

const PARTIES = ["us", "partner"] as const;
type Party = (typeof PARTIES)[number];

/** Findings that signing itself resolves, or that another party must resolve by signing. */
const SIGNING_RULES = new Set(["signatures", "signature-outdated"]);

interface SignatureFields {
  party: Party;
  name: string;
  title?: string;
  date: string;
  digest: string;
}

export function runSign(args: string[], context: CommandContext): number {
  const { values, positionals } = parseCommandArgs("sign", args, {
    party: { type: "string" },
    name: { type: "string" },
    title: { type: "string" },
    date: { type: "string" },
    today: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    process.stdout.write(`${SIGN_HELP}\n`);
    return 0;
  }
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
  const party = values.party as Party;
  const name = values.name?.trim();
  if (!name) throw new UsageError("sign: --name is required: the name of the person who signs.");
  const title = values.title?.trim();
  if (values.title !== undefined && !title) throw new UsageError("sign: --title must not be empty.");
  const today = parseDateOption("--today", values.today) ?? localToday();
  const date = parseDateOption("--date", values.date) ?? today;

  const shown = positionals[0]!;
  const file = path.resolve(context.cwd, shown);
  if (!fs.existsSync(file)) throw new UsageError(`sign: file not found: "${shown}".`);
  if (!fs.statSync(file).isFile()) throw new UsageError(`sign: "${shown}" is not a file.`);
  const label = path.relative(context.cwd, file).split(path.sep).join("/") || shown;

  const { result } = checkFiles([file], { today }).charters[0]!;
  const blocking = result.findings.filter(
    (finding) => finding.severity === "error" && !SIGNING_RULES.has(finding.rule),
  );
  if (blocking.length > 0 || !result.charter || !result.parsed.doc) {
    process.stderr.write(refusal(label, blocking));
    return 1;
  }

  const parsed = result.parsed;
  const digest = charterDigest(result.charter);
  const previous = findSignature(parsed, party);
  const keptTitle =
    title ??
    (previous?.data.name === name && typeof previous.data.title === "string" ? previous.data.title : undefined);
  const signature: SignatureFields = { party, name, ...(keptTitle ? { title: keptTitle } : {}), date, digest };

  const expected = expectedData(result.charter, signature);
  let updated = spliceSignature(parsed, signature);
  if (updated === undefined || !producesData(updated, expected)) {
    // The text could not be edited surgically: let the YAML library rewrite the document.
    updated = rewriteWithDocument(parsed.text, signature);
    if (!producesData(updated, expected)) {
      throw new Error(`could not add the signature to ${label} without changing anything else`);
    }
  }
  const bom = fs
    .readFileSync(file)
    .subarray(0, 3)
    .equals(Buffer.from([0xef, 0xbb, 0xbf]))
    ? "\ufeff"
    : "";
  try {
    fs.writeFileSync(file, bom + updated);
  } catch (error) {
    throw new UsageError(`sign: cannot write "${shown}": ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
  }
  process.stdout.write(`Signed ${label} for ${party} (${name}), digest ${digest}\n`);
  return 0;
}

function refusal(label: string, errors: readonly Finding[]): string {
  if (errors.length === 0) return `partner-charter: refusing to sign ${label}: it is not a charter that can be read.\n`;
  const lines = errors.map(
    (finding) =>
      `  ${finding.range.start.line + 1}:${finding.range.start.character + 1}  ${finding.rule}  ${finding.message}`,
  );
  const count = errors.length === 1 ? "1 error" : `${errors.length} errors`;
  return `partner-charter: refusing to sign ${label}: it has ${count}. Fix ${errors.length === 1 ? "it" : "them"} first, then sign:\n${lines.join("\n")}\n`;
}

/** The charter data the signed file must parse to: the same, with this party's signature set. */
function expectedData(charter: object, signature: SignatureFields): unknown {
  const data = structuredClone(charter) as Record<string, unknown>;
  const signatures = Array.isArray(data.signatures) ? (data.signatures as Record<string, unknown>[]) : [];
  const index = signatures.findIndex((item) => item && typeof item === "object" && item.party === signature.party);
  if (index >= 0) signatures[index] = { ...signature };
  else signatures.push({ ...signature });
  data.signatures = signatures;
  return data;
}

function producesData(text: string, expected: unknown): boolean {
  const reparsed = parseCharter(text);
  return reparsed.syntaxFindings.length === 0 && isDeepStrictEqual(reparsed.data, expected);
}

function findSignature(
  parsed: ParsedCharter,
  party: Party,
): { index: number; node: YAMLMap; data: Record<string, unknown> } | undefined {
  const seq = findPair(parsed.doc?.contents, "signatures")?.value;
  if (!isSeq(seq)) return undefined;
  const index = seq.items.findIndex((item) => isMap(item) && scalarValue(item, "party") === party);
  if (index < 0) return undefined;
  const node = seq.items[index] as YAMLMap;
  return { index, node, data: node.toJSON() as Record<string, unknown> };
}

function scalarValue(map: YAMLMap, key: string): unknown {
  const value = findPair(map, key)?.value;
  return isScalar(value) ? value.value : undefined;
}

/** `{ party: us, name: …, date: …, digest: … }`, quoted by the YAML library where needed. */
function flowText(signature: SignatureFields): string {
  return stringify(signature, { collectionStyle: "flow", lineWidth: 0 }).trim();
}

/** The signature as block mapping lines (no indentation). */
function blockLines(signature: SignatureFields): string[] {
  return stringify(signature, { collectionStyle: "block", lineWidth: 0 }).trimEnd().split("\n");
}

function range(node: unknown): [number, number] | undefined {
  const r = (node as { range?: [number, number, number] } | null | undefined)?.range;
  return r ? [r[0], r[1]] : undefined;
}

/** Where the text of a sequence item ends (before any trailing newline). */
function itemEnd(item: unknown): number | undefined {
  if (isMap(item) && !item.flow) {
    const last = item.items[item.items.length - 1] as Pair<Node, Node> | undefined;
    return range(last?.value)?.[1] ?? range(last?.key)?.[1];
  }
  return range(item)?.[1];
}

function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf("\n", offset);
  if (newline < 0) return text.length;
  return newline > 0 && text[newline - 1] === "\r" ? newline - 1 : newline;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

/**
 * Adds or replaces the signature by editing only the text of that one item (or appending a
 * `signatures:` section), so every other byte of the file stays as it was. Undefined when
 * the layout is one this function does not handle; the caller then falls back.
 */
export function spliceSignature(parsed: ParsedCharter, signature: SignatureFields): string | undefined {
  const text = parsed.text;
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const root = parsed.doc?.contents;
  if (!isMap(root) || root.flow) return undefined;
  const pair = findPair(root, "signatures");

  if (!pair) {
    const firstKey = range((root.items[0] as Pair<Node, Node> | undefined)?.key)?.[0];
    const indent = firstKey === undefined ? "" : " ".repeat(firstKey - lineStart(text, firstKey));
    const separator = text.length === 0 || text.endsWith("\n") ? "" : eol;
    return `${text}${separator}${indent}signatures:${eol}${indent}  - ${flowText(signature)}${eol}`;
  }

  const seq = pair.value;
  if (!isSeq(seq)) return undefined;
  const index = seq.items.findIndex((item) => isMap(item) && scalarValue(item, "party") === signature.party);

  if (index >= 0) {
    const item = seq.items[index] as YAMLMap;
    const start = range(item)?.[0];
    const end = itemEnd(item);
    if (start === undefined || end === undefined) return undefined;
    if (item.flow) return text.slice(0, start) + flowText(signature) + text.slice(end);
    // A block item: replace its lines (up to the end of its last line) at the same indentation.
    const indent = " ".repeat(start - lineStart(text, start));
    const replaced = blockLines(signature).join(`${eol}${indent}`);
    return text.slice(0, start) + replaced + text.slice(lineEnd(text, end));
  }

  const seqRange = range(seq as YAMLSeq);
  if (!seqRange) return undefined;
  if (seq.flow) {
    const last = seq.items[seq.items.length - 1];
    if (last === undefined) {
      return text.slice(0, seqRange[0]) + `[${flowText(signature)}]` + text.slice(seqRange[1]);
    }
    const end = itemEnd(last);
    if (end === undefined) return undefined;
    return text.slice(0, end) + `, ${flowText(signature)}` + text.slice(end);
  }
  const last = seq.items[seq.items.length - 1];
  const end = itemEnd(last);
  if (end === undefined) return undefined;
  const indent = " ".repeat(seqRange[0] - lineStart(text, seqRange[0]));
  const asBlock = isMap(last) && !last.flow;
  const itemText = asBlock ? blockLines(signature).join(`${eol}${indent}  `) : flowText(signature);
  const at = lineEnd(text, end);
  return `${text.slice(0, at)}${eol}${indent}- ${itemText}${text.slice(at)}`;
}

/** Fallback: the YAML library's Document API (keeps comments, may reformat long lines). */
function rewriteWithDocument(text: string, signature: SignatureFields): string {
  const doc = parseDocument(text);
  const node = doc.createNode({ ...signature }, { flow: true });
  const seq = doc.get("signatures", true);
  if (isSeq(seq)) {
    const index = seq.items.findIndex((item) => isMap(item) && item.get("party") === signature.party);
    if (index >= 0) seq.set(index, node);
    else seq.add(node);
  } else {
    doc.set("signatures", doc.createNode([signature], { flow: false }));
  }
  return doc.toString({ lineWidth: 0 });
}
