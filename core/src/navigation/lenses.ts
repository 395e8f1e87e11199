import { balanceWords, type CharterFacts, type ExchangeFacts, type PhaseFact } from "../facts";
import { locate, rangeAt, type ParsedCharter } from "../parse/parse-charter";
import { plural } from "../text/words";
import type { Range } from "../types";

/**
 * Code lens data: a one-line summary above each phase (its length and its go/no-go status, or
 * the days until its decision) and above `commitments` (what each side gives and the balance).
 * Every statement is a fact of core/src/facts, the same the rules judge, so a lens never says
 * what a rule contradicts.
 */

/**
 * The command of every lens: show the part of the charter page the lens summarises. The server
 * lists it in `executeCommandProvider` (any client can run it: it reveals the lens's line where
 * the client can show a document, and changes nothing); the VS Code extension runs it as "open
 * the preview at that section".
 */
export const SHOW_SECTION_COMMAND = "partnerCharter.showSection";

/** The one argument of SHOW_SECTION_COMMAND. */
export interface ShowSectionArgs {
  uri: string;
  /** The `id` of the charter page's section (core/src/render/render-html.ts). */
  section: "timeline" | "exchange";
  /** Where the lens sits in the charter. */
  range: Range;
}

export interface CharterLens {
  kind: "phase" | "commitments";
  /** The key the lens sits on (`crawl`, `walk`, `run`, `commitments`). */
  range: Range;
  title: string;
  /** The section of the charter page that shows the same facts. */
  section: ShowSectionArgs["section"];
}

/** A pending go/no-go in days: "decision in 12 days (2026-02-27)", "…due today", "…5 days overdue". */
function decisionWords(phase: PhaseFact): string | undefined {
  const decision = phase.decision;
  if (!phase.pending || !decision) return undefined;
  if (decision.daysUntil > 0) return `go/no-go decision in ${plural(decision.daysUntil, "day")} (${decision.due})`;
  if (decision.daysUntil === 0) return `go/no-go decision due today (${decision.due})`;
  return `go/no-go decision ${plural(-decision.daysUntil, "day")} overdue (due ${decision.due})`;
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
  else parts.push(decisionWords(phase) ?? `go/no-go: ${phase.outcome ?? "pending"}`);
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
    lenses.push({
      kind: "phase",
      range: rangeAt(parsed, ["phases", phase.name], "key"),
      title: phaseTitle(phase),
      section: "timeline",
    });
  }
  if (facts.exchange.stated && locate(parsed, ["commitments"])) {
    lenses.push({
      kind: "commitments",
      range: rangeAt(parsed, ["commitments"], "key"),
      title: balanceTitle(facts.exchange),
      section: "exchange",
    });
  }
  return lenses.sort((a, b) => a.range.start.line - b.range.start.line);
}
