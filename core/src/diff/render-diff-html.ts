import { html, trusted, type Html } from "../render/html";
import { withCode, webviewCsp } from "../render/render-html";
import { charterCss } from "../render/styles";
import { diffIsEmpty } from "./diff-charters";
import type { CharterDiff } from "./diff-types";
import { diffSections, newCharterNote, NO_CHANGES } from "./format-diff";

/**
 * The charter diff as a page for the editor's "Compare with Git HEAD": the sections of the
 * text and Markdown diff (format-diff.ts), in the preview's stylesheet and under the
 * preview's Content-Security-Policy (nonce'd style, no script at all).
 */

export interface DiffPageOptions {
  /** The charter's title, for the heading. */
  title: string;
  nonce: string;
  cspSource?: string;
}

export function renderDiffHtml(diff: CharterDiff, options: DiffPageOptions): string {
  const csp = webviewCsp(options.nonce, options.cspSource);
  const lead: Html = diff.base.missing
    ? html`<p class="summary">${newCharterNote(diff.base.label)}</p>`
    : html`<p class="eyebrow">${diff.base.label} → ${diff.head.label}</p>`;
  const body = diffIsEmpty(diff)
    ? html`<p>${NO_CHANGES}</p>`
    : diffSections(diff).map(
        (section) =>
          html`<section>
            <h2>${section.title}</h2>
            <ul>
              ${section.items.map((item) => html`<li>${section.code ? html`<code>${item.text}</code>` : withCode(item.text)}</li>`)}
            </ul>
          </section>`,
      );
  return html`<!DOCTYPE html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta http-equiv="Content-Security-Policy" content="${trusted(csp)}" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${options.title} — changes since HEAD</title>
        <style nonce="${options.nonce}">
          ${trusted(charterCss("webview"))}
        </style>
      </head>
      <body class="mode-webview diff">
        <main>
          <header>
            <p class="eyebrow">${diff.base.missing ? "New charter" : "Changes since the last commit"}</p>
            <h1>${options.title}</h1>
            ${lead}
          </header>
          ${body}
        </main>
      </body>
    </html> `.value;
}
