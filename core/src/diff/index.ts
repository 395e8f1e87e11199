/** The semantic charter diff (`partner-charter diff`, pull-request comments). */
export * from "./diff-charters";
export { formatDiffText, formatDiffMarkdown, formatDiffJson, diffSections, NO_CHANGES } from "./format-diff";
export * from "./git-version";
export { renderDiffHtml, type DiffPageOptions } from "./render-diff-html";
export * from "./diff-program";
