/**
 * The page's CSS. One stylesheet; only the colour variables differ: fixed colours for the
 * standalone file (print-friendly), VS Code theme variables (with the same fallbacks) in the
 * webview. The timeline's geometry lives in SVG attributes, never in style attributes, so the
 * webview's nonce-only style policy holds.
 *
 * Contrast (WCAG 2.1 AA, checked by axe-core in test/a11y): text is only ever drawn in the
 * foreground or the muted colour, on the background or the card colour, which every theme
 * keeps readable; the status colours (error, warning, good…) mark borders, bars and badges,
 * never text, since a theme's warning yellow on white is not readable (VS Code's default
 * light theme: 3.1 : 1). Nothing is greyed out with opacity.
 */

const STANDALONE_COLORS = `
:root {
  color-scheme: light;
  --fg: #1f2328;
  --bg: #ffffff;
  --muted: #59636e;
  --border: #d1d9e0;
  --card: #f6f8fa;
  --link: #0969da;
  --error: #cf222e;
  --warning: #9a6700;
  --info: #0969da;
  --good: #1a7f37;
  --accent: #8250df;
  --crawl: #0969da;
  --walk: #8250df;
  --run: #1a7f37;
  --font: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif;
  --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
}`;

const WEBVIEW_COLORS = `
:root {
  --fg: var(--vscode-editor-foreground, #1f2328);
  --bg: var(--vscode-editor-background, #ffffff);
  --muted: var(--vscode-descriptionForeground, #59636e);
  --border: var(--vscode-panel-border, var(--vscode-widget-border, #d1d9e0));
  --card: var(--vscode-sideBar-background, var(--vscode-editorWidget-background, #f6f8fa));
  --link: var(--vscode-textLink-foreground, #0969da);
  --error: var(--vscode-errorForeground, #cf222e);
  --warning: var(--vscode-editorWarning-foreground, #9a6700);
  --info: var(--vscode-editorInfo-foreground, #0969da);
  --good: var(--vscode-testing-iconPassed, #1a7f37);
  --accent: var(--vscode-focusBorder, #8250df);
  --crawl: var(--vscode-charts-blue, #0969da);
  --walk: var(--vscode-charts-purple, #8250df);
  --run: var(--vscode-charts-green, #1a7f37);
  --font: var(--vscode-font-family, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif);
  --mono: var(--vscode-editor-font-family, ui-monospace, Menlo, Consolas, monospace);
}`;

const LAYOUT = `
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font-family: var(--font); font-size: 14px; line-height: 1.5; }
main { max-width: 1100px; margin: 0 auto; padding: 24px 28px 48px; }
h1 { font-size: 1.9em; margin: 0.1em 0 0.4em; line-height: 1.2; }
h2 { font-size: 1.25em; margin: 0 0 0.6em; padding-bottom: 0.25em; border-bottom: 1px solid var(--border); }
h3 { font-size: 1em; margin: 0 0 0.4em; }
section { margin: 28px 0 0; }
ul, ol { margin: 0.2em 0; padding-left: 1.3em; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 6px 10px; border-bottom: 1px solid var(--border); }
th { color: var(--muted); font-weight: 600; }
code { font-family: var(--mono); font-size: 0.92em; color: var(--fg); background: var(--card); border: 1px solid var(--border); border-radius: 4px; padding: 0 3px; }
a { color: var(--link); }
.eyebrow { margin: 0; color: var(--muted); font-size: 0.85em; letter-spacing: 0.04em; text-transform: uppercase; }
.missing { color: var(--muted); font-style: italic; }
.muted { color: var(--muted); }
.masthead { display: flex; gap: 24px; align-items: flex-start; justify-content: space-between; flex-wrap: wrap; }
.facts { display: flex; flex-wrap: wrap; gap: 6px 28px; margin: 0; }
.facts div { min-width: 120px; }
.facts dt { color: var(--muted); font-size: 0.8em; text-transform: uppercase; letter-spacing: 0.04em; }
.facts dd { margin: 0; font-weight: 600; }
.health { border: 2px solid var(--border); border-radius: 10px; padding: 10px 16px; text-align: center; min-width: 150px; }
.health .score { font-size: 2.2em; font-weight: 700; line-height: 1; }
.health .label { display: block; color: var(--muted); font-size: 0.8em; text-transform: uppercase; }
.health .counts { display: block; font-size: 0.85em; margin-top: 4px; }
.health-good { border-color: var(--good); }
.health-fair { border-color: var(--warning); }
.health-poor { border-color: var(--error); }
.summary { margin: 14px 0 0; padding: 6px 12px; border-left: 4px solid var(--border); background: var(--card); }
.summary.has-errors { border-left-color: var(--error); }
.summary.has-warnings { border-left-color: var(--warning); }
.print-frame { border-collapse: collapse; }
.print-frame > thead > tr > td, .print-frame > tbody > tr > td { padding: 0; border: 0; }
.draft-mark { margin: 0 0 16px; padding: 8px 14px; border: 2px solid var(--error); border-radius: 8px; background: var(--card); }
.draft-mark strong { text-transform: uppercase; letter-spacing: 0.04em; }
.toolbar { display: flex; gap: 6px; align-items: center; margin: 0 0 16px; font-size: 0.9em; }
.toolbar button { font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--border); border-radius: 4px; padding: 2px 10px; cursor: pointer; }
.toolbar button[aria-pressed="true"] { border: 2px solid var(--accent); font-weight: 700; }
.badge { display: inline-block; padding: 0 8px; border-radius: 999px; border: 1px solid currentColor; font-size: 0.85em; font-weight: 600; }
.columns { display: grid; gap: 14px; }
.columns.three { grid-template-columns: repeat(3, minmax(0, 1fr)); }
.columns.two { grid-template-columns: repeat(2, minmax(0, 1fr)); }
.card { background: var(--card); border: 1px solid var(--border); border-radius: 8px; padding: 12px 14px; }
.card .goal { margin: 8px 0 0; padding-top: 8px; border-top: 1px dashed var(--border); }
.commitment { margin-bottom: 6px; }
.commitment .amount { font-weight: 700; white-space: nowrap; }
.economic { font-size: 0.8em; font-weight: 600; margin-left: 6px; padding: 0 6px; border: 1px solid var(--good); border-radius: 999px; }
.loses { margin: 10px 0 0; padding-top: 8px; border-top: 1px dashed var(--border); }
.balance { margin: 12px 0 0; padding: 8px 12px; border-left: 4px solid var(--accent); background: var(--card); }
.scale { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(5, minmax(0, 1fr)); gap: 6px; }
.scale li { border: 1px solid var(--border); border-radius: 8px; padding: 8px 10px; }
.scale li .step { font-weight: 700; display: block; }
.scale li .note { font-size: 0.85em; color: var(--muted); }
.scale li.selected { border: 3px solid var(--accent); background: var(--card); }
.scale li .this { display: block; font-size: 0.8em; font-weight: 700; }
.scale-ends { display: flex; justify-content: space-between; color: var(--muted); font-size: 0.8em; margin-top: 2px; }
.gantt { margin: 4px 0 14px; }
.gantt-row { display: grid; grid-template-columns: 60px 1fr 70px; align-items: center; gap: 8px; }
.gantt-label { font-weight: 600; }
.gantt-track { display: block; width: 100%; height: 22px; }
.gantt-track .lane { fill: var(--card); stroke: var(--border); stroke-width: 1; }
.gantt-bar { stroke: none; }
.gantt-bar.phase-crawl { fill: var(--crawl); }
.gantt-bar.phase-walk { fill: var(--walk); }
.gantt-bar.phase-run { fill: var(--run); }
.gantt-bar.open { fill-opacity: 0.45; }
.gantt-today { stroke: var(--error); stroke-width: 2; }
.gantt-scale { display: grid; grid-template-columns: 60px 1fr 70px; gap: 8px; color: var(--muted); font-size: 0.8em; }
.gantt-scale .ends { display: flex; justify-content: space-between; }
.outcome { font-size: 0.85em; font-weight: 600; }
.outcome-passed, .outcome-failed, .outcome-pending { padding: 0 6px; border: 1px solid; border-radius: 999px; }
.outcome-passed { border-color: var(--good); }
.outcome-failed { border-color: var(--error); }
.outcome-pending { border-color: var(--warning); }
.phase dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; margin: 0 0 6px; }
.phase dt { color: var(--muted); }
.phase dd { margin: 0; }
.criteria { margin-top: 6px; }
.criteria li .bar { font-weight: 600; }
.kv { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0 0 10px; }
.kv dt { color: var(--muted); }
.kv dd { margin: 0; }
.exit { border-left: 4px solid var(--error); padding: 6px 12px; background: var(--card); }
.sig-current, .sig-outdated { font-weight: 600; border-left: 4px solid var(--good); padding-left: 8px; }
.sig-outdated { border-left-color: var(--error); }
.sig-none { color: var(--muted); }
.sign-blocks { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 14px; }
.sign-block dl { display: grid; grid-template-columns: max-content 1fr; gap: 14px 10px; margin: 0; align-items: end; }
.sign-block dt { color: var(--muted); }
.sign-block dd { margin: 0; min-height: 1.6em; }
.sign-block .line { border-bottom: 1px solid var(--fg); }
.findings { list-style: none; padding: 0; }
.finding { padding: 6px 0; border-bottom: 1px solid var(--border); }
.finding .jump { display: block; width: 100%; margin: 0; padding: 0; border: 0; background: none; color: inherit; font: inherit; line-height: inherit; text-align: left; cursor: pointer; }
.finding .jump:hover .message, .finding .jump:focus-visible .message { text-decoration: underline; color: var(--link); }
.finding .sev { display: inline-block; min-width: 72px; font-weight: 700; text-transform: uppercase; font-size: 0.78em; border-left: 4px solid var(--info); padding-left: 6px; }
.sev-error .sev { border-left-color: var(--error); }
.sev-warning .sev { border-left-color: var(--warning); }
.finding .where { color: var(--muted); font-size: 0.85em; margin-left: 6px; white-space: nowrap; }
.banner { border: 2px solid var(--error); border-radius: 8px; padding: 10px 14px; margin: 12px 0; font-weight: 600; }
footer { margin-top: 36px; color: var(--muted); font-size: 0.8em; }
@media (max-width: 760px) {
  .columns.three, .columns.two, .scale, .sign-blocks { grid-template-columns: 1fr; }
}
@media print {
  @page { margin: 16mm; }
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  section, .card, .phase, tr, .finding, .sign-block { break-inside: avoid; }
  .toolbar { display: none; }
  .print-frame > tbody > tr { break-inside: auto; }
  .draft-mark { margin: 0 0 10px; padding: 4px 10px; text-align: center; }
  h2 { break-after: avoid; }
  .gantt-track .lane, .card, .balance, .exit, .scale li.selected { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}`;

export function charterCss(mode: "standalone" | "webview"): string {
  return `${mode === "webview" ? WEBVIEW_COLORS : STANDALONE_COLORS}\n${LAYOUT}`;
}
