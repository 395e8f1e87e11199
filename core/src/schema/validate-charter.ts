import type { ErrorObject } from "ajv";
import validateGenerated from "../../generated/charter-validator.js";
import type { Anchor, NodePath } from "../types";
import {
  charterSchema,
  describeSchemaType,
  describeValue,
  deref,
  pathLabel,
  refName,
  schemaAt,
  truncate,
  type SchemaDocument,
  type SchemaNode,
} from "./charter-schema";
import { didYouMean } from "./did-you-mean";
import { quote } from "../text/words";
import { fieldName, sentenceStart } from "./field-names";

/**
 * Schema check: the precompiled validator (generated at build time from
 * schemas/partner-charter.schema.json) plus a translation of its errors into one plain
 * sentence per problem, placed on the smallest node that explains it.
 */

export interface SchemaProblem {
  /** Where the problem is: the offending node (or, for a missing key, the missing key's path). */
  path: NodePath;
  anchor: Anchor;
  message: string;
  /** For a missing key: report on the parent instead of on the (absent) key itself. */
  missingKey?: string;
  /** The key the format does not know (its entry may be removed). */
  unknownKey?: string;
  /** For an enum or key near-miss: the suggested replacement. */
  suggestion?: string;
  /** The suggestion corrects a misspelling (a key or an allowed word), so it changes no agreed term. */
  spelling?: boolean;
  /** The value is right but must be written in quotes (text that YAML reads as a number or yes/no). */
  quote?: boolean;
}

export const SUPPORTED_API_VERSIONS = ["partner-charter/v1"] as const;

export function validateCharterData(data: unknown): SchemaProblem[] {
  if (data === null || data === undefined) {
    return [
      {
        path: [],
        anchor: "key",
        message:
          "This charter is empty: start from the `charter` snippet or `partner-charter init`, which write every section a charter needs.",
      },
    ];
  }
  if (typeof data !== "object" || Array.isArray(data)) {
    return [
      {
        path: [],
        anchor: "key",
        message: `A charter is a section of keys (apiVersion, kind, id, …), but this file holds ${describeValue(data)}.`,
      },
    ];
  }
  if (validateGenerated(data)) return [];
  const errors = (validateGenerated.errors ?? []) as ErrorObject[];
  return translateErrors(errors, data, CHARTER_FILE);
}

/**
 * The file a validator checks: its schema (key names, enums, descriptions for the messages) and
 * what a reader calls it ("at the top level of a charter").
 */
export interface SchemaFile {
  schema: SchemaDocument;
  noun: string;
}

const CHARTER_FILE: SchemaFile = { schema: charterSchema, noun: "charter" };

function instancePath(pointer: string, root: unknown): (string | number)[] {
  if (!pointer) return [];
  const path: (string | number)[] = [];
  let value: unknown = root;
  for (const raw of pointer.slice(1).split("/")) {
    const segment = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(value)) {
      const index = Number(segment);
      path.push(index);
      value = value[index];
    } else {
      path.push(segment);
      value = (value as Record<string, unknown> | undefined)?.[segment];
    }
  }
  return path;
}

function valueAt(root: unknown, path: NodePath): unknown {
  let value = root;
  for (const segment of path) value = (value as Record<string | number, unknown> | undefined)?.[segment];
  return value;
}

function keyName(path: NodePath): string {
  const last = path[path.length - 1];
  return typeof last === "string" ? last : pathLabel(path);
}

/** The branch of `TODO` (a placeholder accepted beside every typed value) never explains a problem. */
function isTodoBranch(error: ErrorObject): boolean {
  return error.keyword === "const" && (error.params as { allowedValue?: unknown }).allowedValue === "TODO";
}

function isPercent(path: NodePath, file: SchemaFile): boolean {
  return refName(schemaAtRaw(path, file)) === "percent";
}

/** ajv's errors as one plain sentence per problem (the charter's validator, and the program's). */
export function translateErrors(allErrors: ErrorObject[], root: unknown, file: SchemaFile): SchemaProblem[] {
  const errors = allErrors.filter((error) => !isTodoBranch(error));
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  const push = (problem: SchemaProblem): void => {
    const key = `${pathLabel(problem.path)}|${problem.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    problems.push(problem);
  };
  // A node with a wrong type explains everything else said about it (the type error says it all).
  const wrongType = new Set(errors.filter((error) => error.keyword === "type").map((error) => error.instancePath));
  const explained = new Set<string>();
  for (const error of errors) {
    const path = instancePath(error.instancePath, root);
    if (isPercent(path, file)) {
      if (!explained.has(error.instancePath)) push(percentProblem(path, valueAt(root, path), root));
      explained.add(error.instancePath);
      continue;
    }
    if (wrongType.has(error.instancePath) && error.keyword !== "type") continue;
    const problem = translateOne(error, path, root, file);
    if (problem) push(problem);
  }
  return problems;
}

function percentProblem(path: NodePath, value: unknown, root: unknown): SchemaProblem {
  const name = sentenceStart(fieldName(path, root));
  return atValue(path, `${name} must be a percentage from 0 to 100, written 25 or "25%"; found ${shortValue(value)}.`);
}

function allowedList(values: readonly unknown[]): string {
  return values.map((value) => String(value)).join(", ");
}

/** A found value, briefly: "2026-02-30" in quotes, a number as written, else its kind. */
function shortValue(value: unknown): string {
  if (typeof value === "string") return `"${truncate(value)}"`;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return describeValue(value);
}

/** What a translator needs about one ajv error. */
interface ErrorContext {
  error: ErrorObject;
  path: (string | number)[];
  value: unknown;
  node: SchemaNode | undefined;
  root: unknown;
  /** The place in words, at the start of a sentence. */
  name: string;
  file: SchemaFile;
}

type Translator = (context: ErrorContext) => SchemaProblem | undefined;

function atValue(path: NodePath, message: string, suggestion?: string): SchemaProblem {
  return suggestion === undefined ? { path, anchor: "value", message } : { path, anchor: "value", suggestion, message };
}

const translateRequired: Translator = ({ error, path, root, file }) => {
  const missing = (error.params as { missingProperty: string }).missingProperty;
  const missingPath = [...path, missing];
  const about = schemaAt(missingPath, file.schema)?.description;
  const where = sentenceStart(fieldName(path, root));
  return {
    path: missingPath,
    anchor: "key",
    missingKey: missing,
    message: `${where} is missing the required key "${missing}".${about ? ` ${about}` : ""}`,
  };
};

/** `{ value: 50,000 }`: the comma ends the number, and `000` becomes a key (read as "0"). */
function thousandsKey(extra: string, path: NodePath, root: unknown, file: SchemaFile): SchemaProblem | undefined {
  if (!/^\d+$/.test(extra) || valueAt(root, [...path, extra]) !== null) return undefined;
  const section = valueAt(root, path) as Record<string, unknown>;
  const numberKey = Object.keys(section).find(
    (key) =>
      typeof section[key] === "number" && /number|integer/.test(String(schemaAt([...path, key], file.schema)?.type)),
  );
  if (!numberKey) return undefined;
  const read = section[numberKey] as number;
  const written = `${read},${extra.padStart(3, "0")}`;
  return {
    path: [...path, extra],
    anchor: "key",
    message: `Write numbers without thousands separators: ${written.replace(/,/g, "")}, not ${written} (inside { … } the comma ends the number, so it reads as ${read}).`,
  };
}

const translateAdditional: Translator = ({ error, path, node, root, file }) => {
  const extra = (error.params as { additionalProperty: string }).additionalProperty;
  const thousands = thousandsKey(extra, path, root, file);
  if (thousands) return thousands;
  const allowed = Object.keys(deref(node, file.schema)?.properties ?? {});
  const suggestion = didYouMean(extra, allowed);
  const where = path.length === 0 ? `at the top level of a ${file.noun}` : `in ${fieldName(path, root)}`;
  const comma = /\s/.test(extra)
    ? " Inside { … } a comma starts a new key: put text that contains a comma in quotes."
    : "";
  return {
    path: [...path, extra],
    anchor: "key",
    suggestion,
    spelling: suggestion !== undefined,
    unknownKey: extra,
    message: suggestion
      ? `Unknown key "${extra}" ${where}: did you mean "${suggestion}"?`
      : `Unknown key "${extra}" ${where}.${comma} Allowed keys: ${allowedList(allowed)}.`,
  };
};

/** "Tier 2" (or 2) for the enum value whose description starts "Tier 2". */
function numberedValue(value: unknown, node: SchemaNode | undefined): string | undefined {
  // Only a written number or word can name a tier (String() of a section may even throw).
  if (typeof value !== "string" && typeof value !== "number") return undefined;
  const number = /^\s*(?:tier\s*)?([0-9])\s*$/i.exec(String(value))?.[1];
  if (!number || !node?.enum) return undefined;
  const index = (node.enumDescriptions ?? []).findIndex((text) => text.startsWith(`Tier ${number},`));
  return index >= 0 ? String(node.enum[index]) : undefined;
}

function enumProblem(path: NodePath, value: unknown, node: SchemaNode | undefined, name: string): SchemaProblem {
  const allowed = node?.enum ?? [];
  const numbered = numberedValue(value, node);
  const suggestion = numbered ?? (typeof value === "string" ? didYouMean(value, allowed.map(String)) : undefined);
  const hint = numbered
    ? `: did you mean "${numbered}" (${String(value).replace(/^\s*(tier)?\s*/i, "Tier ")})?`
    : suggestion
      ? `: did you mean "${suggestion}"?`
      : ".";
  const problem = atValue(
    path,
    `${name} must be one of ${allowedList(allowed)}, not ${shortValue(value)}${hint}`,
    suggestion,
  );
  return suggestion !== undefined && numbered === undefined ? { ...problem, spelling: true } : problem;
}

const translateEnum: Translator = ({ path, value, node, name }) => enumProblem(path, value, node, name);

const translateConst: Translator = ({ error, path, value, name, file }) => {
  const expected = String((error.params as { allowedValue: unknown }).allowedValue);
  const top = path.length === 1 ? path[0] : undefined;
  if (top === "apiVersion") {
    const message = `Unsupported apiVersion ${shortValue(value)}: this version of Partner Charter reads ${SUPPORTED_API_VERSIONS.join(", ")}.`;
    return atValue(path, message, expected);
  }
  if (top === "kind") {
    const other =
      file.schema === charterSchema
        ? `"Program" is for *.partner-program.yaml files`
        : `"Charter" is for *.partner.yaml files`;
    const message = `kind must be "${expected}"; found ${shortValue(value)}. (${other}.)`;
    return atValue(path, message, expected);
  }
  return atValue(path, `${name} must be "${expected}".`);
};

/** "50,000" or "1 200" where a number is expected: the number without separators, if that is what it is. */
function withoutSeparators(value: unknown): string | undefined {
  if (typeof value !== "string" || !/^\s*\d{1,3}([, ]\d{3})+(\.\d+)?\s*$/.test(value)) return undefined;
  return value.trim().replace(/[, ]/g, "");
}

const translateType: Translator = ({ path, value, node, name }) => {
  if (node?.enum) return enumProblem(path, value, node, name);
  const plain = withoutSeparators(value);
  if (plain && /number|integer/.test(String(node?.type))) {
    return atValue(path, `${name} must be a number: write ${plain}, without thousands separators.`, plain);
  }
  if ((typeof value === "number" || typeof value === "boolean") && node?.type === "string") {
    return {
      ...atValue(path, `${name} must be text, not the ${typeof value} ${value}: write it in quotes, "${value}".`),
      quote: true,
    };
  }
  const pair = textAsPair(value);
  if (pair && node?.type === "string") {
    return atValue(
      path,
      `${name} must be text, but ": " makes it a key and a value: put it in quotes, ${quote(pair, 40)}.`,
    );
  }
  const yesNo = typeof value === "string" ? YES_NO[value.toLowerCase()] : undefined;
  if (yesNo !== undefined && node?.type === "boolean") {
    return atValue(path, `${name} must be true or false: did you mean ${yesNo}?`, String(yesNo));
  }
  return atValue(path, `${name} must be ${describeSchemaType(node)}; found ${describeValue(value)}.`);
};

/** Words people write for a yes/no answer. */
const YES_NO: Record<string, boolean> = { yes: true, y: true, no: false, n: false, on: true, off: false };

/** `- note: text` in a list of texts reads as a one-key section; the text the author meant. */
function textAsPair(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const entries = Object.entries(value);
  if (entries.length !== 1) return undefined;
  const [key, inner] = entries[0]!;
  if (inner !== null && typeof inner !== "string" && typeof inner !== "number") return undefined;
  return inner === null ? `${key}:` : `${key}: ${inner}`;
}

const FORMAT_MESSAGES: Record<string, string> = {
  date: "must be a real calendar date written YYYY-MM-DD",
  uri: "must be a full web address such as https://example.com",
};

const translateFormat: Translator = ({ error, path, value, name }) => {
  const format = (error.params as { format: string }).format;
  const expected = FORMAT_MESSAGES[format];
  return expected
    ? atValue(path, `${name} ${expected}; found ${shortValue(value)}.`)
    : atValue(path, `${name} is not a valid ${format}.`);
};

const translatePattern: Translator = ({ path, value, name, file }) => {
  if (refName(schemaAtRaw(path, file)) === "slug" || (path.length === 1 && path[0] === "id")) {
    return atValue(
      path,
      `${name} must be a slug of lowercase letters, digits and hyphens, such as acme-cloudco; found ${shortValue(value)}.`,
    );
  }
  if (keyName(path) === "digest") {
    return atValue(
      path,
      `${name} must be "sha256:" followed by 64 lowercase hex digits: \`partner-charter sign\` writes it for you.`,
    );
  }
  return atValue(path, `${name} does not have the expected form; found ${shortValue(value)}.`);
};

const limit =
  (bound: "more" | "less"): Translator =>
  ({ error, path, value, name }) =>
    atValue(
      path,
      `${name} must be ${(error.params as { limit: number }).limit} or ${bound}; found ${shortValue(value)}.`,
    );

const listLength =
  (bound: "at least" | "at most"): Translator =>
  ({ error, path, value, name }) =>
    atValue(
      path,
      `${name} must list ${bound} ${(error.params as { limit: number }).limit}; it lists ${Array.isArray(value) ? value.length : 0}.`,
    );

/** The branch errors of anyOf/oneOf/if say it better: those keywords produce no problem of their own. */
const silent: Translator = () => undefined;

const TRANSLATORS: Record<string, Translator> = {
  required: translateRequired,
  additionalProperties: translateAdditional,
  enum: translateEnum,
  const: translateConst,
  type: translateType,
  format: translateFormat,
  pattern: translatePattern,
  minimum: limit("more"),
  exclusiveMinimum: limit("more"),
  maximum: limit("less"),
  exclusiveMaximum: limit("less"),
  minItems: listLength("at least"),
  maxItems: listLength("at most"),
  anyOf: silent,
  oneOf: silent,
  if: silent,
};

function translateOne(
  error: ErrorObject,
  path: (string | number)[],
  root: unknown,
  file: SchemaFile,
): SchemaProblem | undefined {
  const name = sentenceStart(fieldName(path, root));
  const translate = TRANSLATORS[error.keyword];
  const context = { error, path, value: valueAt(root, path), node: schemaAt(path, file.schema), root, name, file };
  if (translate) return translate(context);
  return atValue(path, `${name} is not valid here (${truncate(error.message ?? error.keyword)}).`);
}

/** The schema node at a path without following the last $ref (to know which $def it names). */
function schemaAtRaw(path: NodePath, file: SchemaFile): SchemaNode | undefined {
  if (path.length === 0) return file.schema;
  const parent = schemaAt(path.slice(0, -1), file.schema);
  const last = path[path.length - 1];
  return typeof last === "number" ? parent?.items : parent?.properties?.[last as string];
}
