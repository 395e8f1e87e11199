/**
 * The one charter renderer: the editor's preview (webview mode), "Export as HTML" and
 * `partner-charter render` (standalone HTML, or Markdown) all draw a `CharterView` with it.
 */
export { renderCharterHtml, webviewCsp, isSafeCspSource, STANDALONE_CSP, type RenderHtmlOptions } from "./render-html";
export { renderCharterMarkdown } from "./render-markdown";
export { renderModel, type RenderModel } from "./view-model";
export { escapeMarkdown, markdownCell, markdownCode, markdownTable } from "./markdown-escape";
export * from "./format";
