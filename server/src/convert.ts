import {
  CompletionItemKind,
  DiagnosticSeverity,
  FoldingRangeKind,
  InsertTextFormat,
  InsertTextMode,
  SymbolKind,
  type CompletionItem,
  type Diagnostic,
  type DocumentSymbol,
  type FoldingRange,
  type SymbolInformation,
} from "vscode-languageserver/node";
import type { Finding, Severity } from "../../core/src";
import type {
  CompletionCandidate,
  CompletionCandidateKind,
  FoldingRegion,
  OutlineKind,
  OutlineNode,
} from "../../core/src/navigation";
import { ruleDocUri } from "./rule-docs";
import { toUri } from "./uris";

/** Core results → LSP shapes. Nothing here decides anything about partnerships. */

export const SOURCE = "partner-charter";

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What the client declared it reads in a diagnostic; all of it when unknown (e.g. a code action's own diagnostics). */
export interface DiagnosticSupport {
  relatedInformation: boolean;
  codeDescription: boolean;
}

const FULL_SUPPORT: DiagnosticSupport = { relatedInformation: true, codeDescription: true };

export function toDiagnostic(finding: Finding, uri: string, support: DiagnosticSupport = FULL_SUPPORT): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITY[finding.severity] ?? DiagnosticSeverity.Error,
    code: finding.rule,
    source: SOURCE,
    message: finding.message,
  };
  const href = support.codeDescription ? ruleDocUri(finding.rule) : undefined;
  if (href) diagnostic.codeDescription = { href };
  if (support.relatedInformation && finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map((related) => ({
      location: { uri: related.file ? toUri(related.file) : uri, range: related.range },
      message: related.message,
    }));
  }
  return diagnostic;
}

const COMPLETION_KIND: Record<CompletionCandidateKind, CompletionItemKind> = {
  key: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  snippet: CompletionItemKind.Snippet,
  rule: CompletionItemKind.Reference,
};

/** `${1:text}` / `${1|a,b|}` / `$0` → plain text, for clients without snippet support. */
export function snippetToPlainText(snippet: string): string {
  let out = "";
  for (let i = 0; i < snippet.length; i++) {
    const ch = snippet[i]!;
    if (ch === "\\" && i + 1 < snippet.length) {
      out += snippet[++i];
    } else if (ch === "$" && snippet[i + 1] === "{") {
      const close = findClose(snippet, i + 2);
      const body = snippet.slice(i + 2, close);
      const choice = /^\d+\|(.*)\|$/.exec(body);
      const placeholder = /^\d+:(.*)$/s.exec(body);
      if (choice) out += unescape(splitChoices(choice[1]!)[0] ?? "");
      else if (placeholder) out += snippetToPlainText(placeholder[1]!);
      i = close;
    } else if (ch === "$" && /\d/.test(snippet[i + 1] ?? "")) {
      while (/\d/.test(snippet[i + 1] ?? "")) i++;
    } else out += ch;
  }
  return out;
}

function findClose(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return i;
  }
  return text.length;
}

function splitChoices(text: string): string[] {
  const parts: string[] = [];
  let current = "";
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "\\") current += text[i]! + (text[++i] ?? "");
    else if (text[i] === ",") {
      parts.push(current);
      current = "";
    } else current += text[i];
  }
  parts.push(current);
  return parts;
}

function unescape(text: string): string {
  return text.replace(/\\(.)/g, "$1");
}

export function toCompletionItem(candidate: CompletionCandidate, snippetSupport: boolean): CompletionItem {
  const snippet = candidate.snippet && snippetSupport;
  const newText =
    candidate.snippet && !snippetSupport ? snippetToPlainText(candidate.insertText) : candidate.insertText;
  const item: CompletionItem = {
    label: candidate.label,
    kind: COMPLETION_KIND[candidate.kind],
    sortText: candidate.sortText,
    textEdit: { range: candidate.range, newText },
    insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    insertTextMode: InsertTextMode.asIs,
  };
  if (candidate.detail) item.detail = candidate.detail;
  if (candidate.documentation) item.documentation = { kind: "markdown", value: candidate.documentation };
  if (candidate.filterText) item.filterText = candidate.filterText;
  return item;
}

/** Each outline kind its own symbol kind (a phase is a stage of work, not an event). */
const SYMBOL_KIND: Record<OutlineKind, SymbolKind> = {
  section: SymbolKind.Module,
  party: SymbolKind.Class,
  phase: SymbolKind.Package,
  group: SymbolKind.Array,
  item: SymbolKind.Struct,
};

export function toDocumentSymbols(nodes: readonly OutlineNode[]): DocumentSymbol[] {
  return nodes.map((node) => {
    const symbol: DocumentSymbol = {
      name: node.name.trim() || "(empty)",
      kind: SYMBOL_KIND[node.kind],
      range: node.range,
      selectionRange: node.selectionRange,
    };
    if (node.detail) symbol.detail = node.detail;
    if (node.children?.length) symbol.children = toDocumentSymbols(node.children);
    return symbol;
  });
}

/** For clients without hierarchical document symbols. */
export function toSymbolInformation(
  nodes: readonly OutlineNode[],
  uri: string,
  container?: string,
): SymbolInformation[] {
  const out: SymbolInformation[] = [];
  for (const node of nodes) {
    const name = node.name.trim() || "(empty)";
    out.push({ name, kind: SYMBOL_KIND[node.kind], location: { uri, range: node.range }, containerName: container });
    if (node.children?.length) out.push(...toSymbolInformation(node.children, uri, name));
  }
  return out;
}

export function toFoldingRanges(regions: readonly FoldingRegion[], limit?: number): FoldingRange[] {
  const ranges = regions.map((region) => {
    const range: FoldingRange = { startLine: region.startLine, endLine: region.endLine };
    if (region.kind === "comment") range.kind = FoldingRangeKind.Comment;
    return range;
  });
  return limit !== undefined && limit >= 0 ? ranges.slice(0, limit) : ranges;
}
