/**
 * The one charter renderer: the editor's preview (webview mode), "Export as HTML" and
 * `partner-charter render` (standalone HTML, or Markdown) all draw a `CharterView` with it.
 */
export { renderCharterHtml, webviewCsp, isSafeCspSource, STANDALONE_CSP, type RenderHtmlOptions } from "./render-html";
export { renderCharterMarkdown, type RenderMarkdownOptions } from "./render-markdown";
export { renderModel, companyNames, type RenderModel } from "./view-model";
export { AUDIENCES, DRAFT_MARK, type Audience } from "./view-types";
export { escapeMarkdown, markdownCell, markdownCode, markdownMessage, markdownTable } from "./markdown-escape";
export * from "./format";
export {
  renderProgramHtml,
  renderProgramMarkdown,
  requirementPhrases,
  type ProgramPage,
  type ProgramPageCharter,
} from "./program-page";
