import * as assert from "node:assert/strict";
import {
  CompletionItemKind,
  InsertTextFormat,
  type CompletionItem,
  type CompletionList,
  type Hover,
  type MarkupContent,
  type TextEdit,
} from "vscode-languageserver-protocol/node";
import { applyEdits } from "./support/lsp-client";
import { useServer } from "./support/server-session";
import { VALID, lineOf, replaceLine, withId } from "./support/samples";

function labels(items: CompletionItem[], kind?: CompletionItemKind): string[] {
  return items.filter((item) => kind === undefined || item.kind === kind).map((item) => item.label);
}

/** The labels in the order an editor shows them (sortText, then label). */
function sorted(items: CompletionItem[], kind: CompletionItemKind): string[] {
  return items
    .filter((item) => item.kind === kind)
    .sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label))
    .map((item) => item.label);
}

describe("language server: completion and hover", function () {
  this.timeout(60_000);
  let counter = 0;

  const server = useServer();

  async function complete(text: string, line: number, character: number): Promise<CompletionItem[]> {
    const uri = server.uri(`c${++counter}.partner.yaml`);
    await server.client.open(uri, text);
    const list = await server.client.request<CompletionList>("textDocument/completion", {
      textDocument: { uri },
      position: { line, character },
    });
    await server.client.close(uri);
    return list.items;
  }

  async function hover(text: string, line: number, character: number): Promise<string | undefined> {
    const uri = server.uri(`h${++counter}.partner.yaml`);
    await server.client.open(uri, text);
    const result = await server.client.request<Hover | null>("textDocument/hover", {
      textDocument: { uri },
      position: { line, character },
    });
    await server.client.close(uri);
    return result ? (result.contents as MarkupContent).value : undefined;
  }

  it("offers the top-level keys not yet written, required ones first, with documentation", async () => {
    const text = "apiVersion: partner-charter/v1\nkind: Charter\nti\n";
    const items = await complete(text, 2, 2);
    const keys = sorted(items, CompletionItemKind.Property);
    assert.ok(!keys.includes("apiVersion") && !keys.includes("kind"), "present keys are not offered");
    assert.ok(keys.includes("title"));
    const firstOptional = keys.indexOf("updated");
    const lastRequired = Math.max(
      ...["id", "title", "status", "owner", "partner", "tier", "governance"].map((k) => keys.indexOf(k)),
    );
    assert.ok(lastRequired < firstOptional, `required keys first: ${keys.join(", ")}`);
    const title = items.find((item) => item.label === "title")!;
    assert.match((title.documentation as MarkupContent).value, /partnership/i);
    assert.equal((title.documentation as MarkupContent).kind, "markdown");
    // The edit replaces the partial word "ti".
    assert.deepEqual(title.textEdit && "range" in title.textEdit ? title.textEdit.range : undefined, {
      start: { line: 2, character: 0 },
      end: { line: 2, character: 2 },
    });
  });

  it("never offers a key already present in the mapping, even below the cursor", async () => {
    const text = "apiVersion: partner-charter/v1\n\nkind: Charter\nid: x\n";
    const items = await complete(text, 1, 0);
    const keys = labels(items, CompletionItemKind.Property);
    for (const present of ["apiVersion", "kind", "id"]) assert.ok(!keys.includes(present), present);
  });

  it("offers the enum values of `tier:` with their explanations", async () => {
    const items = await complete("tier: \n", 0, 6);
    assert.deepEqual(labels(items, CompletionItemKind.EnumMember), ["integration", "partnership", "strategic"]);
    const strategic = items.find((item) => item.label === "strategic")!;
    assert.ok((strategic.documentation as MarkupContent).value.length > 10);
    // Right after the colon (the ":" trigger), the value comes with its space.
    const afterColon = await complete("tier:\n", 0, 5);
    const edit = afterColon.find((item) => item.label === "partnership")!.textEdit as TextEdit;
    assert.equal(applyEdits("tier:\n", [edit]), "tier: partnership\n");
  });

  it("offers enum values inside a flow mapping (commitment type) and booleans", async () => {
    const flow = await complete("commitments:\n  us:\n    - { type: eng\n", 2, 17);
    assert.ok(labels(flow).includes("engineering"));
    assert.ok(labels(flow).includes("revenue-share"));
    const bool = await complete("partner:\n  name: X\n  marquee: \n", 2, 11);
    assert.deepEqual(labels(bool).sort(), ["false", "true"]);
  });

  it("offers the keys of a nested mapping on a new, still empty line", async () => {
    const items = await complete("partner:\n  name: CloudCo\n  \ntier: strategic\n", 2, 2);
    const keys = labels(items, CompletionItemKind.Property);
    assert.deepEqual(keys.sort(), ["customersInCommon", "engineeringCapacity", "marquee", "website"]);
  });

  it("finds the mapping from the indentation while the line is being typed (broken YAML)", async () => {
    const text = replaceLine(/^ {2}partnerManager: Dana Ortiz$/m, "  partnerMa\n  syncC", VALID);
    const line = lineOf(text, /^ {2}partnerMa$/);
    const items = await complete(text, line, "  partnerMa".length);
    const keys = labels(items, CompletionItemKind.Property);
    assert.ok(keys.includes("partnerManager"), keys.join(", "));
    assert.ok(!keys.includes("owners") && !keys.includes("exitCriteria"), "keys present in governance are left out");
    assert.ok(!keys.includes("tier"), "top-level keys are not offered inside governance");
  });

  it("offers snippets for whole sections: a phase with go/no-go, a commitment, a signature, a metric, a criterion", async () => {
    const phases = await complete("phases:\n  \n", 1, 2);
    const crawl = phases.find((item) => item.kind === CompletionItemKind.Snippet && item.label === "Crawl phase");
    assert.ok(crawl, labels(phases).join(", "));
    assert.equal(crawl.insertTextFormat, InsertTextFormat.Snippet);
    const crawlText = (crawl.textEdit as TextEdit).newText;
    assert.match(crawlText, /^crawl:\n {4}start: /);
    assert.match(crawlText, /goNoGo:\n {6}- metric: \$\{\d+:TODO metric\}\n {8}improvement: \$\{\d+:20%\}/);

    const commitment = await complete("commitments:\n  us:\n    - \n", 2, 6);
    const commitmentSnippet = commitment.find((item) => item.label === "Commitment with amount");
    assert.ok(commitmentSnippet, labels(commitment).join(", "));
    assert.match((commitmentSnippet.textEdit as TextEdit).newText, /^type: \$\{1\|engineering,/);

    const signatures = await complete("signatures:\n  \n", 1, 2);
    assert.ok(labels(signatures, CompletionItemKind.Snippet).some((label) => /Signature/.test(label)));
    const top = await complete("apiVersion: partner-charter/v1\n\n", 1, 0);
    const signature = top.find((item) => item.label === "signatures: Signature (us)");
    assert.ok(signature, labels(top, CompletionItemKind.Snippet).join(", "));
    assert.match((signature.textEdit as TextEdit).newText, /^signatures:\n {2}- party: /);

    const metrics = await complete("measurement:\n  metrics:\n    \n", 2, 4);
    assert.ok(labels(metrics).includes("Metric"));
    const criteria = await complete("phases:\n  walk:\n    goNoGo:\n      \n", 3, 6);
    assert.ok(labels(criteria).includes("Walk criterion (adoption)"));
  });

  it("inserts a snippet that makes valid YAML in place", async () => {
    const text = "apiVersion: partner-charter/v1\nkind: Charter\nph\n";
    const items = await complete(text, 2, 2);
    const phases = items.find((item) => item.label === "Crawl, walk, run")!;
    const edit = phases.textEdit as TextEdit;
    const plain = edit.newText.replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, "$1").replace(/\$\{\d+:([^}]*)\}/g, "$1");
    const result = applyEdits(text, [{ range: edit.range, newText: plain }]);
    assert.match(result, /^phases:\n {2}crawl:\n {4}start: 2026-11-24\n/m);
  });

  it("hovers a key with its markdown description", async () => {
    const line = lineOf(VALID, /^tier:/);
    const text = await hover(withId("hover-key"), line, 1);
    assert.ok(text);
    assert.match(text, /\*\*tier\*\*/);
    assert.match(text, /invest/i);
  });

  it("hovers an enum value with that value's explanation and the key's", async () => {
    const source = replaceLine(/^ {2}type: requirement$/m, "  type: co-marketing", withId("hover-value"));
    const line = lineOf(source, /^ {2}type: co-marketing$/);
    const text = await hover(source, line, "  type: co-m".length);
    assert.ok(text);
    assert.match(text, /\*\*co-marketing\*\*/);
    assert.match(text, /weak|waste/i);
    assert.match(text, /strongest to weakest/i, "the key's description follows");
  });

  it("answers null on a key the format does not know", async () => {
    const source = `${withId("hover-none")}notAKey: 1\n`;
    const text = await hover(source, lineOf(source, /^notAKey/), 2);
    assert.equal(text, undefined);
  });
});
