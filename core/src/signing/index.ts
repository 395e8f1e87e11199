import { isDeepStrictEqual } from "node:util";
import { isMap, isSeq, parseDocument } from "yaml";
import type { CharterResult } from "../engine/check-charter";
import { resolveEdits } from "../engine/fixes";
import { applyTextEdits } from "../engine/text-edits";
import { charterFacts, isRecord } from "../facts";
import { parseCharter, type ParsedCharter } from "../parse/parse-charter";
import type { StructuralEdit } from "../rules/rule";
import type { Finding } from "../types";

/**
 * Signing, decided in the core: which findings stop a charter from being signed, and the
 * signed text. The signature is written through the structural-edit engine that quick fixes
 * use (core/src/engine/fixes.ts): the party's entry is replaced entry by entry (its comments
 * stay) or appended in the list's own style, so the rest of the file is untouched. The CLI
 * (`partner-charter sign`) only reads the file, asks for the text and writes it.
 */

/** The rules whose findings signing resolves (or that another party resolves by signing). */
export const SIGNING_RULES: ReadonlySet<string> = new Set([
  "signatures",
  "signature-outdated",
  "launch-before-signature",
]);

/** A charter that still holds an open decision (`TODO`) is not signed, whatever that finding's severity. */
const OPEN_DECISION_RULE = "todo-placeholder";

export type Party = "us" | "partner";
export const PARTIES: readonly Party[] = ["us", "partner"];

export interface SignRequest {
  party: Party;
  /** Who signs (trimmed, not empty). */
  name: string;
  /** The signer's title; when absent, the title of the same signer's previous signature is kept. */
  title?: string;
  /** The signature date, YYYY-MM-DD. */
  date: string;
  /** Replace the party's signature even when another person signed it (`sign --replace`). */
  replace?: boolean;
}

export interface SignatureEntry {
  party: Party;
  name: string;
  title?: string;
  date: string;
  digest: string;
}

/** A signature as it was before signing replaced it. */
export interface ReplacedSignature {
  name?: string;
  title?: string;
  date?: string;
}

export type SignOutcome =
  /** `replaced`: the party's earlier signature, when there was one. */
  | { signed: true; text: string; signature: SignatureEntry; replaced?: ReplacedSignature }
  /** `errors`: `blocking` lists them; `unreadable`: not a charter; `layout`: the file's layout defeated every edit. */
  | { signed: false; reason: "errors" | "unreadable" | "layout"; blocking: Finding[] }
  /** The party already carries another person's signature, and `replace` was not asked for. */
  | { signed: false; reason: "signed-by-another"; blocking: []; previous: ReplacedSignature };

/** Names as people write them: case, spacing and Unicode composition do not make another person. */
function samePerson(a: string | undefined, b: string): boolean {
  const normal = (name: string): string => name.normalize("NFC").replace(/\s+/g, " ").trim().toLowerCase();
  return a !== undefined && normal(a) === normal(b);
}

/**
 * The findings that stop a charter from being signed: the errors signing does not resolve,
 * and every `TODO` placeholder (an open decision, even while the charter is a draft).
 */
export function signingBlockers(findings: readonly Finding[]): Finding[] {
  return findings.filter(
    (finding) =>
      finding.rule === OPEN_DECISION_RULE || (finding.severity === "error" && !SIGNING_RULES.has(finding.rule)),
  );
}

/** The charter data the signed file must parse to: the same, with this party's signature set. */
function expectedData(charter: object, signature: SignatureEntry, index: number | undefined): unknown {
  const data = structuredClone(charter) as Record<string, unknown>;
  const signatures = Array.isArray(data.signatures) ? (data.signatures as unknown[]) : [];
  if (index !== undefined) signatures[index] = { ...signature };
  else signatures.push({ ...signature });
  data.signatures = signatures;
  return data;
}

function parsesTo(text: string, expected: unknown): boolean {
  const reparsed = parseCharter(text);
  return reparsed.syntaxFindings.length === 0 && isDeepStrictEqual(reparsed.data, expected);
}

/** The last resort: the YAML library's Document API (keeps comments, may reformat long lines). */
function rewriteWithDocument(text: string, signature: SignatureEntry, index: number | undefined): string {
  const doc = parseDocument(text);
  const node = doc.createNode({ ...signature }, { flow: true });
  const seq = doc.get("signatures", true);
  if (isSeq(seq) && index !== undefined) seq.set(index, node);
  else if (isSeq(seq)) seq.add(node);
  else doc.set("signatures", doc.createNode([signature], { flow: false }));
  return doc.toString({ lineWidth: 0 });
}

function signedText(parsed: ParsedCharter, signature: SignatureEntry, index: number | undefined): string | undefined {
  const expected = expectedData(parsed.data as object, signature, index);
  const edit: StructuralEdit =
    index !== undefined
      ? { kind: "replace-item", at: ["signatures", index], value: { ...signature } }
      : { kind: "append-item", to: ["signatures"], value: { ...signature } };
  const edits = resolveEdits(parsed, [edit]);
  const edited = edits && applyTextEdits(parsed.text, edits);
  if (edited !== undefined && parsesTo(edited, expected)) return edited;
  const rewritten = rewriteWithDocument(parsed.text, signature, index);
  return parsesTo(rewritten, expected) ? rewritten : undefined;
}

/** The charter's text signed by `request`'s party, or why it cannot be signed. */
export function signCharter(result: CharterResult, request: SignRequest): SignOutcome {
  const blocking = signingBlockers(result.findings);
  if (blocking.length > 0) return { signed: false, reason: "errors", blocking };
  const parsed = result.parsed;
  if (!result.charter || !isRecord(parsed.data) || !isMap(parsed.doc?.contents)) {
    return { signed: false, reason: "unreadable", blocking: [] };
  }
  const facts = result.facts ?? charterFacts(result.charter, { today: request.date, rules: result.rules });
  const previous = facts.signatures.find((signature) => signature.party === request.party);
  const replaced = previous && { name: previous.name, title: previous.title, date: previous.date };
  const sameSigner = samePerson(previous?.name, request.name);
  if (previous && replaced && !sameSigner && !request.replace) {
    return { signed: false, reason: "signed-by-another", blocking: [], previous: replaced };
  }
  const title = request.title ?? (sameSigner ? previous?.title : undefined);
  const signature: SignatureEntry = {
    party: request.party,
    name: request.name,
    ...(title ? { title } : {}),
    date: request.date,
    digest: facts.digest,
  };
  const text = signedText(parsed, signature, previous?.index);
  if (text === undefined) return { signed: false, reason: "layout", blocking: [] };
  return replaced ? { signed: true, text, signature, replaced } : { signed: true, text, signature };
}
