import { healthText } from "../facts/health";
import type { CharterView } from "../model/charter-view";
import { escapeMarkdown as md, markdownCell as cell, markdownTable } from "./markdown-escape";
import { countsLine, NOT_STATED, renderModel, type PhaseView, type RenderModel } from "./view-model";

/**
 * The charter page as Markdown (`partner-charter render --format markdown`): the same content
 * as the HTML page, as headings, tables and lists. Every string from the charter is escaped.
 */

const MISSING = `*${NOT_STATED}*`;

function or(value: string | undefined, fallback = MISSING): string {
  return value === undefined || value === "" ? fallback : md(value);
}

function orCell(value: string | undefined): string {
  return value === undefined || value === "" ? MISSING : cell(value);
}

function header(model: RenderModel): string[] {
  const suppressed = model.suppressed ? `, ${model.suppressed} suppressed` : "";
  return [
    `# ${md(model.title)}`,
    "",
    `Partnership charter · ${md(model.fileName)}`,
    "",
    markdownTable(
      ["Partner", "Tier", "Status", "Owner", "Updated", "Health"],
      [
        [
          orCell(model.partner),
          orCell(model.tier),
          orCell(model.status),
          orCell(model.owner),
          orCell(model.updated),
          `**${healthText(model.health)}** (${countsLine(model.counts)}${suppressed})`,
        ],
      ],
    ),
  ];
}

function value(model: RenderModel): string[] {
  const heading = { us: "For us", partner: "For the partner", customers: "For shared customers" };
  const out = ["## Three-sided value"];
  for (const column of model.value) {
    out.push("", `### ${heading[column.side]}`, "");
    if (column.items.length === 0) out.push(`- ${MISSING}`);
    for (const item of column.items) out.push(`- **${md(item.benefit)}**${item.detail ? ` — ${md(item.detail)}` : ""}`);
    out.push("", `Success looks like: ${or(column.goal)}`);
  }
  return out;
}

function exchange(model: RenderModel): string[] {
  const [us, partner] = model.exchange.sides;
  const gives = (side: typeof us): string =>
    side.gives.length
      ? side.gives
          .map(
            (line) =>
              `**${cell(line.label)}**${line.economic ? " (economic)" : ""}${line.amount ? ` · ${cell(line.amount)}` : ""}${line.detail ? ` — ${cell(line.detail)}` : ""}`,
          )
          .join("<br>")
      : "*nothing stated*";
  const out = [
    "## Value exchange",
    "",
    markdownTable(
      ["", "Us", "Partner"],
      [
        ["**Gives**", gives(us), gives(partner)],
        ["**Loses if it fails**", orCell(us.loses), orCell(partner.loses)],
      ],
    ),
    "",
    `**Balance:** ${md(model.exchange.balanceLine)}`,
  ];
  if (model.exchange.comparisons.length) {
    out.push("", `Same-unit totals: ${model.exchange.comparisons.map(md).join("; ")}`);
  }
  return out;
}

function leverage(model: RenderModel): string[] {
  const out = ["## Leverage", "", "The strength scale, strongest first:", ""];
  model.leverage.scale.forEach((step, i) => {
    const line = `${i + 1}. ${step.selected ? `**${md(step.label)}** ◀ this charter` : md(step.label)} — ${md(step.note)}`;
    out.push(line);
  });
  if (!model.leverage.scale.some((step) => step.selected)) out.push("", `Leverage type: ${or(model.leverage.type)}`);
  out.push(
    "",
    `- **Evidence:** ${or(model.leverage.evidence)}`,
    `- **If we walk away, the partner…** ${or(model.leverage.ifWeWalkAway)}`,
  );
  return out;
}

function phaseRow(phase: PhaseView): string[] {
  if (!phase.present) return [phase.label, "*not planned*", " ", " ", " ", " ", " "];
  const dates = `${phase.start ? cell(phase.start) : MISSING} → ${phase.end ? cell(phase.end) : phase.key === "run" ? "ongoing" : MISSING}`;
  const gate =
    phase.key === "run"
      ? `reviews ${orCell(phase.reviewCadence)}; ROI validated: ${phase.roiValidated === undefined ? MISSING : phase.roiValidated ? "yes" : "no"}`
      : phase.criteria.length
        ? phase.criteria.map((criterion) => `${cell(criterion.metric)}: ${cell(criterion.bar)}`).join("<br>")
        : MISSING;
  const outcome =
    phase.key === "run"
      ? " "
      : `${cell(phase.outcome ?? "pending")}${phase.decidedOn ? ` (${cell(phase.decidedOn)})` : ""}`;
  return [
    phase.label,
    dates,
    phase.length ?? " ",
    phase.key === "run" ? " " : orCell(phase.customers),
    orCell(phase.integration),
    gate,
    outcome,
  ];
}

function timeline(model: RenderModel): string[] {
  const out = ["## Crawl, walk, run", ""];
  if (!model.timeline.phases.some((phase) => phase.present)) return [...out, "*no phases stated*"];
  out.push(
    markdownTable(
      ["Phase", "Dates", "Length", "Customers", "Integration", "Go/no-go", "Outcome"],
      model.timeline.phases.map(phaseRow),
    ),
    "",
    `Today: ${md(model.timeline.today)} · stage: ${model.timeline.stage}`,
  );
  for (const phase of model.timeline.phases) {
    if (phase.deliverables.length) {
      out.push("", `${phase.label} deliverables:`, "", ...phase.deliverables.map((item) => `- ${md(item)}`));
    }
  }
  return out;
}

function measurement(model: RenderModel): string[] {
  const out = ["## Measurement", ""];
  out.push(
    model.measurement.metrics.length
      ? markdownTable(
          ["Metric", "Target", "Tracked in"],
          model.measurement.metrics.map((metric) => [cell(metric.name), orCell(metric.target), orCell(metric.source)]),
        )
      : `Metrics: ${MISSING}`,
    "",
    `- **Review cadence:** ${or(model.measurement.reviewCadence)}`,
    `- **Dashboard:** ${or(model.measurement.dashboard)}`,
  );
  return out;
}

function governance(model: RenderModel): string[] {
  const g = model.governance;
  const out = [
    "## Governance",
    "",
    `- **Decision owners:** us: ${or(g.owners.us)} · partner: ${or(g.owners.partner)}`,
    `- **Executive sponsors:** us: ${or(g.sponsors.us)} · partner: ${or(g.sponsors.partner)}`,
    `- **Partner manager:** ${or(g.partnerManager)}`,
    `- **Sync cadence:** ${or(g.syncCadence)}`,
    `- **Escalation:** ${g.escalation.length ? g.escalation.map(md).join(" → ") : MISSING}`,
    "",
    "### Exit criteria",
    "",
  ];
  if (g.exitCriteria.length) out.push(...g.exitCriteria.map((item) => `- ${md(item)}`));
  else out.push(MISSING);
  return out;
}

const SIGNATURE_STATE = {
  current: "current",
  outdated: "**outdated**: the charter changed after signing",
  none: "no digest",
} as const;

function signatures(model: RenderModel): string[] {
  const out = ["## Signatures", ""];
  if (model.signatures.length === 0) return [...out, "*not signed yet*"];
  out.push(
    markdownTable(
      ["Party", "Name", "Title", "Date", "Signed text"],
      model.signatures.map((signature) => [
        cell(signature.party),
        orCell(signature.name),
        orCell(signature.title),
        orCell(signature.date),
        SIGNATURE_STATE[signature.state],
      ]),
    ),
  );
  return out;
}

function launch(model: RenderModel): string[] {
  if (!model.launch) return [];
  const open = model.launch.open.length ? ` · open: ${model.launch.open.map(md).join(", ")}` : "";
  return [
    "## Launch",
    "",
    `- **Launch date:** ${or(model.launch.date)}`,
    `- **Checklist:** ${model.launch.done} of ${model.launch.total} done${open}`,
  ];
}

function findings(model: RenderModel): string[] {
  const out = ["## Findings", ""];
  if (model.findings.length === 0) out.push("No findings: the charter meets every rule that is switched on.");
  for (const finding of model.findings) {
    out.push(
      `- **${finding.severity}** line ${finding.line + 1} — ${md(finding.message)} ([${finding.rule}](${finding.docUrl}))`,
    );
  }
  if (model.suppressed) out.push("", `${model.suppressed} suppressed by comments in the file.`);
  return out;
}

export function renderCharterMarkdown(view: CharterView): string {
  const model = renderModel(view);
  const sections: string[][] = [header(model)];
  if (!model.readable) {
    sections.push([
      `> **This file could not be read as a charter**${view.parseOk ? " (it is not a YAML mapping)" : " (its YAML is not well-formed)"}. Fix the problems below.`,
    ]);
  } else {
    sections.push(
      value(model),
      exchange(model),
      leverage(model),
      timeline(model),
      measurement(model),
      governance(model),
      signatures(model),
    );
    const launchLines = launch(model);
    if (launchLines.length) sections.push(launchLines);
  }
  sections.push(findings(model));
  return `${sections.map((lines) => lines.join("\n")).join("\n\n")}\n`;
}
