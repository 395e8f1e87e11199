import { balanceWords, type CharterFacts, type ExchangeFacts, type PhaseFact } from "../facts";
import { locate, rangeAt, type ParsedCharter } from "../parse/parse-charter";
import type { Range } from "../types";

/**
 * Code lens data: a one-line summary above each phase (its length and its go/no-go status)
 * and above `commitments` (what each side gives and the balance). Every statement is a fact
 * of core/src/facts, the same the rules judge, so a lens never says what a rule contradicts.
 */

export interface CharterLens {
  kind: "phase" | "commitments";
  /** The key the lens sits on (`crawl`, `walk`, `run`, `commitments`). */
  range: Range;
  title: string;
}

function phaseTitle(phase: PhaseFact): string {
  const run = phase.name === "run";
  const parts: string[] = [];
  if (phase.endsBeforeStart) parts.push("ends before it starts");
  else if (phase.duration) parts.push(phase.duration.description);
  else if (phase.start) parts.push(run ? "ongoing" : "no end date");
  else parts.push("no dates yet");
  if (run) parts.push(phase.roiValidated === true ? "ROI validated" : "ROI not validated yet");
  else if (phase.criteria.length === 0) parts.push("go/no-go: no criteria yet");
  else parts.push(`go/no-go: ${phase.outcome ?? "pending"}`);
  return parts.join(" · ");
}

function balanceTitle(exchange: ExchangeFacts): string {
  return [
    `we give ${exchange.us.commitments.length}`,
    `partner gives ${exchange.partner.commitments.length}`,
    balanceWords(exchange),
  ].join(" · ");
}

export function charterLenses(parsed: ParsedCharter, facts: CharterFacts | undefined): CharterLens[] {
  if (!facts) return [];
  const lenses: CharterLens[] = [];
  for (const phase of Object.values(facts.phases)) {
    if (!phase.present || !locate(parsed, ["phases", phase.name])) continue;
    lenses.push({ kind: "phase", range: rangeAt(parsed, ["phases", phase.name], "key"), title: phaseTitle(phase) });
  }
  if (facts.exchange.stated && locate(parsed, ["commitments"])) {
    lenses.push({
      kind: "commitments",
      range: rangeAt(parsed, ["commitments"], "key"),
      title: balanceTitle(facts.exchange),
    });
  }
  return lenses.sort((a, b) => a.range.start.line - b.range.start.line);
}
