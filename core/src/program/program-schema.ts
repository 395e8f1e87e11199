import type { ErrorObject } from "ajv";
import validateGenerated from "../../generated/program-validator.js";
import schemaJson from "../../../schemas/partner-program.schema.json";
import { isRecord } from "../facts/read";
import { charterSchema, deref, describeValue, type SchemaDocument, type SchemaNode } from "../schema/charter-schema";
import { didYouMean } from "../schema/did-you-mean";
import { translateErrors, type SchemaFile, type SchemaProblem } from "../schema/validate-charter";
import { quote } from "../text/words";

/**
 * The schema check of a program file: the precompiled validator (generated at build time from
 * schemas/partner-program.schema.json) with the charter's plain-language messages, plus what
 * JSON Schema cannot say: each `requires.fields` entry is a charter path, and each tier level
 * appears once.
 */

export const programSchema = schemaJson as unknown as SchemaDocument;

const PROGRAM_FILE: SchemaFile = { schema: programSchema, noun: "program" };

export function validateProgramData(data: unknown): SchemaProblem[] {
  if (data === null || data === undefined) {
    return [
      {
        path: [],
        anchor: "key",
        message:
          "This program is empty: `partner-charter init --program` writes a program with its tiers to start from.",
      },
    ];
  }
  if (!isRecord(data)) {
    return [
      {
        path: [],
        anchor: "key",
        message: `A program is a section of keys (apiVersion, kind, id, tiers, …), but this file holds ${describeValue(data)}.`,
      },
    ];
  }
  const problems = validateGenerated(data)
    ? []
    : translateErrors((validateGenerated.errors ?? []) as ErrorObject[], data, PROGRAM_FILE);
  return [...problems, ...repeatedLevels(data), ...fieldPathProblems(data)];
}

/** Each level (integration, partnership, strategic) is offered by one tier at most. */
function repeatedLevels(data: Record<string, unknown>): SchemaProblem[] {
  if (!Array.isArray(data.tiers)) return [];
  const seen = new Map<unknown, string>();
  const problems: SchemaProblem[] = [];
  data.tiers.forEach((tier, index) => {
    if (!isRecord(tier) || typeof tier.tier !== "string") return;
    const first = seen.get(tier.tier);
    if (first !== undefined) {
      problems.push({
        path: ["tiers", index, "tier"],
        anchor: "value",
        message: `The level "${tier.tier}" is already the tier ${quote(first, 32)}: a program offers each level once.`,
      });
    } else seen.set(tier.tier, typeof tier.name === "string" ? tier.name : tier.tier);
  });
  return problems;
}

function fieldPathProblems(data: Record<string, unknown>): SchemaProblem[] {
  if (!Array.isArray(data.tiers)) return [];
  const problems: SchemaProblem[] = [];
  data.tiers.forEach((tier, index) => {
    const fields = isRecord(tier) && isRecord(tier.requires) ? tier.requires.fields : undefined;
    if (!Array.isArray(fields)) return;
    fields.forEach((field, item) => {
      if (typeof field !== "string") return;
      const problem = charterPathProblem(field);
      if (problem) problems.push({ path: ["tiers", index, "requires", "fields", item], anchor: "value", ...problem });
    });
  });
  return problems;
}

/** The schema node a charter key leads to, stepping into list items (a path names fields, not positions). */
function childOf(node: SchemaNode | undefined, key: string): SchemaNode | undefined {
  let current = deref(node);
  if (current?.items) current = deref(current.items);
  return current?.properties && Object.hasOwn(current.properties, key) ? deref(current.properties[key]) : undefined;
}

/** True when `path` (dot notation) names a field of the charter format. */
export function isCharterPath(path: string): boolean {
  return charterPathProblem(path) === undefined;
}

/** Why a `requires.fields` entry is not a charter path, with the path it most likely meant. */
function charterPathProblem(path: string): { message: string; suggestion?: string } | undefined {
  const segments = path.split(".");
  let node: SchemaNode | undefined = charterSchema;
  for (let i = 0; i < segments.length; i++) {
    const next = childOf(node, segments[i]!);
    if (next) {
      node = next;
      continue;
    }
    let parent = deref(node);
    if (parent?.items) parent = deref(parent.items);
    const keys = Object.keys(parent?.properties ?? {});
    const near = didYouMean(segments[i]!, keys);
    const suggestion = near ? [...segments.slice(0, i), near, ...segments.slice(i + 1)].join(".") : undefined;
    const where = i === 0 ? "a charter" : segments.slice(0, i).join(".");
    if (suggestion && isCharterPathExact(suggestion)) {
      return { message: `"${path}" is not a field of a charter: did you mean "${suggestion}"?`, suggestion };
    }
    const allowed = keys.length ? ` Fields of ${where}: ${keys.join(", ")}.` : ` ${where} has no fields inside.`;
    return { message: `"${path}" is not a field of a charter.${allowed}` };
  }
  return undefined;
}

function isCharterPathExact(path: string): boolean {
  let node: SchemaNode | undefined = charterSchema;
  for (const segment of path.split(".")) {
    node = childOf(node, segment);
    if (!node) return false;
  }
  return true;
}
