import type { CharterView } from "../model/charter-view";
import { html, trusted, type Html, type HtmlValue } from "./html";
import { plural } from "../text/words";
import { charterCss } from "./styles";
import {
  countsLine,
  DRAFT_MARK,
  NOT_STATED,
  renderModel,
  type Audience,
  type ExchangeSide,
  type FindingView,
  type PhaseView,
  type RenderModel,
  type SignatureBlock,
  type SignatureView,
  type TimelineView,
  type ValueColumn,
} from "./view-model";

/**
 * The charter page: the one rendering behind the editor's preview (`webview`), "Export as
 * HTML" and `partner-charter render` (`standalone`). Every string from the charter is escaped
 * (see `html`). Standalone pages are one self-contained file: inline CSS, no script, no remote
 * resource. Webview pages follow the editor theme and carry a nonce'd script that turns a
 * click on a finding into `{ type: "reveal", line, character }` (0-based) for the extension,
 * a click on the audience toolbar into `{ type: "audience", audience }`, and keeps the
 * page's scroll position across re-renders and reloads (webview state, `{ type: "scroll", y }`
 * to the extension, which answers `{ type: "loaded" }` with `{ type: "scrollTo", y }`).
 */

export interface RenderHtmlOptions {
  mode: "standalone" | "webview";
  /** `internal` (default): the team's page; `partner`: the page sent for signature. */
  audience?: Audience;
  /** Webview only: the scroll position to restore when the webview has no state of its own. */
  scrollY?: number;
  /** Required in webview mode: the nonce of the page's `<style>` and `<script>`. */
  nonce?: string;
  /** The webview's `cspSource` (allowed for styles and images). */
  cspSource?: string;
}

export const STANDALONE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const NONCE = /^[A-Za-z0-9+/=_-]+$/;
/** One or more space-separated CSP sources (VS Code for the web gives several). */
const CSP_SOURCE = /^(?:[^\s"'<>&;,]+|'self')(?: (?:[^\s"'<>&;,]+|'self'))*$/;

/** True when a webview's `cspSource` can be put in a policy without breaking out of it. */
export function isSafeCspSource(cspSource: string): boolean {
  return CSP_SOURCE.test(cspSource);
}

/** The webview policy; throws when the nonce or source could break out of the policy. */
export function webviewCsp(nonce: string, cspSource = ""): string {
  if (!NONCE.test(nonce)) throw new TypeError("renderCharterHtml: the nonce must be base64 or hex characters.");
  if (cspSource && !CSP_SOURCE.test(cspSource)) throw new TypeError("renderCharterHtml: invalid cspSource.");
  const source = cspSource ? `${cspSource} ` : "";
  return `default-src 'none'; style-src ${source}'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src ${source}data:`;
}

/**
 * The webview's one script: a click on a finding asks the extension to reveal its line, a
 * click on the toolbar to switch the audience; the scroll position is kept in the webview's
 * state (which VS Code keeps while the panel is hidden and across re-renders) and reported to
 * the extension, so neither a jump to a line nor a re-render scrolls the page back to the top.
 * `{ type: "scrollToSection", id }` scrolls to a section (a code lens's command).
 */
const PREVIEW_SCRIPT = `(function () {
  var vscode = typeof acquireVsCodeApi === "function" ? acquireVsCodeApi() : undefined;
  var state = (vscode && vscode.getState()) || {};
  var target = typeof state.scrollY === "number" ? state.scrollY : Number(document.body.getAttribute("data-scroll-y") || 0);
  // A new render shows in a frame that is laid out only once VS Code swaps it in, and a moved or
  // re-shown panel loads again: the position is set again until it holds (two seconds at
  // most), and scroll events of that time are not taken for the user's.
  var restoring = false;
  var timer;
  function restore() {
    if (Math.abs(window.scrollY - target) > 2) window.scrollTo(0, target);
  }
  function startRestore() {
    if (!(target > 0)) return;
    restoring = true;
    restore();
    var tries = 0;
    clearInterval(timer);
    timer = setInterval(function () {
      restore();
      tries++;
      if (tries >= 40 || (tries >= 6 && Math.abs(window.scrollY - target) <= 2)) {
        clearInterval(timer);
        restoring = false;
      }
    }, 50);
  }
  startRestore();
  window.addEventListener("load", restore);
  // The extension remembers the position too, for a panel VS Code loads again.
  window.addEventListener("message", function (event) {
    var message = event.data;
    if (message && message.type === "scrollTo" && typeof message.y === "number") {
      target = message.y;
      startRestore();
    }
    // A code lens asks for the section that shows its facts (the timeline, the exchange).
    var section = message && message.type === "scrollToSection" ? document.getElementById(String(message.id)) : null;
    if (section) {
      target = Math.max(0, section.getBoundingClientRect().top + window.scrollY);
      startRestore();
      if (vscode) {
        vscode.setState({ scrollY: target });
        vscode.postMessage({ type: "scroll", y: target });
      }
    }
  });
  var pending = false;
  window.addEventListener("scroll", function () {
    // A frame being hidden or resized reports 0 without anyone scrolling.
    if (pending || restoring || window.innerHeight < 40) return;
    pending = true;
    setTimeout(function () {
      pending = false;
      if (!vscode || restoring || window.innerHeight < 40) return;
      vscode.setState({ scrollY: window.scrollY });
      vscode.postMessage({ type: "scroll", y: window.scrollY });
    }, 100);
  });
  document.addEventListener("click", function (event) {
    var clicked = event.target;
    var control = clicked && clicked.closest ? clicked.closest("button[data-line], button[data-audience]") : null;
    if (!control || !vscode) return;
    if (control.hasAttribute("data-audience")) {
      vscode.postMessage({ type: "audience", audience: control.getAttribute("data-audience") });
      return;
    }
    event.preventDefault();
    vscode.setState({ scrollY: window.scrollY });
    vscode.postMessage({
      type: "reveal",
      line: Number(control.getAttribute("data-line")),
      character: Number(control.getAttribute("data-character")),
      scrollY: window.scrollY
    });
  });
  if (vscode) vscode.postMessage({ type: "loaded" });
})();`;

/** Charter text with its `code` spans (as the rule messages write them) shown as code. */
export function withCode(message: string): Html {
  const parts = message.split(/`([^`]+)`/);
  return html`${parts.map((part, i) => (i % 2 === 1 ? html`<code>${part}</code>` : part))}`;
}

function or(value: HtmlValue, fallback = NOT_STATED): HtmlValue {
  return value === undefined || value === null || value === "" ? html`<span class="missing">${fallback}</span>` : value;
}

function healthClass(health: number | undefined): string {
  if (health === undefined) return "health-none";
  return health >= 80 ? "health-good" : health >= 50 ? "health-fair" : "health-poor";
}

const KNOWN_OUTCOMES = new Set(["passed", "failed", "pending"]);

function masthead(model: RenderModel): Html {
  const internal = model.audience === "internal";
  return html`<header class="masthead">
    <div>
      <p class="eyebrow">Partnership charter${internal ? ` · ${model.fileName}` : ""}</p>
      <h1>${model.title}</h1>
      <dl class="facts">
        <div>
          <dt>Between</dt>
          <dd>${model.companies.us} and ${model.companies.partner}</dd>
        </div>
        <div>
          <dt>Tier</dt>
          <dd>${or(model.tier)}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>${or(model.status)}</dd>
        </div>
        <div>
          <dt>Owner</dt>
          <dd>${or(model.owner)}</dd>
        </div>
        <div>
          <dt>Updated</dt>
          <dd>${or(model.updated)}</dd>
        </div>
      </dl>
    </div>
    ${internal ? healthBox(model) : ""}
  </header>`;
}

function healthBox(model: RenderModel): Html {
  return html`<div
    class="health ${healthClass(model.health)}"
    title="Health score: 100, minus 15 per error, 5 per warning, 1 per info"
  >
    <span class="score">${model.health ?? "—"}</span
    >${model.health === undefined ? "" : html`<span class="of">/100</span>`}
    <span class="label">health</span>
    <span class="counts">${countsLine(model.counts)}${model.suppressed ? `, ${model.suppressed} suppressed` : ""}</span>
  </div>`;
}

/** "Draft — not ready for signature", on every page of a charter that cannot be signed yet. */
function draftMark(model: RenderModel): Html | undefined {
  if (!model.draft) return undefined;
  const why =
    model.audience === "internal"
      ? html`${plural(model.draft.blocking, "error")} must be resolved before anyone signs: see
          <a href="#findings">the findings</a>.`
      : "This version still has open points to settle before it can be signed.";
  return html`<div class="draft-mark" role="note"><strong>${DRAFT_MARK}</strong> — ${why}</div>`;
}

/**
 * The page's content under its draft mark. A table's header row is printed again at the top of
 * every page (a fixed element would cover the text it overlaps), so a draft's mark heads each
 * printed page; a layout table only, for a page that has a mark.
 */
function printFrame(mark: Html | undefined, body: (Html | undefined)[]): Html {
  if (!mark) return html`${body}`;
  return html`<table class="print-frame" role="presentation">
    <thead>
      <tr>
        <td>${mark}</td>
      </tr>
    </thead>
    <tbody>
      <tr>
        <td>${body}</td>
      </tr>
    </tbody>
  </table>`;
}

/** The findings in one line at the top, with a link to the list (internal page only). */
function findingsSummary(model: RenderModel): Html {
  const { errors, warnings } = model.counts;
  const tone = errors ? " has-errors" : warnings ? " has-warnings" : "";
  const total = model.findings.length;
  return html`<p class="summary${tone}">
    <strong>Findings:</strong>
    ${total ? countsLine(model.counts) : "none"}${model.suppressed ? `, ${model.suppressed} suppressed` : ""}${total ? html` — <a href="#findings">see the list</a>` : ""}
  </p>`;
}

/** The preview's audience switch (webview only): which page the preview shows. */
function audienceToolbar(audience: Audience): Html {
  const button = (value: Audience, label: string): Html =>
    html`<button type="button" data-audience="${value}" aria-pressed="${audience === value ? "true" : "false"}">
      ${label}
    </button>`;
  return html`<div class="toolbar" role="toolbar" aria-label="Page audience">
    <span>Show the page:</span>${button("internal", "Internal")}${button("partner", "For the partner")}
  </div>`;
}

function valueSection(columns: ValueColumn[]): Html {
  return html`<section id="value">
    <h2>Three-sided value</h2>
    <div class="columns three">
      ${columns.map(
        (column) =>
          html`<div class="card">
            <h3>For ${column.label}</h3>
            ${
              column.items.length
                ? html`<ul>
                    ${column.items.map((item) => html`<li><strong>${item.benefit}</strong>${item.detail ? html` — ${item.detail}` : ""}</li>`)}
                  </ul>`
                : html`<p>${or(undefined)}</p>`
            }
            <p class="goal"><span class="muted">Success looks like:</span> ${or(column.goal)}</p>
          </div>`,
      )}
    </div>
  </section>`;
}

function exchangeSide(side: ExchangeSide): Html {
  const title = `What ${side.label} gives`;
  const loses = `If it fails, ${side.label} loses`;
  return html`<div class="card">
    <h3>${title}</h3>
    ${
      side.gives.length
        ? html`<ul>
            ${side.gives.map(
              (line) =>
                html`<li class="commitment">
                  <strong>${line.label}</strong
                  >${line.economic ? html`<span class="economic">economic</span>` : ""}${line.amount ? html` · <span class="amount">${line.amount}</span>` : ""}${line.detail ? html` — ${line.detail}` : ""}
                </li>`,
            )}
          </ul>`
        : html`<p>${or(undefined, "nothing stated")}</p>`
    }
    <p class="loses"><span class="muted">${loses}:</span> ${or(side.loses)}</p>
  </div>`;
}

function exchangeSection(model: RenderModel): Html {
  const exchange = model.exchange;
  return html`<section id="exchange">
    <h2>Value exchange</h2>
    <div class="columns two">${exchange.sides.map(exchangeSide)}</div>
    <p class="balance">
      <strong>Balance:</strong> ${exchange.balanceLine}${
        exchange.comparisons.length
          ? html`<br /><span class="muted">Same-unit totals:</span> ${exchange.comparisons.join("; ")}`
          : ""
      }
    </p>
  </section>`;
}

function leverageSection(model: RenderModel): Html {
  const leverage = model.leverage;
  const known = leverage.scale.some((step) => step.selected);
  return html`<section id="leverage">
    <h2>Leverage</h2>
    <ol class="scale">
      ${leverage.scale.map(
        (step) =>
          html`<li class="${step.selected ? "selected" : ""}">
            <span class="step">${step.label}</span
            >${step.selected ? html`<span class="this">◀ this charter</span>` : ""}<span class="note"
              >${step.note}</span
            >
          </li>`,
      )}
    </ol>
    <div class="scale-ends"><span>strongest</span><span>weakest</span></div>
    ${known ? "" : html`<p>Leverage type: ${or(leverage.type)}</p>`}
    <dl class="kv">
      <dt>Evidence</dt>
      <dd>${or(leverage.evidence)}</dd>
      <dt>If ${model.companies.us} walks away, ${model.companies.partner}…</dt>
      <dd>${or(leverage.ifWeWalkAway)}</dd>
    </dl>
  </section>`;
}

function ganttRow(phase: PhaseView, timeline: TimelineView): Html {
  const label = phase.start
    ? `${phase.label}: ${phase.start} to ${phase.end ?? "ongoing"}`
    : `${phase.label}: no dates`;
  const outcome = phase.outcome ?? (phase.key === "run" && phase.present ? (phase.end ? "" : "ongoing") : "");
  const outcomeClass = KNOWN_OUTCOMES.has(outcome) ? `outcome-${outcome}` : "muted";
  return html`<div class="gantt-row">
    <span class="gantt-label">${phase.label}</span>
    <svg class="gantt-track" width="100%" height="22" role="img" aria-label="${label}">
      <rect class="lane" x="0" y="3" width="100%" height="16" rx="3"></rect>
      ${
        phase.bar
          ? html`<rect
              class="gantt-bar phase-${phase.key}${phase.bar.open ? " open" : ""}"
              x="${phase.bar.left}%"
              y="3"
              width="${phase.bar.width}%"
              height="16"
              rx="3"
            ></rect>`
          : ""
      }
      ${timeline.todayAt !== undefined ? html`<line class="gantt-today" x1="${timeline.todayAt}%" x2="${timeline.todayAt}%" y1="0" y2="22"></line>` : ""}
    </svg>
    <span class="outcome ${outcomeClass}">${phase.present ? outcome : "not planned"}</span>
  </div>`;
}

function phaseCard(phase: PhaseView): Html {
  if (!phase.present) {
    return html`<div class="card phase">
      <h3>${phase.label}</h3>
      <p>${or(undefined, "not planned")}</p>
    </div>`;
  }
  const gated = phase.key !== "run";
  return html`<div class="card phase">
    <h3>
      ${phase.label}${phase.outcome ? html` <span class="outcome outcome-${KNOWN_OUTCOMES.has(phase.outcome) ? phase.outcome : "pending"}">${phase.outcome}</span>` : ""}
    </h3>
    <dl>
      <dt>Dates</dt>
      <dd>
        ${or(phase.start)} →
        ${phase.end ?? (phase.key === "run" ? "ongoing" : html`<span class="missing">${NOT_STATED}</span>`)}
      </dd>
      ${
        phase.length
          ? html`<dt>Length</dt>
              <dd>${phase.length}</dd>`
          : ""
      }
      ${
        gated
          ? html`<dt>Customers</dt>
              <dd>${or(phase.customers)}</dd>`
          : ""
      }
      <dt>Integration</dt>
      <dd>${or(phase.integration)}</dd>
      ${
        gated && phase.decidedOn
          ? html`<dt>Decided on</dt>
              <dd>${phase.decidedOn}</dd>`
          : ""
      }
      ${
        !gated
          ? html`<dt>Reviews</dt>
              <dd>${or(phase.reviewCadence)}</dd>
              <dt>ROI validated</dt>
              <dd>${phase.roiValidated === undefined ? or(undefined) : phase.roiValidated ? "yes" : "no"}</dd>`
          : ""
      }
    </dl>
    ${
      phase.deliverables.length
        ? html`<p class="muted">Deliverables</p>
            <ul>
              ${phase.deliverables.map((item) => html`<li>${item}</li>`)}
            </ul>`
        : ""
    }
    ${
      gated
        ? html`<div class="criteria">
            <span class="muted">Go/no-go</span>${
              phase.criteria.length
                ? html`<ul>
                    ${phase.criteria.map((criterion) => html`<li>${criterion.metric}: <span class="bar">${criterion.bar}</span></li>`)}
                  </ul>`
                : html` <span class="missing">${NOT_STATED}</span>`
            }
          </div>`
        : ""
    }
  </div>`;
}

function timelineSection(model: RenderModel): Html {
  const timeline = model.timeline;
  const anyPhase = timeline.phases.some((phase) => phase.present);
  return html`<section id="timeline">
    <h2>Crawl, walk, run</h2>
    ${
      anyPhase
        ? html`<div class="gantt">
              ${timeline.phases.map((phase) => ganttRow(phase, timeline))}
              <div class="gantt-scale">
                <span></span
                ><span class="ends"
                  ><span>${timeline.from ?? ""}</span
                  ><span>today (red line): ${timeline.today} · stage: ${timeline.stage}</span
                  ><span>${timeline.to ?? ""}</span></span
                ><span></span>
              </div>
            </div>
            <div class="columns three">${timeline.phases.map(phaseCard)}</div>`
        : html`<p>${or(undefined, "no phases stated")}</p>`
    }
  </section>`;
}

function measurementSection(model: RenderModel): Html {
  const measurement = model.measurement;
  return html`<section id="measurement">
    <h2>Measurement</h2>
    ${
      measurement.metrics.length
        ? html`<table>
            <thead>
              <tr>
                <th>Metric</th>
                <th>Target</th>
                <th>Tracked in</th>
              </tr>
            </thead>
            <tbody>
              ${measurement.metrics.map(
                (metric) =>
                  html`<tr>
                    <td>${metric.name}</td>
                    <td>${or(metric.target)}</td>
                    <td>${or(metric.source)}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
        : html`<p>Metrics: ${or(undefined)}</p>`
    }
    <dl class="kv">
      <dt>Review cadence</dt>
      <dd>${or(measurement.reviewCadence)}</dd>
      <dt>Dashboard</dt>
      <dd>${or(measurement.dashboard)}</dd>
    </dl>
  </section>`;
}

function governanceSection(model: RenderModel): Html {
  const governance = model.governance;
  return html`<section id="governance">
    <h2>Governance</h2>
    <dl class="kv">
      <dt>Decision owners</dt>
      <dd>
        ${model.companies.us}: ${or(governance.owners.us)} · ${model.companies.partner}:
        ${or(governance.owners.partner)}
      </dd>
      <dt>Executive sponsors</dt>
      <dd>
        ${model.companies.us}: ${or(governance.sponsors.us)} · ${model.companies.partner}:
        ${or(governance.sponsors.partner)}
      </dd>
      <dt>Partner manager</dt>
      <dd>${or(governance.partnerManager)}</dd>
      <dt>Sync cadence</dt>
      <dd>${or(governance.syncCadence)}</dd>
      <dt>Escalation</dt>
      <dd>
        ${
          governance.escalation.length
            ? html`<ol>
                ${governance.escalation.map((step) => html`<li>${step}</li>`)}
              </ol>`
            : or(undefined)
        }
      </dd>
    </dl>
    <div class="exit">
      <h3>Exit criteria</h3>
      ${
        governance.exitCriteria.length
          ? html`<ul>
              ${governance.exitCriteria.map((item) => html`<li>${item}</li>`)}
            </ul>`
          : html`<p>${or(undefined)}</p>`
      }
    </div>
  </section>`;
}

const SIGNATURE_STATE: Record<SignatureView["state"], string> = {
  current: "current: the charter has not changed since signing",
  outdated: "outdated: the charter changed after signing",
  none: "no digest: not tied to a version of the text",
};

function signaturesSection(model: RenderModel): Html {
  return html`<section id="signatures">
    <h2>Signatures</h2>
    ${
      model.signatures.length
        ? html`<table>
            <thead>
              <tr>
                <th>Party</th>
                <th>Name</th>
                <th>Title</th>
                <th>Date</th>
                <th>Signed text</th>
              </tr>
            </thead>
            <tbody>
              ${model.signatures.map(
                (signature) =>
                  html`<tr>
                    <td>${signature.party}</td>
                    <td>${or(signature.name)}</td>
                    <td>${or(signature.title)}</td>
                    <td>${or(signature.date)}</td>
                    <td class="sig-${signature.state}">${SIGNATURE_STATE[signature.state]}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
        : html`<p>${or(undefined, "not signed yet")}</p>`
    }
  </section>`;
}

function signatureBlock(block: SignatureBlock): Html {
  const signature = block.signature;
  const field = (label: string, value: string | undefined): Html =>
    html`<dt>${label}</dt>
      <dd class="${value ? "" : "line"}">${value ?? ""}</dd>`;
  return html`<div class="card sign-block">
    <h3>For ${block.company}</h3>
    <dl>
      ${field("Name", signature?.name)} ${field("Title", signature?.title)} ${field("Date", signature?.date)}
      ${
        signature
          ? html`<dt>Signed text</dt>
              <dd class="sig-${signature.state}">${SIGNATURE_STATE[signature.state]}</dd>`
          : field("Signature", undefined)
      }
    </dl>
  </div>`;
}

/** The partner page ends with a place to sign for each party. */
function signatureBlocksSection(model: RenderModel): Html {
  return html`<section id="signatures">
    <h2>Signatures</h2>
    <div class="sign-blocks">${model.signatureBlocks.map(signatureBlock)}</div>
  </section>`;
}

function launchSection(model: RenderModel): Html | undefined {
  const launch = model.launch;
  if (!launch) return undefined;
  return html`<section id="launch">
    <h2>Launch</h2>
    <dl class="kv">
      <dt>Launch date</dt>
      <dd>${or(launch.date)}</dd>
      <dt>Checklist</dt>
      <dd>
        ${launch.done} of ${launch.total} done${launch.open.length ? html` · open: ${launch.open.join(", ")}` : ""}
      </dd>
    </dl>
  </section>`;
}

/**
 * A finding of the preview is a button that asks the extension to show its line: not a link to
 * "#", which VS Code's webview host answers by scrolling the page back to the top.
 */
function findingItem(finding: FindingView, mode: RenderHtmlOptions["mode"]): Html {
  const body = html`<span class="sev">${finding.severity}</span>
    <span class="message">${withCode(finding.message)}</span
    ><span class="where">line ${finding.line + 1} · ${finding.rule}</span>`;
  return mode === "webview"
    ? html`<li class="finding sev-${finding.severity}">
        <button type="button" class="jump" data-line="${finding.line}" data-character="${finding.character}">
          ${body}
        </button>
      </li>`
    : html`<li class="finding sev-${finding.severity}">${body}</li>`;
}

function findingsSection(model: RenderModel, mode: RenderHtmlOptions["mode"]): Html {
  return html`<section id="findings">
    <h2>Findings</h2>
    ${
      model.findings.length
        ? html`<ul class="findings">
            ${model.findings.map((finding) => findingItem(finding, mode))}
          </ul>`
        : html`<p>No findings: the charter meets every rule that is switched on.</p>`
    }
    ${model.suppressed ? html`<p class="muted">${plural(model.suppressed, "finding is", "findings are")} suppressed by comments in the file.</p>` : ""}
  </section>`;
}

/** A page's head: its policy, its title, its one stylesheet (constant CSS, nonce'd in a webview). */
export function pageHead(title: string, csp: string, nonce: string | undefined, css: string): Html {
  return html`<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${trusted(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style${nonce ? html` nonce="${nonce}"` : ""}>${trusted(css)}</style>
</head>`;
}

export function renderCharterHtml(view: CharterView, options: RenderHtmlOptions): string {
  const { mode } = options;
  if (mode === "webview" && !options.nonce) throw new TypeError("renderCharterHtml: webview mode needs a nonce.");
  const model = renderModel(view, options.audience ?? "internal");
  const internal = model.audience === "internal";
  const csp = mode === "webview" ? webviewCsp(options.nonce!, options.cspSource) : STANDALONE_CSP;
  const nonce = mode === "webview" ? options.nonce : undefined;
  const body: (Html | undefined)[] = [
    mode === "webview" ? audienceToolbar(model.audience) : undefined,
    masthead(model),
    internal ? findingsSummary(model) : undefined,
  ];
  if (!model.readable) {
    body.push(
      html`<div class="banner">
        This file could not be read as a
        charter${view.parseOk ? " (it is not a YAML mapping)" : " (its YAML is not well-formed)"}.${internal ? " Fix the problems below, then the charter will show here." : ""}
      </div>`,
    );
  } else {
    body.push(
      valueSection(model.value),
      exchangeSection(model),
      leverageSection(model),
      timelineSection(model),
      measurementSection(model),
      governanceSection(model),
      internal ? signaturesSection(model) : undefined,
      launchSection(model),
    );
  }
  if (internal) body.push(findingsSection(model, mode));
  else if (model.readable) body.push(signatureBlocksSection(model));
  const footer = internal
    ? `Rendered by partner-charter for ${view.today}. Health score: 100, minus 15 per error, 5 per warning, 1 per info.`
    : `Rendered by partner-charter for ${view.today}.`;
  const scrollY =
    mode === "webview" && options.scrollY && options.scrollY > 0 ? Math.round(options.scrollY) : undefined;
  // prettier-ignore
  const page = html`<!DOCTYPE html>
<html lang="en">
${pageHead(`${model.title} — partnership charter${model.draft ? " (draft)" : ""}`, csp, nonce, charterCss(mode))}
<body class="mode-${mode} audience-${model.audience}${model.draft ? " draft" : ""}"${scrollY ? html` data-scroll-y="${scrollY}"` : ""}>
<main>
${printFrame(draftMark(model), body)}
<footer>${footer}</footer>
</main>
${
  nonce
    ? html`<script nonce="${nonce}">
        ${trusted(PREVIEW_SCRIPT)};
      </script>`
    : ""
}
</body>
</html>
`;
  return page.value;
}
