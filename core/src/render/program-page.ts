import { ecosystemAdvice } from "../program/ecosystem";
import type { Program, ProgramTier } from "../program/program";
import { escapeHtml } from "../text/escape";
import { formatNumber } from "../text/numbers";
import { listPhrase, plural } from "../text/words";
import type { Finding } from "../types";
import { markdownCell, markdownTable } from "./markdown-escape";
import { STANDALONE_CSP } from "./render-html";

/**
 * The page of a partner program (`partner-charter render` on a `*.partner-program.yaml`): the
 * curated-vs-open decision with the program's inputs and what the decision tree says, each
 * tier side by side (what it provides, requires, how partners graduate, its capacity) with the
 * charters of that tier and their health, and the program's own findings.
 */

export interface ProgramPageCharter {
  label: string;
  tier?: string;
  health?: number;
}

export interface ProgramPage {
  fileName: string;
  /** The program as data (as the file holds it). */
  program: Program | undefined;
  findings: readonly Finding[];
  charters: readonly ProgramPageCharter[];
}

/** What a tier requires, one phrase per requirement. */
export function requirementPhrases(tier: ProgramTier): string[] {
  const r = tier.requires ?? {};
  return [
    ...(r.fields?.length ? [`fields filled: ${r.fields.join(", ")}`] : []),
    ...(r.commitments?.us?.length ? [`our commitment: ${listPhrase(r.commitments.us)}`] : []),
    ...(r.commitments?.partner?.length ? [`the partner's commitment: ${listPhrase(r.commitments.partner)}`] : []),
    ...(r.leverage?.length ? [`leverage: ${listPhrase(r.leverage, "or")}`] : []),
    ...(typeof r.minExitCriteria === "number"
      ? [`at least ${plural(r.minExitCriteria, "exit criterion", "exit criteria")}`]
      : []),
    ...(typeof r.minMetrics === "number" ? [`at least ${plural(r.minMetrics, "metric")}`] : []),
    ...(typeof r.maxRevenueSharePercent === "number"
      ? [`revenue share at most ${formatNumber(r.maxRevenueSharePercent)}%`]
      : []),
  ];
}

function graduationPhrase(tier: ProgramTier): string {
  const g = tier.graduation;
  if (!g || typeof g !== "object") return "none (the highest tier)";
  const after = typeof g.afterMonths === "number" ? ` after ${plural(g.afterMonths, "month")}` : "";
  const criteria = Array.isArray(g.criteria) && g.criteria.length ? `: ${g.criteria.join("; ")}` : "";
  return `to ${String(g.to)}${after}${criteria}`;
}

interface Section {
  decision: { label: string; value: string }[];
  advice?: string;
  header: string[];
  rows: { label: string; cells: string[] }[];
}

function sections(page: ProgramPage): Section {
  const program = page.program ?? {};
  const ecosystem = program.ecosystem ?? {};
  const shown = (value: unknown): string => (value === undefined ? "not stated" : String(value));
  const advice = ecosystemAdvice(ecosystem);
  const tiers = Array.isArray(program.tiers) ? program.tiers.filter((tier) => tier && typeof tier === "object") : [];
  const chartersOf = (tier: ProgramTier): string => {
    const members = page.charters.filter((charter) => charter.tier === tier.tier);
    if (members.length === 0) return "none yet";
    return members.map((charter) => `${charter.label} (health ${charter.health ?? "—"})`).join("; ");
  };
  return {
    decision: [
      { label: "Model", value: shown(ecosystem.model) },
      { label: "Brand risk", value: shown(ecosystem.brandRisk) },
      { label: "Partners expected in 12 months", value: shown(ecosystem.expectedPartners) },
      { label: "Partners the team can review in 12 months", value: shown(ecosystem.reviewCapacity) },
      { label: "Trust layers", value: ecosystem.trustLayers?.length ? ecosystem.trustLayers.join(", ") : "none" },
    ],
    advice: advice && `${advice.reason}: the decision tree says ${advice.model}.`,
    header: tiers.map((tier) => `${String(tier.name)} (${String(tier.tier)})`),
    rows: [
      { label: "Provides", cells: tiers.map((tier) => (Array.isArray(tier.provides) ? tier.provides.join(", ") : "")) },
      { label: "Requires", cells: tiers.map((tier) => requirementPhrases(tier).join("; ") || "nothing more") },
      { label: "Graduation", cells: tiers.map(graduationPhrase) },
      {
        label: "Capacity",
        cells: tiers.map((tier) =>
          typeof tier.maxPartners === "number" ? `${tier.maxPartners} partners` : "no limit",
        ),
      },
      { label: "Charters", cells: tiers.map(chartersOf) },
    ],
  };
}

function title(page: ProgramPage): string {
  return typeof page.program?.title === "string" ? page.program.title : page.fileName;
}

export function renderProgramMarkdown(page: ProgramPage): string {
  const s = sections(page);
  const lines = [
    `# ${markdownCell(title(page))}`,
    "",
    `Partner program · ${markdownCell(page.fileName)}`,
    "",
    "## Curated or open",
    "",
  ];
  lines.push(
    markdownTable(
      ["Input", "Value"],
      s.decision.map((row) => [row.label, markdownCell(row.value)]),
    ),
  );
  if (s.advice) lines.push("", markdownCell(s.advice));
  lines.push("", "## Tiers", "");
  if (s.header.length) {
    lines.push(
      markdownTable(
        ["Tier", ...s.header.map(markdownCell)],
        s.rows.map((row) => [row.label, ...row.cells.map(markdownCell)]),
      ),
    );
  } else lines.push("No tier can be read.");
  lines.push("", "## Findings", "");
  if (page.findings.length === 0) lines.push("No findings.");
  for (const finding of page.findings) {
    lines.push(
      `- line ${finding.range.start.line + 1}, ${finding.rule} (${finding.severity}): ${markdownCell(finding.message)}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

export function renderProgramHtml(page: ProgramPage): string {
  const s = sections(page);
  const cell = (text: string, tag = "td"): string => `<${tag}>${escapeHtml(text)}</${tag}>`;
  const table = (caption: string, header: string[], rows: string[][]): string =>
    `<table><caption>${escapeHtml(caption)}</caption><thead><tr>${header.map((h) => cell(h, "th")).join("")}</tr></thead><tbody>${rows
      .map((row) => `<tr>${row.map((text, i) => cell(text, i === 0 ? "th" : "td")).join("")}</tr>`)
      .join("")}</tbody></table>`;
  const findings = page.findings.length
    ? `<ul>${page.findings.map((f) => `<li>${escapeHtml(`line ${f.range.start.line + 1}, ${f.rule} (${f.severity}): ${f.message}`)}</li>`).join("")}</ul>`
    : "<p>No findings.</p>";
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${STANDALONE_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title(page))}</title>
<style>body{font-family:system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#1f2328;background:#fff}
table{border-collapse:collapse;margin:1rem 0;width:100%}th,td{border:1px solid #8c959f;padding:.4rem .6rem;text-align:left;vertical-align:top}
caption{text-align:left;font-weight:600;padding:.3rem 0}</style></head>
<body><main><h1>${escapeHtml(title(page))}</h1><p>Partner program · ${escapeHtml(page.fileName)}</p>
<h2>Curated or open</h2>${table(
    "The decision and its inputs",
    ["Input", "Value"],
    s.decision.map((row) => [row.label, row.value]),
  )}
${s.advice ? `<p>${escapeHtml(s.advice)}</p>` : ""}
<h2>Tiers</h2>${
    s.header.length
      ? table(
          "Each tier side by side",
          ["Tier", ...s.header],
          s.rows.map((row) => [row.label, ...row.cells]),
        )
      : "<p>No tier can be read.</p>"
  }
<h2>Findings</h2>${findings}</main></body></html>
`;
}
