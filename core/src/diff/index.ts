/** The semantic charter diff (`partner-charter diff`, pull-request comments). */
export * from "./diff-charters";
export { formatDiffText, formatDiffMarkdown, formatDiffJson, NO_CHANGES } from "./format-diff";
