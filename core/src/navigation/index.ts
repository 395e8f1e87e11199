/**
 * Editor-free helpers behind the language server's navigation features: what the cursor is
 * on and what may be written there (completion), the explanation under the cursor (hover),
 * the outline, folding, code lens summaries, and the text of suppression comments and
 * "fix all". Pure functions over text and parsed charters; no LSP types.
 */
export { cursorSlot, splitLines, type CursorSlot } from "./cursor";
export {
  completionsAt,
  type CompletionCandidate,
  type CompletionCandidateKind,
  type CompletionOptions,
} from "./completion";
export { hoverAt, type HoverInfo } from "./hover";
export { charterOutline, type OutlineNode, type OutlineKind } from "./outline";
export { foldingRegions, type FoldingRegion } from "./folding";
export { charterLenses, SHOW_SECTION_COMMAND, type CharterLens, type ShowSectionArgs } from "./lenses";
export { disableForLineEdit, disableForFileEdit, safeFixEdits } from "./edits";
export { allowedValues, valueKind, type AllowedValue } from "./schema-info";
export { keySnippet, itemSnippet, documentSnippet, yamlScalar, type SnippetOptions } from "./snippets";
export { nodeAt, type NodeAtPosition } from "./tree";
