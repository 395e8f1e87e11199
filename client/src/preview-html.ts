import { randomBytes } from "node:crypto";
import type { CharterView } from "../../core/src/model/charter-view";
import { isSafeCspSource, renderCharterHtml, type Audience } from "../../core/src/render";
import { escapeHtml } from "../../core/src/text/escape";

/**
 * The preview's HTML: the one renderer of core/src/render in webview mode, plus the
 * "stale" banner the preview shows while the YAML is broken. No vscode import here.
 */

/** A fresh nonce for each render: the only inline script and styles allowed by the CSP. */
export function makeNonce(): string {
  return randomBytes(18)
    .toString("base64")
    .replace(/[^A-Za-z0-9]/g, "");
}

/** 1-based line of the first YAML syntax error in a view, if any. */
export function syntaxErrorLine(view: CharterView): number | undefined {
  const finding = view.findings.find((f) => f.rule === "yaml-syntax") ?? view.findings[0];
  return finding ? finding.range.start.line + 1 : undefined;
}

const BANNER_STYLE = `
.pc-stale-banner {
  position: sticky; top: 0; z-index: 10; margin: 0 0 12px; padding: 8px 12px;
  border: 1px solid var(--vscode-inputValidation-warningBorder, #b89500);
  background: var(--vscode-inputValidation-warningBackground, #352a05);
  color: var(--vscode-foreground, inherit);
  font-family: var(--vscode-font-family, sans-serif); font-size: var(--vscode-font-size, 13px);
}`;

/** Inserts the banner right after `<body…>` and its style (with the render's nonce) before `</head>`. */
export function injectBanner(html: string, message: string, nonce: string): string {
  const banner = `<div class="pc-stale-banner" role="status" data-stale="true">${escapeHtml(message)}</div>`;
  const style = `<style nonce="${escapeHtml(nonce)}">${BANNER_STYLE}</style>`;
  let out = /<\/head>/i.test(html) ? html.replace(/<\/head>/i, `${style}</head>`) : style + html;
  const body = /<body\b[^>]*>/i.exec(out);
  out = body
    ? out.slice(0, body.index + body[0].length) + banner + out.slice(body.index + body[0].length)
    : banner + out;
  return out;
}

/**
 * The renderer accepts one CSP source token. VS Code desktop gives one
 * (`https://*.vscode-cdn.net`); VS Code for the web / code-server gives several, with `'self'`.
 * Nothing is loaded from it anyway (`localResourceRoots: []`, everything is inline), so a
 * source the renderer would refuse is left out, which only makes the policy stricter.
 */
export function policySource(cspSource: string): string | undefined {
  return isSafeCspSource(cspSource) ? cspSource : undefined;
}

export interface PreviewRender {
  html: string;
  nonce: string;
  /** True when the HTML shows an older, valid version of the charter. */
  stale: boolean;
}

/**
 * What the preview shows for `view`: the view itself when its YAML parsed; otherwise the last
 * good view with a banner naming the line of the syntax error (or the broken view itself, with
 * the banner, when there was never a good one).
 */
export interface PreviewOptions {
  /** Which page the preview shows (its toolbar switches it); `internal` by default. */
  audience?: Audience;
  /** Where the page was scrolled to, restored after the render. */
  scrollY?: number;
}

export function previewHtml(
  view: CharterView,
  lastGood: CharterView | undefined,
  webviewCspSource: string,
  options: PreviewOptions = {},
): PreviewRender {
  const nonce = makeNonce();
  const render = { mode: "webview" as const, nonce, cspSource: policySource(webviewCspSource), ...options };
  if (view.parseOk) {
    return { html: renderCharterHtml(view, render), nonce, stale: false };
  }
  const line = syntaxErrorLine(view);
  const where = line === undefined ? "" : ` on line ${line}`;
  // The last good version is shown, but not its score: the status bar says "—" for broken YAML, and so does the page.
  const shown = { ...(lastGood ?? view), health: undefined };
  const message = lastGood
    ? `The YAML has a syntax error${where}; showing the last valid version.`
    : `The YAML has a syntax error${where}; there is no valid version to show yet.`;
  const html = renderCharterHtml(shown, render);
  return { html: injectBanner(html, message, nonce), nonce, stale: Boolean(lastGood) };
}

/** A minimal page for states without a charter view (server starting, not a charter). */
export function messageHtml(message: string, cspSource: string): string {
  const nonce = makeNonce();
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; img-src ${cspSource};">
<style nonce="${nonce}">body{font-family:var(--vscode-font-family);color:var(--vscode-descriptionForeground);padding:16px}</style>
</head><body><p>${escapeHtml(message)}</p></body></html>`;
}
