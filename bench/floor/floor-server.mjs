// The floor language server: the least an LSP server that checks charters against the
// schema can do. On open and on every change (no debounce) it parses the document with
// yaml.parseDocument, validates doc.toJS() with the SAME precompiled ajv validator as the
// core (core/generated/charter-validator.js) and publishes one diagnostic per error, placed
// on the document's first line (no node ranges, no rules, no messages worth reading).
// Used for the compute and memory comparisons; run as `node bench/floor/floor-server.mjs --stdio`.
import { parseDocument } from "yaml";
import lsp from "vscode-languageserver/node.js";
import { TextDocument } from "vscode-languageserver-textdocument";
import validate from "../../core/generated/charter-validator.js";

const { createConnection, TextDocuments, TextDocumentSyncKind, DiagnosticSeverity } = lsp;

const connection = createConnection();
const documents = new TextDocuments(TextDocument);
const HEAD = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };

function check(document) {
  const doc = parseDocument(document.getText());
  const diagnostics = doc.errors.map((error) => ({
    range: HEAD,
    message: error.message,
    severity: DiagnosticSeverity.Error,
  }));
  if (diagnostics.length === 0 && !validate(doc.toJS())) {
    for (const error of validate.errors) {
      diagnostics.push({
        range: HEAD,
        message: `${error.instancePath} ${error.message}`,
        severity: DiagnosticSeverity.Error,
      });
    }
  }
  connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
}

connection.onInitialize(() => ({
  capabilities: { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental } },
  serverInfo: { name: "floor", version: "1" },
}));
documents.onDidChangeContent((event) => check(event.document)); // fires on open and change
documents.onDidClose((event) => connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] }));
documents.listen(connection);
connection.listen();
