import * as assert from "node:assert/strict";
import fc from "fast-check";
import type {
  CodeAction,
  Diagnostic,
  Hover,
  Range,
  TextDocumentEdit,
  TextEdit,
} from "vscode-languageserver-protocol/node";
import { parseCharter } from "../../core/src";
import { LineIndex } from "../../core/src/text/line-index";
import { applyEdits } from "../server/support/lsp-client";
import { useServer } from "../server/support/server-session";
import { jargonIn } from "./support/core-probe";
import { fuzzCase } from "./support/inputs";

/**
 * The quick fuzz run of the language server (part of `npx mocha`): mutated charters opened,
 * changed and closed on one server, with every feature asked for at random positions — a few
 * hundred requests over JSON-RPC. No request fails, every diagnostic is inside the document,
 * no message carries jargon, every quick fix (and "fix all") leaves valid YAML, and the
 * server is still there at the end.
 */

const SEED = 2411;
const DOCUMENTS = 36;
const FIX_ALL = "source.fixAll.partnerCharter";

describe("fuzz: the language server on mutated charters", function () {
  this.timeout(180_000);
  const server = useServer();

  function inside(lines: LineIndex, range: Range): boolean {
    const ok = (p: { line: number; character: number }): boolean =>
      p.line >= 0 && p.line < lines.lineCount && p.character >= 0 && p.character <= lines.lineText(p.line).length;
    return ok(range.start) && ok(range.end);
  }

  function editsOf(action: CodeAction, uri: string): TextEdit[] {
    return ((action.edit?.documentChanges ?? []) as TextDocumentEdit[])
      .filter((change) => change.textDocument.uri === uri)
      .flatMap((change) => change.edits as TextEdit[]);
  }

  it(`${DOCUMENTS} documents from seed ${SEED}, a few hundred requests`, async () => {
    const cases = fc.sample(fc.tuple(fuzzCase, fuzzCase), { seed: SEED, numRuns: DOCUMENTS });
    let requests = 0;
    const ask = async <R>(method: string, params: unknown): Promise<R> => {
      requests++;
      return server.client.request<R>(method, params);
    };
    for (const [i, [first, second]] of cases.entries()) {
      const uri = server.uri(`fuzz-${i}.partner.yaml`);
      const what = (text: string): string => `document ${i} (seed ${SEED}):\n${text.slice(0, 600)}`;
      for (const [version, text] of [first.text, second.text].entries()) {
        const published =
          version === 0
            ? await server.open(`fuzz-${i}.partner.yaml`, text)
            : await (async () => {
                const sent = await server.client.replaceAll(uri, text);
                return server.client.waitForDiagnostics(uri, (p) => p.version === sent);
              })();
        // The editor's text: positions are the parser's (a byte order mark is not part of the text).
        const lines = parseCharter(text).lines;
        const valid = parseCharter(text).syntaxFindings.length === 0;
        for (const diagnostic of published.diagnostics) {
          assert.ok(
            inside(lines, diagnostic.range),
            `diagnostic outside the document: ${JSON.stringify(diagnostic)}\n${what(text)}`,
          );
          assert.equal(jargonIn(diagnostic.message), undefined, what(text));
        }
        const textDocument = { textDocument: { uri } };
        for (const [line, character] of first.positions) {
          const position = { line: line % (lines.lineCount + 1), character };
          const hover = await ask<Hover | null>("textDocument/hover", { ...textDocument, position });
          if (hover) assert.doesNotMatch(JSON.stringify(hover.contents), /\[object |native code/, what(text));
          await ask("textDocument/completion", { ...textDocument, position });
        }
        const symbols = await ask<unknown[]>("textDocument/documentSymbol", textDocument);
        assert.doesNotMatch(JSON.stringify(symbols), /\[object |native code/, what(text));
        await ask("textDocument/foldingRange", textDocument);
        await ask("textDocument/codeLens", textDocument);
        await ask("partnerCharter/model", { uri });
        const diagnostics: Diagnostic[] = published.diagnostics.slice(0, 3);
        for (const diagnostic of diagnostics) {
          const actions = await ask<CodeAction[]>("textDocument/codeAction", {
            ...textDocument,
            range: diagnostic.range,
            context: { diagnostics: [diagnostic] },
          });
          for (const action of actions) checkFixed(action, uri, text, valid, what);
        }
        const fixAll = await ask<CodeAction[]>("textDocument/codeAction", {
          ...textDocument,
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          context: { diagnostics: [], only: [FIX_ALL] },
        });
        for (const action of fixAll) checkFixed(action, uri, text, valid, what);
      }
      await server.client.close(uri);
    }
    assert.ok(requests >= 300, `${requests} requests`);
    assert.equal(server.client.exited, false);
  });

  function checkFixed(
    action: CodeAction,
    uri: string,
    text: string,
    valid: boolean,
    what: (text: string) => string,
  ): void {
    assert.equal(jargonIn(action.title), undefined, what(text));
    const edits = editsOf(action, uri);
    if (!valid || edits.length === 0) return;
    const fixed = applyEdits(text.replace(/^\uFEFF/, ""), edits);
    const reparsed = parseCharter(fixed);
    assert.deepEqual(
      reparsed.syntaxFindings.map((finding) => finding.message),
      [],
      `"${action.title}" leaves invalid YAML:\n${fixed.slice(0, 800)}\n--- from ---\n${what(text)}`,
    );
  }
});
