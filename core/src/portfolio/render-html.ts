import { dateOfDay, dayNumber, PHASE_NAMES } from "../facts";
import { html, type Html } from "../render/html";
import { pageHead, STANDALONE_CSP, webviewCsp } from "../render/render-html";
import { PHASE_LABELS } from "../render/format";
import { charterCss } from "../render/styles";
import { attentionText, CHARTER_COLUMNS, healthCell, nextMilestoneCell, tierCell, totalsLines } from "./render-text";
import type { Portfolio, PortfolioCharter } from "./types";

/**
 * `--format html` and the editor's Portfolio Dashboard: one self-contained page (the charter
 * page's stylesheet, no script, no remote resource) with the partnerships table, what needs
 * attention, the totals, and a timeline of every partnership's crawl/walk/run on one time axis
 * with today's marker and the milestones. Every string from a charter is escaped by `html`.
 */

export interface PortfolioHtmlOptions {
  /** `standalone` (the CLI's file, fixed colours) or `webview` (the editor theme, its CSP). */
  mode: "standalone" | "webview";
  /** Webview: the nonce of the page's style (the page has no script). */
  nonce?: string;
  cspSource?: string;
  /**
   * Where a partnership's link goes: `line` is 1-based. Standalone default: the file, relative
   * to the page (each path segment encoded, so a file name can never become a `javascript:` URL).
   */
  linkOf?: (charter: { file: string; uri?: string }, line?: number) => string;
}

function relativeLink(charter: { file: string }): string {
  return `./${charter.file.split("/").map(encodeURIComponent).join("/")}`;
}

const PORTFOLIO_CSS = `
.portfolio-table td, .portfolio-table th { padding: 4px 8px; }
.portfolio-table td.num { text-align: right; }
.health-cell { border-left: 4px solid var(--border); }
.health-cell.health-good { border-left-color: var(--good); }
.health-cell.health-fair { border-left-color: var(--warning); }
.health-cell.health-poor { border-left-color: var(--error); }
.attention { list-style: none; padding: 0; }
.attention li { padding: 4px 0 4px 10px; border-left: 4px solid var(--info); margin-bottom: 4px; }
.attention li.overdue { border-left-color: var(--error); }
.attention .when { font-weight: 700; margin-right: 8px; white-space: nowrap; }
.attention .where { color: var(--muted); font-size: 0.85em; margin-left: 6px; }
.timeline-row { display: grid; grid-template-columns: 150px 1fr; align-items: center; gap: 8px; }
.timeline-row .who { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.timeline-scale { display: grid; grid-template-columns: 150px 1fr; gap: 8px; color: var(--muted); font-size: 0.8em; }
.timeline-scale .ends { display: flex; justify-content: space-between; }
.milestone { fill: var(--fg); stroke: var(--bg); stroke-width: 1; }
.legend { color: var(--muted); font-size: 0.85em; }
.legend .swatch { display: inline-block; width: 12px; height: 10px; margin: 0 4px 0 10px; vertical-align: baseline; border-radius: 2px; }
.swatch.crawl { background: var(--crawl); }
.swatch.walk { background: var(--walk); }
.swatch.run { background: var(--run); }
@media print {
  @page { margin: 12mm; }
  body { font-size: 9pt; }
  .portfolio-table { table-layout: fixed; }
  .portfolio-table td, .portfolio-table th { padding: 2px 4px; overflow-wrap: anywhere; }
  .timeline-row, .timeline-scale { grid-template-columns: 110px 1fr; }
  .timeline-row, .attention li { break-inside: avoid; }
  .swatch, .gantt-bar, .milestone { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}`;

function healthClass(health: number | null): string {
  if (health === null) return "health-none";
  return health >= 80 ? "health-good" : health >= 50 ? "health-fair" : "health-poor";
}

function nameOf(charter: PortfolioCharter): string {
  return charter.partner ?? charter.title ?? charter.file;
}

function chartersTable(portfolio: Portfolio, link: NonNullable<PortfolioHtmlOptions["linkOf"]>): Html {
  if (portfolio.charters.length === 0) return html`<p>No charters.</p>`;
  return html`<table class="portfolio-table">
    <thead>
      <tr>
        ${CHARTER_COLUMNS.map((column) => html`<th scope="col">${column}</th>`)}
        <th scope="col">Errors / warnings</th>
      </tr>
    </thead>
    <tbody>
      ${portfolio.charters.map(
        (charter) =>
          html`<tr>
            <th scope="row"><a href="${link(charter)}">${nameOf(charter)}</a></th>
            <td>${tierCell(charter)}</td>
            <td>${charter.status ?? "—"}</td>
            <td>${charter.stage ?? "—"}</td>
            <td>${nextMilestoneCell(charter)}</td>
            <td>${charter.owner ?? "—"}</td>
            <td class="num health-cell ${healthClass(charter.health)}">${healthCell(charter)}</td>
            <td class="num">${charter.errors} / ${charter.warnings}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function attentionList(portfolio: Portfolio, link: NonNullable<PortfolioHtmlOptions["linkOf"]>): Html {
  if (portfolio.attention.length === 0) return html`<p>Nothing needs attention.</p>`;
  return html`<ul class="attention">
    ${portfolio.attention.map(
      (item) =>
        html`<li class="${item.daysUntil !== undefined && item.daysUntil < 0 ? "overdue" : ""}">
          ${item.date ? html`<span class="when">${item.date}</span>` : ""}${attentionText(item)}
          <a class="where" href="${link(item, item.line)}">${item.file}:${item.line}</a>
        </li>`,
    )}
  </ul>`;
}

/** The span of the timeline: every phase and milestone date and today, with some room. */
function span(portfolio: Portfolio): { from: number; to: number } | undefined {
  const days: number[] = [];
  for (const charter of portfolio.charters) {
    for (const name of PHASE_NAMES) {
      for (const date of [charter.phases[name].start, charter.phases[name].end]) {
        const day = dayNumber(date);
        if (day !== undefined) days.push(day);
      }
    }
    for (const milestone of charter.milestones) days.push(dayNumber(milestone.date)!);
  }
  if (days.length === 0) return undefined;
  const today = dayNumber(portfolio.today)!;
  let from = Math.min(today, ...days);
  let to = Math.max(today, ...days);
  if (to - from < 28) {
    from -= 14;
    to += 14;
  }
  const pad = Math.max(3, Math.round((to - from) * 0.02));
  return { from: from - pad, to: to + pad };
}

function timelineSection(portfolio: Portfolio, link: NonNullable<PortfolioHtmlOptions["linkOf"]>): Html | undefined {
  const bounds = span(portfolio);
  if (!bounds) return undefined;
  const { from, to } = bounds;
  const at = (day: number): number => Math.round(((day - from) / (to - from)) * 10000) / 100;
  const todayAt = at(dayNumber(portfolio.today)!);
  const rows = portfolio.charters.map((charter) => {
    const bars = PHASE_NAMES.flatMap((name) => {
      const phase = charter.phases[name];
      const start = dayNumber(phase.start);
      if (start === undefined) return [];
      const end = dayNumber(phase.end);
      const stop = end === undefined ? (name === "run" ? to : start) : Math.max(end, start);
      const width = Math.max(0.5, at(stop) - at(start));
      return [
        html`<rect
          class="gantt-bar phase-${name}${end === undefined ? " open" : ""}"
          x="${at(start)}%"
          y="4"
          width="${width}%"
          height="14"
          rx="3"
          ><title>${PHASE_LABELS[name]}: ${phase.start} to ${phase.end ?? "ongoing"}</title></rect
        >`,
      ];
    });
    const marks = charter.milestones.map(
      (milestone) =>
        html`<circle class="milestone" cx="${at(dayNumber(milestone.date)!)}%" cy="11" r="4"
          ><title>${milestone.label}: ${milestone.date}</title></circle
        >`,
    );
    const phases = PHASE_NAMES.filter((name) => charter.phases[name].start)
      .map((name) => `${name} ${charter.phases[name].start} to ${charter.phases[name].end ?? "ongoing"}`)
      .join("; ");
    const milestones = charter.milestones.map((milestone) => `${milestone.label} ${milestone.date}`).join("; ");
    const label = `${nameOf(charter)}: ${phases || "no phase dates"}${milestones ? `; milestones: ${milestones}` : ""}`;
    return html`<div class="timeline-row">
      <span class="who"><a href="${link(charter)}">${nameOf(charter)}</a></span>
      <svg class="gantt-track" width="100%" height="22" role="img" aria-label="${label}">
        <rect class="lane" x="0" y="3" width="100%" height="16" rx="3"></rect>
        ${bars}${marks}
        <line class="gantt-today" x1="${todayAt}%" x2="${todayAt}%" y1="0" y2="22"></line>
      </svg>
    </div>`;
  });
  return html`<section id="timeline">
    <h2>Timeline</h2>
    <p class="legend">
      <span class="swatch crawl"></span>crawl<span class="swatch walk"></span>walk<span class="swatch run"></span>run ·
      dots: milestones · red line: today (${portfolio.today})
    </p>
    ${rows}
    <div class="timeline-scale">
      <span></span><span class="ends"><span>${dateOfDay(from)}</span><span>${dateOfDay(to)}</span></span>
    </div>
  </section>`;
}

function totalsSection(portfolio: Portfolio): Html {
  return html`<section id="totals">
    <h2>Totals</h2>
    <dl class="kv">
      ${totalsLines(portfolio.totals).map(
        ([name, value]) =>
          html`<dt>${name}</dt>
            <dd>${value}</dd>`,
      )}
    </dl>
  </section>`;
}

export function renderPortfolioHtml(portfolio: Portfolio, options: PortfolioHtmlOptions): string {
  const { mode } = options;
  if (mode === "webview" && !options.nonce) throw new TypeError("renderPortfolioHtml: webview mode needs a nonce.");
  const csp = mode === "webview" ? webviewCsp(options.nonce!, options.cspSource) : STANDALONE_CSP;
  const link = options.linkOf ?? relativeLink;
  const page = html`<!DOCTYPE html>
    <html lang="en">
      ${pageHead(`Partnership portfolio — ${portfolio.today}`, csp, options.nonce, `${charterCss(mode)}${PORTFOLIO_CSS}`)}
      <body class="mode-${mode}">
        <main>
          <header>
            <p class="eyebrow">Partnership portfolio</p>
            <h1>Every partnership on ${portfolio.today}</h1>
          </header>
          <section id="partnerships">
            <h2>Partnerships</h2>
            ${chartersTable(portfolio, link)}
          </section>
          <section id="attention">
            <h2>Needs attention</h2>
            ${attentionList(portfolio, link)}
          </section>
          ${timelineSection(portfolio, link)} ${totalsSection(portfolio)}
          <footer>
            Rendered by partner-charter for ${portfolio.today}. Health score: 100, minus 15 per error, 5 per warning, 1
            per info.
          </footer>
        </main>
      </body>
    </html> `;
  return page.value;
}
