import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { FileChangeType, type Diagnostic } from "vscode-languageserver-protocol/node";
import { LspClient, makeWorkspace, uriOf, writeFile } from "./support/lsp-client";
import { TODAY, lineOf, replaceLine, withId } from "./support/samples";

interface Totals {
  files: number;
  errors: number;
  warnings: number;
}

const codes = (diagnostics: Diagnostic[]): string[] => diagnostics.map((d) => String(d.code));

describe("language server: workspace validation", function () {
  this.timeout(90_000);
  let workspace: string;
  let client: LspClient;
  const file = (name: string): string => path.join(workspace, name);
  const uri = (name: string): string => uriOf(file(name));

  before(async () => {
    workspace = makeWorkspace({
      "clean.partner.yaml": withId("clean"),
      "teams/typo.partner.yaml": replaceLine(/^kind: Charter$/m, "kind: Charte", withId("typo")),
      "teams/a.partner.yaml": withId("shared-id"),
      "other/b.partner.yml": withId("shared-id"),
      "node_modules/pkg/ignored.partner.yaml": "kind: nonsense\n",
      "build/generated.partner.yaml": "kind: nonsense\n",
      ".gitignore": "build/\n",
    });
    client = await LspClient.start({ workspace, settings: { today: TODAY } });
  });

  after(async () => {
    await client?.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it("registers file watchers and configuration change notifications", async () => {
    await client.waitFor(
      () =>
        client.registrations.some((r) => r.method === "workspace/didChangeWatchedFiles") &&
        client.registrations.some((r) => r.method === "workspace/didChangeConfiguration"),
      () => `registrations; got ${JSON.stringify(client.registrations.map((r) => r.method))}`,
    );
    const watcher = client.registrations.find((r) => r.method === "workspace/didChangeWatchedFiles")!;
    const globs = (watcher.registerOptions as { watchers: { globPattern: string }[] }).watchers.map(
      (w) => w.globPattern,
    );
    assert.deepEqual(globs, ["**/*.partner.{yaml,yml}", "**/.partner-charter.{yaml,yml}"]);
  });

  it("publishes diagnostics for closed files found on disk at start, reporting progress", async () => {
    const typo = await client.waitForDiagnostics(uri("teams/typo.partner.yaml"), (p) => p.diagnostics.length > 0);
    assert.deepEqual(codes(typo.diagnostics), ["schema"]);
    assert.equal(typo.version, undefined, "closed files carry no version");
    assert.equal(client.diagnostics.get(uri("node_modules/pkg/ignored.partner.yaml")), undefined);
    assert.equal(client.diagnostics.get(uri("build/generated.partner.yaml")), undefined, ".gitignore is honoured");
    await client.waitFor(
      () => client.progress.some((p) => (p.value as { kind: string }).kind === "end"),
      () => `progress end; got ${JSON.stringify(client.progress)}`,
    );
    const kinds = client.progress.map((p) => (p.value as { kind: string }).kind);
    assert.equal(kinds[0], "begin");
  });

  it("reports duplicate-id across two files with related information pointing at the other", async () => {
    const a = await client.waitForDiagnostics(uri("teams/a.partner.yaml"), (p) =>
      codes(p.diagnostics).includes("duplicate-id"),
    );
    const b = await client.waitForDiagnostics(uri("other/b.partner.yml"), (p) =>
      codes(p.diagnostics).includes("duplicate-id"),
    );
    const duplicate = a.diagnostics.find((d) => d.code === "duplicate-id")!;
    assert.equal(duplicate.range.start.line, lineOf(withId("shared-id"), /^id:/));
    assert.equal(duplicate.relatedInformation?.length, 1);
    assert.equal(duplicate.relatedInformation![0]!.location.uri, uri("other/b.partner.yml"));
    assert.equal(
      b.diagnostics.find((d) => d.code === "duplicate-id")!.relatedInformation![0]!.location.uri,
      uri("teams/a.partner.yaml"),
    );
  });

  it("recomputes duplicates when an open document changes its id", async () => {
    const aUri = uri("teams/a.partner.yaml");
    await client.open(aUri, withId("shared-id"));
    await client.waitForDiagnostics(aUri, (p) => p.version === 1 && codes(p.diagnostics).includes("duplicate-id"));
    const version = await client.replaceAll(aUri, withId("now-unique"));
    await client.waitForDiagnostics(aUri, (p) => p.version === version && p.diagnostics.length === 0);
    // The closed partner file loses its finding too.
    await client.waitForDiagnostics(uri("other/b.partner.yml"), (p) => p.diagnostics.length === 0);
    // Closing the document goes back to the text on disk: the duplicate is back.
    await client.close(aUri);
    await client.waitForDiagnostics(aUri, (p) => codes(p.diagnostics).includes("duplicate-id"));
    await client.waitForDiagnostics(uri("other/b.partner.yml"), (p) => codes(p.diagnostics).includes("duplicate-id"));
  });

  it("re-validates a file created or changed on disk, and clears a deleted file", async () => {
    writeFile(workspace, "new.partner.yaml", replaceLine(/^status: active$/m, "status: actve", withId("new")));
    await client.filesChanged([{ uri: uri("new.partner.yaml"), type: FileChangeType.Created }]);
    await client.waitForDiagnostics(uri("new.partner.yaml"), (p) => p.diagnostics.some((d) => /actve/.test(d.message)));
    fs.rmSync(file("new.partner.yaml"));
    await client.filesChanged([{ uri: uri("new.partner.yaml"), type: FileChangeType.Deleted }]);
    await client.waitForDiagnostics(uri("new.partner.yaml"), (p) => p.diagnostics.length === 0);
  });

  it("skips files ignored by .gitignore when a watcher reports them", async () => {
    writeFile(workspace, "build/late.partner.yaml", "kind: nonsense\n");
    writeFile(workspace, "visible.partner.yaml", "kind: nonsense\n");
    await client.filesChanged([
      { uri: uri("build/late.partner.yaml"), type: FileChangeType.Created },
      { uri: uri("visible.partner.yaml"), type: FileChangeType.Created },
    ]);
    await client.waitForDiagnostics(uri("visible.partner.yaml"), (p) => p.diagnostics.length > 0);
    assert.equal(client.diagnostics.get(uri("build/late.partner.yaml")), undefined);
    fs.rmSync(file("visible.partner.yaml"));
    await client.filesChanged([{ uri: uri("visible.partner.yaml"), type: FileChangeType.Deleted }]);
    await client.waitForDiagnostics(uri("visible.partner.yaml"), (p) => p.diagnostics.length === 0);
  });

  it("applies a config file: a rule turned off disappears; a bad rule name is reported on the config file", async () => {
    writeFile(workspace, "teams/.partner-charter.yaml", "rules:\n  schema: off\n");
    await client.filesChanged([{ uri: uri("teams/.partner-charter.yaml"), type: FileChangeType.Created }]);
    await client.waitForDiagnostics(uri("teams/typo.partner.yaml"), (p) => p.diagnostics.length === 0);
    // Outside teams/, nothing changes.
    assert.ok(codes(client.latestDiagnostics(uri("other/b.partner.yml"))!.diagnostics).includes("duplicate-id"));

    writeFile(workspace, "teams/.partner-charter.yaml", "rules:\n  schema: off\n  no-such-rule: warning\n");
    await client.filesChanged([{ uri: uri("teams/.partner-charter.yaml"), type: FileChangeType.Changed }]);
    const config = await client.waitForDiagnostics(uri("teams/.partner-charter.yaml"), (p) => p.diagnostics.length > 0);
    assert.deepEqual(codes(config.diagnostics), ["config"]);
    assert.equal(config.diagnostics[0]!.range.start.line, 2);
    assert.match(config.diagnostics[0]!.message, /no-such-rule/);

    fs.rmSync(file("teams/.partner-charter.yaml"));
    await client.filesChanged([{ uri: uri("teams/.partner-charter.yaml"), type: FileChangeType.Deleted }]);
    await client.waitForDiagnostics(uri("teams/.partner-charter.yaml"), (p) => p.diagnostics.length === 0);
    await client.waitForDiagnostics(uri("teams/typo.partner.yaml"), (p) => codes(p.diagnostics).includes("schema"));
  });

  it("applies the partnerCharter.rules setting, below the config file", async () => {
    await client.changeSettings({ today: TODAY, rules: { "duplicate-id": "warning" } });
    const b = await client.waitForDiagnostics(uri("other/b.partner.yml"), (p) =>
      p.diagnostics.some((d) => d.code === "duplicate-id" && d.severity === 2),
    );
    assert.ok(b);
    // The config file wins over the setting.
    writeFile(workspace, "other/.partner-charter.yaml", "rules:\n  duplicate-id: off\n");
    await client.filesChanged([{ uri: uri("other/.partner-charter.yaml"), type: FileChangeType.Created }]);
    await client.waitForDiagnostics(uri("other/b.partner.yml"), (p) => p.diagnostics.length === 0);
    fs.rmSync(file("other/.partner-charter.yaml"));
    await client.filesChanged([{ uri: uri("other/.partner-charter.yaml"), type: FileChangeType.Deleted }]);
    await client.waitForDiagnostics(uri("other/b.partner.yml"), (p) => codes(p.diagnostics).includes("duplicate-id"));
  });

  it("warns about invalid settings in plain words", async () => {
    await client.changeSettings({ today: TODAY, rules: { "no-such-rule": "off" } });
    await client.waitFor(
      () => client.messages.some((m) => /no-such-rule/.test(m.message)),
      () => `a warning message; got ${JSON.stringify(client.messages)}`,
    );
    const message = client.messages.find((m) => /no-such-rule/.test(m.message))!;
    assert.equal(message.type, 2);
    assert.match(message.message, /partnerCharter\.rules/);
  });

  it("clears every diagnostic with validate.enable: false and restores them with true", async () => {
    await client.changeSettings({ today: TODAY, validate: { enable: false } });
    await client.waitForDiagnostics(uri("teams/typo.partner.yaml"), (p) => p.diagnostics.length === 0);
    await client.waitForDiagnostics(uri("teams/a.partner.yaml"), (p) => p.diagnostics.length === 0);
    // A charter written while validation is off is found when it is turned back on.
    writeFile(
      workspace,
      "while-off.partner.yaml",
      replaceLine(/^kind: Charter$/m, "kind: Charte", withId("while-off")),
    );
    await client.changeSettings({ today: TODAY, validate: { enable: true } });
    await client.waitForDiagnostics(uri("teams/typo.partner.yaml"), (p) => p.diagnostics.length > 0);
    await client.waitForDiagnostics(uri("while-off.partner.yaml"), (p) => p.diagnostics.length > 0);
    fs.rmSync(file("while-off.partner.yaml"));
    await client.filesChanged([{ uri: uri("while-off.partner.yaml"), type: FileChangeType.Deleted }]);
    await client.waitForDiagnostics(uri("while-off.partner.yaml"), (p) => p.diagnostics.length === 0);
  });

  it("partnerCharter/validateWorkspace re-validates everything and returns the counts", async () => {
    writeFile(workspace, "late.partner.yaml", replaceLine(/^kind: Charter$/m, "kind: Charte", withId("late")));
    const totals = await client.request<Totals>("partnerCharter/validateWorkspace", {});
    // clean, typo, a, b, late (not node_modules, not build/)
    assert.equal(totals.files, 5);
    assert.equal(totals.warnings, 0);
    // typo + late (schema), a + b (duplicate-id)
    assert.equal(totals.errors, 4);
    await client.waitForDiagnostics(uri("late.partner.yaml"), (p) => p.diagnostics.length > 0);
  });
});
