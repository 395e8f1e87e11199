import {
  CodeActionKind,
  ErrorCodes,
  ResponseError,
  TextDocumentEdit,
  type CodeAction,
  type CodeActionParams,
  type CodeLens,
  type CompletionList,
  type Diagnostic,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type Position,
  type SymbolInformation,
  type TextEdit,
  type WorkspaceEdit,
} from "vscode-languageserver/node";
import type { TextDocument } from "vscode-languageserver-textdocument";
import {
  charterSchema,
  charterView,
  isRecord,
  programSchema,
  type CharterResult,
  type CharterView,
  type Finding,
  type Range,
  type SchemaDocument,
} from "../../core/src";
import {
  charterLenses,
  charterOutline,
  completionsAt,
  disableForFileEdit,
  disableForLineEdit,
  foldingRegions,
  hoverAt,
  safeFixEdits,
  SHOW_SECTION_COMMAND,
  type ShowSectionArgs,
} from "../../core/src/navigation";
import { SHOW_RULE_DOCUMENTATION_COMMAND } from "../../core/src/model/editor-commands";
import { isCharterFileName, isConfigFileName, isProgramFileName } from "../../core/src/workspace/file-kinds";
import type { Charters } from "./charters";
import { toCompletionItem, toDiagnostic, toDocumentSymbols, toFoldingRanges, toSymbolInformation } from "./convert";
import { ruleDocUri } from "./rule-docs";
import { baseName, fileKey, uriToPath } from "./uris";

/**
 * The request handlers: each takes the document's cached analysis (or text) and converts the
 * core's answer to LSP. Malformed parameters get an InvalidParams error; documents that are not
 * open charters get an empty answer.
 */

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.partnerCharter`;

export interface ClientSupport {
  snippets: boolean;
  /** The client contributes the snippets itself (`initializationOptions.clientSnippets`, set by our extension). */
  clientSnippets: boolean;
  /** The client implements SHOW_RULE_DOCUMENTATION_COMMAND (`initializationOptions.showDocumentationCommand`). */
  showDocumentationCommand: boolean;
  /** `CodeAction` literals (`codeActionLiteralSupport`); else only fix-free answers. */
  codeActionLiterals: boolean;
  /** Diagnostics with `relatedInformation` / `codeDescription` (publishDiagnostics capabilities). */
  relatedInformation: boolean;
  codeDescription: boolean;
  documentChanges: boolean;
  hierarchicalSymbols: boolean;
  foldingLimit?: number;
}

export function invalidParams(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, message);
}

/** The `textDocument.uri` of request parameters, or an InvalidParams error. */
export function documentUri(params: unknown): string {
  const textDocument = isRecord(params) ? params.textDocument : undefined;
  const uri = isRecord(textDocument) ? textDocument.uri : undefined;
  if (typeof uri !== "string" || uri === "") throw invalidParams("Expected params.textDocument.uri (a string).");
  return uri;
}

function isPosition(value: unknown): value is Position {
  return (
    isRecord(value) &&
    Number.isInteger(value.line) &&
    Number.isInteger(value.character) &&
    (value.line as number) >= 0 &&
    (value.character as number) >= 0
  );
}

export function requestPosition(params: unknown): Position {
  const position = isRecord(params) ? params.position : undefined;
  if (!isPosition(position)) throw invalidParams("Expected params.position with whole-number line and character.");
  return position;
}

function requestRange(params: unknown): Range {
  const range = isRecord(params) ? params.range : undefined;
  if (!isRecord(range) || !isPosition(range.start) || !isPosition(range.end)) {
    throw invalidParams("Expected params.range with start and end positions.");
  }
  return { start: range.start, end: range.end };
}

interface QuickFixTargets {
  document: TextDocument;
  /** The findings the request is about: in its range, or among the diagnostics it sent. */
  relevant: Finding[];
  given: Diagnostic[];
}

export class Features {
  constructor(
    private readonly charters: Charters,
    private readonly getDocument: (uri: string) => TextDocument | undefined,
    private readonly isCharter: (document: TextDocument) => boolean,
    private readonly client: () => ClientSupport,
  ) {}

  private charterDocument(params: unknown): TextDocument | undefined {
    const uri = documentUri(params);
    const document = this.getDocument(uri);
    return document && this.isCharter(document) ? document : undefined;
  }

  /** A charter only (not a program file): the features that read the charter format. */
  private charterOnly(params: unknown): TextDocument | undefined {
    const document = this.charterDocument(params);
    return document && !isProgramFileName(baseName(document.uri)) ? document : undefined;
  }

  /** The schema of a document: a program file's, else the charter's. */
  private schemaOf(document: TextDocument): SchemaDocument {
    return isProgramFileName(baseName(document.uri)) ? programSchema : charterSchema;
  }

  completion(params: unknown): CompletionList {
    const position = requestPosition(params);
    const document = this.charterDocument(params);
    if (!document) return { isIncomplete: false, items: [] };
    const { snippets, clientSnippets } = this.client();
    const candidates = completionsAt(document.getText(), position, {
      today: this.charters.today(),
      schema: this.schemaOf(document),
      snippets: !clientSnippets,
    });
    return { isIncomplete: false, items: candidates.map((candidate) => toCompletionItem(candidate, snippets)) };
  }

  hover(params: unknown): Hover | null {
    const position = requestPosition(params);
    const document = this.charterDocument(params);
    if (!document) return null;
    const info = hoverAt(this.charters.analysisFor(document).analysis.parsed, position, this.schemaOf(document));
    return info ? { contents: { kind: "markdown", value: info.markdown }, range: info.range } : null;
  }

  documentSymbols(params: unknown): DocumentSymbol[] | SymbolInformation[] {
    // A program's outline is its keys, with each tier under its own name.
    const document = this.charterDocument(params);
    if (!document) return [];
    const outline = charterOutline(this.charters.analysisFor(document).analysis.parsed);
    return this.client().hierarchicalSymbols ? toDocumentSymbols(outline) : toSymbolInformation(outline, document.uri);
  }

  foldingRanges(params: unknown): FoldingRange[] {
    const document = this.charterDocument(params);
    if (!document) return [];
    const regions = foldingRegions(this.charters.analysisFor(document).analysis.parsed);
    return toFoldingRanges(regions, this.client().foldingLimit);
  }

  codeLenses(params: unknown): CodeLens[] {
    const document = this.charterOnly(params);
    if (!document) return [];
    const { analysis } = this.charters.analysisFor(document);
    return charterLenses(analysis.parsed, analysis.facts).map((lens) => {
      const args: ShowSectionArgs = { uri: document.uri, section: lens.section, range: lens.range };
      return { range: lens.range, command: { title: lens.title, command: SHOW_SECTION_COMMAND, arguments: [args] } };
    });
  }

  /** `workspace/executeCommand`: the arguments of the one command the server runs (SHOW_SECTION_COMMAND). */
  showSectionArgs(params: unknown): ShowSectionArgs {
    const command = isRecord(params) ? params.command : undefined;
    if (command !== SHOW_SECTION_COMMAND) {
      throw invalidParams(`Unknown command ${JSON.stringify(command)}: the server runs only ${SHOW_SECTION_COMMAND}.`);
    }
    const args = isRecord(params) && Array.isArray(params.arguments) ? params.arguments[0] : undefined;
    const range = isRecord(args) ? args.range : undefined;
    if (
      !isRecord(args) ||
      typeof args.uri !== "string" ||
      (args.section !== "timeline" && args.section !== "exchange") ||
      !isRecord(range) ||
      !isPosition(range.start) ||
      !isPosition(range.end)
    ) {
      throw invalidParams(
        `Expected ${SHOW_SECTION_COMMAND} with one argument { uri, section, range }, as a lens gives it.`,
      );
    }
    return { uri: args.uri, section: args.section, range: { start: range.start, end: range.end } };
  }

  private workspaceEdit(document: TextDocument, edits: TextEdit[]): WorkspaceEdit {
    if (this.client().documentChanges) {
      return { documentChanges: [TextDocumentEdit.create({ uri: document.uri, version: document.version }, edits)] };
    }
    return { changes: { [document.uri]: edits } };
  }

  /** An open config file (`.partner-charter.yaml`) and its findings, as published. */
  private configFindings(params: unknown): { document: TextDocument; findings: Finding[] } | undefined {
    const uri = documentUri(params);
    const document = this.getDocument(uri);
    const file = uriToPath(uri);
    if (!document || !file || !isConfigFileName(baseName(file))) return undefined;
    return { document, findings: this.charters.configs.load(fileKey(uri)).findings };
  }

  codeActions(params: unknown): CodeAction[] {
    const range = requestRange(params);
    // A client without CodeAction literals could take only commands: every action here is an edit.
    if (!this.charters.enabled || !this.client().codeActionLiterals) return [];
    const context =
      isRecord(params) && isRecord(params.context) ? (params.context as CodeActionParams["context"]) : undefined;
    const only = Array.isArray(context?.only) ? context.only.filter((kind) => typeof kind === "string") : undefined;
    const wants = (kind: string): boolean => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
    const document = this.charterDocument(params);
    if (!document) {
      // A config file: its findings' fixes (a severity near miss) and their documentation.
      const config = this.configFindings(params);
      if (!config || !wants(CodeActionKind.QuickFix)) return [];
      const relevant = config.findings.filter((finding) => intersects(finding.range, range));
      const targets: QuickFixTargets = { document: config.document, relevant, given: [] };
      return [...this.ruleFixes(targets), ...this.documentationActions(targets)];
    }
    const result = this.charters.resultFor(document);
    const actions: CodeAction[] = [];
    if (wants(CodeActionKind.QuickFix)) {
      const given = Array.isArray(context?.diagnostics) ? context.diagnostics : [];
      const relevant = result.findings.filter(
        (finding) =>
          intersects(finding.range, range) ||
          given.some((d) => d && d.code === finding.rule && d.range && sameRange(d.range, finding.range)),
      );
      const targets: QuickFixTargets = { document, relevant, given };
      actions.push(
        ...this.ruleFixes(targets),
        ...this.documentationActions(targets),
        ...this.suppressionActions(targets),
      );
    }
    // "Fix all" only when asked for (source actions menu, fix on save).
    if (only && wants(FIX_ALL_KIND)) actions.push(...this.fixAll(document, result.findings));
    return actions;
  }

  /** The diagnostic the client sent for a finding, else the finding as a diagnostic. */
  private diagnosticFor({ document, given }: QuickFixTargets, finding: Finding): Diagnostic {
    return (
      given.find(
        (d) => d && d.code === finding.rule && d.message === finding.message && sameRange(d.range, finding.range),
      ) ?? toDiagnostic(finding, document.uri, this.client())
    );
  }

  private ruleFixes(targets: QuickFixTargets): CodeAction[] {
    return targets.relevant.flatMap((finding) =>
      (finding.fixes ?? []).map((fix) => ({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [this.diagnosticFor(targets, finding)],
        isPreferred: fix.safe,
        edit: this.workspaceEdit(targets.document, fix.edits),
      })),
    );
  }

  /** "Show documentation for RULE" once per rule, for a client that implements the command. */
  private documentationActions(targets: QuickFixTargets): CodeAction[] {
    if (!this.client().showDocumentationCommand) return [];
    return [...new Set(targets.relevant.map((finding) => finding.rule))].flatMap((rule) => {
      const href = ruleDocUri(rule);
      if (!href) return [];
      const title = `Show documentation for ${rule}`;
      return [
        {
          title,
          kind: CodeActionKind.QuickFix,
          diagnostics: targets.relevant.filter((f) => f.rule === rule).map((f) => this.diagnosticFor(targets, f)),
          command: { title, command: SHOW_RULE_DOCUMENTATION_COMMAND, arguments: [href] },
        },
      ];
    });
  }

  /** "Disable RULE for this line" once per rule and line, "…for this file" once per rule (suppressible rules only). */
  private suppressionActions(targets: QuickFixTargets): CodeAction[] {
    const { document, relevant } = targets;
    const text = document.getText();
    const actions: CodeAction[] = [];
    const seen = new Set<string>();
    for (const finding of relevant) {
      const line = finding.range.start.line;
      if (seen.has(`${finding.rule}:${line}`)) continue;
      seen.add(`${finding.rule}:${line}`);
      const lineEdit = disableForLineEdit(text, line, finding.rule);
      if (!lineEdit) continue;
      actions.push({
        title: `Disable ${finding.rule} for this line`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [this.diagnosticFor(targets, finding)],
        edit: this.workspaceEdit(document, [lineEdit]),
      });
    }
    for (const rule of new Set(relevant.map((finding) => finding.rule))) {
      const fileEdit = disableForFileEdit(text, rule);
      if (!fileEdit) continue;
      actions.push({
        title: `Disable ${rule} for this file`,
        kind: CodeActionKind.QuickFix,
        diagnostics: relevant.filter((f) => f.rule === rule).map((f) => this.diagnosticFor(targets, f)),
        edit: this.workspaceEdit(document, [fileEdit]),
      });
    }
    return actions;
  }

  private fixAll(document: TextDocument, findings: readonly Finding[]): CodeAction[] {
    const { edits, fixed } = safeFixEdits(document.getText(), findings);
    if (edits.length === 0) return [];
    return [
      {
        title: `Fix all safe problems in this charter (${fixed.length})`,
        kind: FIX_ALL_KIND,
        diagnostics: fixed.map((finding) => toDiagnostic(finding, document.uri, this.client())),
        edit: this.workspaceEdit(document, edits),
      },
    ];
  }

  /** `partnerCharter/model`: the charter, findings and health of a document, as published. */
  model(params: unknown): CharterView | null {
    const uri = isRecord(params) ? params.uri : undefined;
    if (typeof uri !== "string" || uri === "") throw invalidParams("Expected params.uri (a string).");
    const document = this.getDocument(uri);
    let result: CharterResult | undefined;
    let version: number | undefined;
    if (isProgramFileName(baseName(uri))) return null; // the page of a charter
    if (document && this.isCharter(document)) {
      result = this.charters.resultFor(document);
      version = document.version;
    } else if (!document) {
      const file = uriToPath(uri);
      if (file && isCharterFileName(baseName(file))) {
        try {
          result = this.charters.resultFromDisk(file);
        } catch {
          result = undefined;
        }
      }
    }
    if (!result) return null;
    const shown = this.charters.enabled ? result : { ...result, findings: [], suppressed: [] };
    return charterView(shown, { uri, fileName: baseName(uri), today: this.charters.today(), version });
  }
}

function sameRange(a: Range | undefined, b: Range): boolean {
  return (
    !!a &&
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Ranges intersect or touch. */
function intersects(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}
