import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import {
  FileChangeType,
  type CompletionList,
  type Diagnostic,
  type DocumentSymbol,
  type Hover,
  type MarkupContent,
} from "vscode-languageserver-protocol/node";
import { FIXTURES } from "../support/paths";
import { useServer } from "./support/server-session";
import { withId } from "./support/samples";

/**
 * Partner programs in the language server (EDITOR.md diagnostics, RULES.md "Partner program"):
 * charters open and closed are judged against the nearest program file of the workspace; the
 * program file gets the program rules; editing the program re-checks every charter that
 * belongs to it, open or closed.
 */

const PROGRAM = fs
  .readFileSync(path.join(FIXTURES, "rules", "program-tiers", "passes", "acme.partner-program.yaml"), "utf8")
  .replace(/^#.*\n/, "");

/** The FORMAT.md program with Premier asking for `n` exit criteria (the sample charter lists 2). */
function asking(exitCriteria: number): string {
  return PROGRAM.replace(
    "      maxRevenueSharePercent: 20\n",
    `      maxRevenueSharePercent: 20\n      minExitCriteria: ${exitCriteria}\n`,
  );
}

const codes = (diagnostics: Diagnostic[]): string[] => diagnostics.map((d) => String(d.code));

describe("language server: partner programs", function () {
  this.timeout(90_000);

  const server = useServer({
    files: {
      "network/acme.partner-program.yaml": asking(2),
      "network/emea/closed.partner.yaml": withId("closed-one"),
      "network/open.partner.yaml": withId("open-one"),
      "elsewhere/free.partner.yaml": withId("free-one"),
      "solo/solo.partner-program.yaml": PROGRAM.replace(
        /tiers:\n[\s\S]*$/,
        "tiers:\n  - { tier: strategic, name: Premier, provides: [partner-manager] }\n",
      ),
    },
  });

  it("checks the program files found in the workspace as programs", async () => {
    const program = await server.client.waitForDiagnostics(
      server.uri("solo/solo.partner-program.yaml"),
      (p) => p.diagnostics.length > 0,
    );
    assert.deepEqual(codes(program.diagnostics), ["program-tiers"]);
    assert.equal(program.diagnostics[0]!.range.start.line, 11);
  });

  it("editing the program re-checks every charter that belongs to it, open or closed", async () => {
    const opened = await server.open("network/open.partner.yaml", withId("open-one"));
    assert.deepEqual(codes(opened.diagnostics), []);
    const programUri = server.uri("network/acme.partner-program.yaml");
    await server.client.open(programUri, asking(2));
    await server.client.replaceAll(programUri, asking(3));
    const closed = await server.client.waitForDiagnostics(server.uri("network/emea/closed.partner.yaml"), (p) =>
      codes(p.diagnostics).includes("tier-requirements"),
    );
    assert.match(closed.diagnostics[0]!.message, /^Premier requires at least 3 exit criteria; this charter lists 2\./);
    assert.equal(closed.version, undefined, "a closed charter");
    await server.client.waitForDiagnostics(server.uri("network/open.partner.yaml"), (p) =>
      codes(p.diagnostics).includes("tier-requirements"),
    );
    // A charter outside the program's folder is not judged against it.
    const free = server.client.latestDiagnostics(server.uri("elsewhere/free.partner.yaml"));
    assert.deepEqual(codes(free?.diagnostics ?? []), []);
    // Closing the program without saving: the text on disk (2 exit criteria) applies again.
    await server.client.close(programUri);
    await server.client.waitForDiagnostics(
      server.uri("network/emea/closed.partner.yaml"),
      (p) => p.diagnostics.length === 0,
    );
  });

  it("a program file changed on disk re-checks its closed charters; a second program in the folder is a conflict", async () => {
    server.write("network/acme.partner-program.yaml", asking(4));
    await server.client.filesChanged([
      { uri: server.uri("network/acme.partner-program.yaml"), type: FileChangeType.Changed },
    ]);
    const closed = await server.client.waitForDiagnostics(server.uri("network/emea/closed.partner.yaml"), (p) =>
      p.diagnostics.some((d) => /at least 4 exit criteria/.test(d.message)),
    );
    assert.deepEqual(codes(closed.diagnostics), ["tier-requirements"]);

    server.write(
      "network/resellers.partner-program.yaml",
      asking(4).replace("id: acme-partner-network", "id: acme-resellers"),
    );
    await server.client.filesChanged([
      { uri: server.uri("network/resellers.partner-program.yaml"), type: FileChangeType.Created },
    ]);
    const conflict = await server.client.waitForDiagnostics(server.uri("network/resellers.partner-program.yaml"), (p) =>
      codes(p.diagnostics).includes("program-conflict"),
    );
    assert.match(conflict.diagnostics[0]!.message, /acme\.partner-program\.yaml is here too/);
    // Under two programs, the charter is judged against neither.
    await server.client.waitForDiagnostics(
      server.uri("network/emea/closed.partner.yaml"),
      (p) => p.diagnostics.length === 0,
    );
  });

  it("a program file in the editor: hover and completion from the program schema, and its tiers in the outline", async () => {
    const uri = server.uri("drafts/draft.partner-program.yaml");
    const text = asking(2).replace("fields: [governance.partnerManager]", "fields: [governance.partnerManager, gov]");
    await server.client.open(uri, text);
    const lines = text.split("\n");
    const hover = await server.client.request<Hover | null>("textDocument/hover", {
      textDocument: { uri },
      position: { line: lines.indexOf("ecosystem:"), character: 2 },
    });
    assert.match((hover!.contents as MarkupContent).value, /curated/);
    const fieldsLine = lines.findIndex((line) => line.includes("gov]"));
    const list = await server.client.request<CompletionList>("textDocument/completion", {
      textDocument: { uri },
      position: { line: fieldsLine, character: lines[fieldsLine]!.indexOf("gov]") + 3 },
    });
    const labels = list.items.map((item) => item.label);
    assert.ok(labels.includes("governance.partnerManager") && labels.includes("leverage.evidence"), labels.join(", "));
    const symbols = await server.client.request<DocumentSymbol[]>("textDocument/documentSymbol", {
      textDocument: { uri },
    });
    const tiers = symbols.find((symbol) => symbol.name === "Tiers");
    assert.deepEqual(
      tiers?.children?.map((child) => child.name),
      ["Registered", "Select", "Premier"],
    );
    await server.client.close(uri);
  });
});
