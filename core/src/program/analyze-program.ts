import {
  ruleFindings,
  schemaFindings,
  validId,
  type CharterAnalysis,
  type CheckOptions,
} from "../engine/check-charter";
import { isRecord } from "../facts/read";
import { placeholderFacts } from "../facts/placeholders";
import { parseCharter } from "../parse/parse-charter";
import { isCharterPath, validateProgramData } from "./program-schema";
import type { NodePath } from "../types";
import type { Program, ProgramRef, ProgramTier } from "./program";

/**
 * A program file checked as its own kind: parse, the program schema, the rules about program
 * files (`checkProgram`), and the program as its charters see it (`ref`), read once.
 */

export interface ProgramAnalysis extends CharterAnalysis {
  /** The program as its charters are judged against it. */
  ref: ProgramRef;
}

export function analyzeProgram(text: string, file: string, options: Omit<CheckOptions, "program">): ProgramAnalysis {
  const parsed = parseCharter(text);
  const ref: ProgramRef = { file };
  const analysis: ProgramAnalysis = {
    parsed,
    charter: undefined,
    findings: [],
    rules: options.rules,
    scored: false,
    ref,
  };
  if (parsed.syntaxFindings.length > 0) {
    analysis.findings = [...parsed.syntaxFindings];
    return analysis;
  }
  const data = parsed.data;
  const problems = validateProgramData(data);
  analysis.findings.push(...schemaFindings(parsed, problems, options.today, false));
  if (!isRecord(data)) return analysis;
  analysis.id = validId(parsed, data.id, problems);
  const placeholders = placeholderFacts(data);
  analysis.findings.push(...ruleFindings(parsed, problems, placeholders, { data, options }));
  Object.assign(
    ref,
    programRef(
      file,
      data as Program,
      problems.map(({ path }) => path),
      analysis.id?.value,
    ),
  );
  return analysis;
}

/** The program as its charters see it: the tiers the schema let through, each read leniently. */
function programRef(file: string, program: Program, flagged: readonly NodePath[], id?: string): ProgramRef {
  const ref: ProgramRef = { file, id };
  if (typeof program.title === "string") ref.title = program.title;
  if (isRecord(program.company) && typeof program.company.name === "string") ref.companyName = program.company.name;
  if (
    !Array.isArray(program.tiers) ||
    flagged.some((path) => path.length <= 1 && (path.length === 0 || path[0] === "tiers"))
  ) {
    return ref;
  }
  const tiers: ProgramTier[] = [];
  program.tiers.forEach((tier, index) => {
    // A part of the tier the schema reports (or a part above it) says nothing to its charters.
    const bad = (...at: string[]): boolean => {
      const node = ["tiers", index, ...at];
      return flagged.some((path) => path.every((segment, i) => i >= node.length || segment === node[i]));
    };
    // A tier whose level or name the schema reports is not offered: its charters hear of the program's problem instead.
    if (!isRecord(tier) || bad("tier") || bad("name")) return;
    tiers.push(readTier(tier as unknown as ProgramTier, bad));
  });
  ref.tiers = tiers;
  return ref;
}

const REQUIREMENT_KEYS = [
  "fields",
  "commitments",
  "leverage",
  "minExitCriteria",
  "minMetrics",
  "maxRevenueSharePercent",
] as const;

/** A tier as its charters read it: without the parts the schema reported (a wrong value requires nothing). */
function readTier(tier: ProgramTier, bad: (...at: string[]) => boolean): ProgramTier {
  const read: ProgramTier = { tier: tier.tier, name: tier.name };
  if (!bad("provides") && Array.isArray(tier.provides)) read.provides = tier.provides;
  if (!bad("maxPartners") && typeof tier.maxPartners === "number") read.maxPartners = tier.maxPartners;
  if (!bad("graduation") && isRecord(tier.graduation)) read.graduation = tier.graduation;
  if (isRecord(tier.requires) && !bad("requires", "")) {
    const requires: Record<string, unknown> = {};
    for (const key of REQUIREMENT_KEYS) {
      const value = tier.requires[key];
      // `fields` keeps its charter paths when another entry is misspelt (that one is the program's schema problem).
      if (key === "fields" && Array.isArray(value))
        requires.fields = value.filter((field) => typeof field === "string" && isCharterPath(field));
      else if (value !== undefined && value !== "TODO" && !bad("requires", key)) requires[key] = value;
    }
    read.requires = requires;
  }
  return read;
}
