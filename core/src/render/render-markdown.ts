import { healthText } from "../facts/health";
import type { CharterView } from "../model/charter-view";
import { plural } from "../text/words";
import {
  escapeMarkdown as md,
  markdownCell as cell,
  markdownCode,
  markdownMessage,
  markdownTable,
} from "./markdown-escape";
import {
  countsLine,
  DRAFT_MARK,
  NOT_STATED,
  renderModel,
  type Audience,
  type PhaseView,
  type RenderModel,
  type SignatureBlock,
} from "./view-model";

/**
 * The charter page as Markdown (`partner-charter render --format markdown`): the same content
 * as the HTML page, as headings, tables and lists. Every string from the charter is escaped.
 */

export interface RenderMarkdownOptions {
  /** `internal` (default): the team's page; `partner`: the page sent for signature. */
  audience?: Audience;
}

const MISSING = `*${NOT_STATED}*`;

function or(value: string | undefined, fallback = MISSING): string {
  return value === undefined || value === "" ? fallback : md(value);
}

function orCell(value: string | undefined): string {
  return value === undefined || value === "" ? MISSING : cell(value);
}

function header(model: RenderModel): string[] {
  const internal = model.audience === "internal";
  const suppressed = model.suppressed ? `, ${model.suppressed} suppressed` : "";
  const out = [`# ${md(model.title)}`, ""];
  if (model.draft) {
    const why = internal
      ? `${plural(model.draft.blocking, "error")} must be resolved before anyone signs: see [the findings](#findings).`
      : "This version still has open points to settle before it can be signed.";
    out.push(`> **${DRAFT_MARK}** — ${why}`, "");
  }
  out.push(internal ? `Partnership charter · ${md(model.fileName)}` : "Partnership charter", "");
  const columns = ["Between", "Tier", "Status", "Owner", "Updated"];
  const row = [
    `${cell(model.companies.us)} and ${cell(model.companies.partner)}`,
    orCell(model.tier),
    orCell(model.status),
    orCell(model.owner),
    orCell(model.updated),
  ];
  if (internal) {
    columns.push("Health");
    row.push(`**${healthText(model.health)}** (${countsLine(model.counts)}${suppressed})`);
  }
  out.push(markdownTable(columns, [row]));
  if (internal) {
    const summary = model.findings.length
      ? `${countsLine(model.counts)}${suppressed} — [see the list](#findings)`
      : `none${suppressed}`;
    out.push("", `**Findings:** ${summary}`);
  }
  return out;
}

function value(model: RenderModel): string[] {
  const out = ["## Three-sided value"];
  for (const column of model.value) {
    out.push("", `### For ${md(column.label)}`, "");
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
      ["", cell(us.label), cell(partner.label)],
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
    `- **If ${md(model.companies.us)} walks away, ${md(model.companies.partner)}…** ${or(model.leverage.ifWeWalkAway)}`,
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
  const { us, partner } = model.companies;
  const out = [
    "## Governance",
    "",
    `- **Decision owners:** ${md(us)}: ${or(g.owners.us)} · ${md(partner)}: ${or(g.owners.partner)}`,
    `- **Executive sponsors:** ${md(us)}: ${or(g.sponsors.us)} · ${md(partner)}: ${or(g.sponsors.partner)}`,
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

const LINE = "______________________________";

function signatureBlock(block: SignatureBlock): string[] {
  const signature = block.signature;
  const field = (label: string, value: string | undefined): string => `- ${label}: ${value ? md(value) : LINE}`;
  const lines = [
    `### For ${md(block.company)}`,
    "",
    field("Name", signature?.name),
    field("Title", signature?.title),
    field("Date", signature?.date),
  ];
  lines.push(signature ? `- Signed text: ${SIGNATURE_STATE[signature.state]}` : field("Signature", undefined));
  return lines;
}

/** The partner page ends with a place to sign for each party. */
function signatureBlocks(model: RenderModel): string[] {
  return [
    "## Signatures",
    "",
    ...model.signatureBlocks.flatMap((block, i) => [...(i ? [""] : []), ...signatureBlock(block)]),
  ];
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
      `- **${finding.severity}** line ${finding.line + 1} — ${markdownMessage(finding.message)} (${markdownCode(finding.rule)})`,
    );
  }
  if (model.suppressed) out.push("", `${model.suppressed} suppressed by comments in the file.`);
  return out;
}

export function renderCharterMarkdown(view: CharterView, options: RenderMarkdownOptions = {}): string {
  const model = renderModel(view, options.audience ?? "internal");
  const internal = model.audience === "internal";
  const sections: string[][] = [header(model)];
  if (!model.readable) {
    sections.push([
      `> **This file could not be read as a charter**${view.parseOk ? " (it is not a YAML mapping)" : " (its YAML is not well-formed)"}.${internal ? " Fix the problems below." : ""}`,
    ]);
  } else {
    sections.push(
      value(model),
      exchange(model),
      leverage(model),
      timeline(model),
      measurement(model),
      governance(model),
    );
    if (internal) sections.push(signatures(model));
    const launchLines = launch(model);
    if (launchLines.length) sections.push(launchLines);
    if (!internal) sections.push(signatureBlocks(model));
  }
  if (internal) sections.push(findings(model));
  return `${sections.map((lines) => lines.join("\n")).join("\n\n")}\n`;
}
