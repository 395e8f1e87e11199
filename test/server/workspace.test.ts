import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import { FileChangeType, type Diagnostic } from "vscode-languageserver-protocol/node";
import { useServer } from "./support/server-session";
import { TODAY, lineOf, replaceLine, withId } from "./support/samples";

interface Totals {
  files: number;
  errors: number;
  warnings: number;
}

const codes = (diagnostics: Diagnostic[]): string[] => diagnostics.map((d) => String(d.code));

describe("language server: workspace validation", function () {
  this.timeout(90_000);

  const server = useServer({
    files: {
      "clean.partner.yaml": withId("clean"),
      "teams/typo.partner.yaml": replaceLine(/^kind: Charter$/m, "kind: Charte", withId("typo")),
      "teams/a.partner.yaml": withId("shared-id"),
      "other/b.partner.yml": withId("shared-id"),
      "node_modules/pkg/ignored.partner.yaml": "kind: nonsense\n",
      "build/generated.partner.yaml": "kind: nonsense\n",
      ".gitignore": "build/\n",
    },
  });

  it("registers file watchers and configuration change notifications", async () => {
    await server.client.waitFor(
      () =>
        server.client.registrations.some((r) => r.method === "workspace/didChangeWatchedFiles") &&
        server.client.registrations.some((r) => r.method === "workspace/didChangeConfiguration"),
      () => `registrations; got ${JSON.stringify(server.client.registrations.map((r) => r.method))}`,
    );
    const watcher = server.client.registrations.find((r) => r.method === "workspace/didChangeWatchedFiles")!;
    const globs = (watcher.registerOptions as { watchers: { globPattern: string }[] }).watchers.map(
      (w) => w.globPattern,
    );
    assert.deepEqual(globs, [
      "**/*.partner.{yaml,yml}",
      "**/.partner-charter.{yaml,yml}",
      "**/*.partner-program.{yaml,yml}",
    ]);
  });

  it("publishes diagnostics for closed files found on disk at start, reporting progress", async () => {
    const typo = await server.client.waitForDiagnostics(
      server.uri("teams/typo.partner.yaml"),
      (p) => p.diagnostics.length > 0,
    );
    assert.deepEqual(codes(typo.diagnostics), ["schema"]);
    assert.equal(typo.version, undefined, "closed files carry no version");
    assert.equal(server.client.diagnostics.get(server.uri("node_modules/pkg/ignored.partner.yaml")), undefined);
    assert.equal(
      server.client.diagnostics.get(server.uri("build/generated.partner.yaml")),
      undefined,
      ".gitignore is honoured",
    );
    await server.client.waitFor(
      () => server.client.progress.some((p) => (p.value as { kind: string }).kind === "end"),
      () => `progress end; got ${JSON.stringify(server.client.progress)}`,
    );
    const kinds = server.client.progress.map((p) => (p.value as { kind: string }).kind);
    assert.equal(kinds[0], "begin");
  });

  it("reports duplicate-id across two files with related information pointing at the other", async () => {
    const a = await server.client.waitForDiagnostics(server.uri("teams/a.partner.yaml"), (p) =>
      codes(p.diagnostics).includes("duplicate-id"),
    );
    const b = await server.client.waitForDiagnostics(server.uri("other/b.partner.yml"), (p) =>
      codes(p.diagnostics).includes("duplicate-id"),
    );
    const duplicate = a.diagnostics.find((d) => d.code === "duplicate-id")!;
    assert.equal(duplicate.range.start.line, lineOf(withId("shared-id"), /^id:/));
    assert.equal(duplicate.relatedInformation?.length, 1);
    assert.equal(duplicate.relatedInformation![0]!.location.uri, server.uri("other/b.partner.yml"));
    assert.equal(
      b.diagnostics.find((d) => d.code === "duplicate-id")!.relatedInformation![0]!.location.uri,
      server.uri("teams/a.partner.yaml"),
    );
  });

  it("recomputes duplicates when an open document changes its id", async () => {
    const { uri: aUri } = await server.open(
      "teams/a.partner.yaml",
      withId("shared-id"),
      (p) => p.version === 1 && codes(p.diagnostics).includes("duplicate-id"),
    );
    const version = await server.client.replaceAll(aUri, withId("now-unique"));
    await server.client.waitForDiagnostics(aUri, (p) => p.version === version && p.diagnostics.length === 0);
    // The closed partner file loses its finding too.
    await server.client.waitForDiagnostics(server.uri("other/b.partner.yml"), (p) => p.diagnostics.length === 0);
    // Closing the document goes back to the text on disk: the duplicate is back.
    await server.client.close(aUri);
    await server.client.waitForDiagnostics(aUri, (p) => codes(p.diagnostics).includes("duplicate-id"));
    await server.client.waitForDiagnostics(server.uri("other/b.partner.yml"), (p) =>
      codes(p.diagnostics).includes("duplicate-id"),
    );
  });

  it("re-validates a file created or changed on disk, and clears a deleted file", async () => {
    server.write("new.partner.yaml", replaceLine(/^status: active$/m, "status: actve", withId("new")));
    await server.client.filesChanged([{ uri: server.uri("new.partner.yaml"), type: FileChangeType.Created }]);
    await server.client.waitForDiagnostics(server.uri("new.partner.yaml"), (p) =>
      p.diagnostics.some((d) => /actve/.test(d.message)),
    );
    fs.rmSync(server.file("new.partner.yaml"));
    await server.client.filesChanged([{ uri: server.uri("new.partner.yaml"), type: FileChangeType.Deleted }]);
    await server.client.waitForDiagnostics(server.uri("new.partner.yaml"), (p) => p.diagnostics.length === 0);
  });

  it("skips files ignored by .gitignore when a watcher reports them", async () => {
    server.write("build/late.partner.yaml", "kind: nonsense\n");
    server.write("visible.partner.yaml", "kind: nonsense\n");
    await server.client.filesChanged([
      { uri: server.uri("build/late.partner.yaml"), type: FileChangeType.Created },
      { uri: server.uri("visible.partner.yaml"), type: FileChangeType.Created },
    ]);
    await server.client.waitForDiagnostics(server.uri("visible.partner.yaml"), (p) => p.diagnostics.length > 0);
    assert.equal(server.client.diagnostics.get(server.uri("build/late.partner.yaml")), undefined);
    fs.rmSync(server.file("visible.partner.yaml"));
    await server.client.filesChanged([{ uri: server.uri("visible.partner.yaml"), type: FileChangeType.Deleted }]);
    await server.client.waitForDiagnostics(server.uri("visible.partner.yaml"), (p) => p.diagnostics.length === 0);
  });

  it("applies a config file: a rule turned off disappears; a bad rule name is reported on the config file", async () => {
    server.write("teams/.partner-charter.yaml", "rules:\n  schema: off\n");
    await server.client.filesChanged([
      { uri: server.uri("teams/.partner-charter.yaml"), type: FileChangeType.Created },
    ]);
    await server.client.waitForDiagnostics(server.uri("teams/typo.partner.yaml"), (p) => p.diagnostics.length === 0);
    // Outside teams/, nothing changes.
    assert.ok(
      codes(server.client.latestDiagnostics(server.uri("other/b.partner.yml"))!.diagnostics).includes("duplicate-id"),
    );

    server.write("teams/.partner-charter.yaml", "rules:\n  schema: off\n  no-such-rule: warning\n");
    await server.client.filesChanged([
      { uri: server.uri("teams/.partner-charter.yaml"), type: FileChangeType.Changed },
    ]);
    const config = await server.client.waitForDiagnostics(
      server.uri("teams/.partner-charter.yaml"),
      (p) => p.diagnostics.length > 0,
    );
    assert.deepEqual(codes(config.diagnostics), ["config"]);
    assert.equal(config.diagnostics[0]!.range.start.line, 2);
    assert.match(config.diagnostics[0]!.message, /no-such-rule/);

    fs.rmSync(server.file("teams/.partner-charter.yaml"));
    await server.client.filesChanged([
      { uri: server.uri("teams/.partner-charter.yaml"), type: FileChangeType.Deleted },
    ]);
    await server.client.waitForDiagnostics(
      server.uri("teams/.partner-charter.yaml"),
      (p) => p.diagnostics.length === 0,
    );
    await server.client.waitForDiagnostics(server.uri("teams/typo.partner.yaml"), (p) =>
      codes(p.diagnostics).includes("schema"),
    );
  });

  it("applies the partnerCharter.rules setting, below the config file", async () => {
    await server.client.changeSettings({ today: TODAY, rules: { "duplicate-id": "warning" } });
    const b = await server.client.waitForDiagnostics(server.uri("other/b.partner.yml"), (p) =>
      p.diagnostics.some((d) => d.code === "duplicate-id" && d.severity === 2),
    );
    assert.ok(b);
    // The config file wins over the setting.
    server.write("other/.partner-charter.yaml", "rules:\n  duplicate-id: off\n");
    await server.client.filesChanged([
      { uri: server.uri("other/.partner-charter.yaml"), type: FileChangeType.Created },
    ]);
    await server.client.waitForDiagnostics(server.uri("other/b.partner.yml"), (p) => p.diagnostics.length === 0);
    fs.rmSync(server.file("other/.partner-charter.yaml"));
    await server.client.filesChanged([
      { uri: server.uri("other/.partner-charter.yaml"), type: FileChangeType.Deleted },
    ]);
    await server.client.waitForDiagnostics(server.uri("other/b.partner.yml"), (p) =>
      codes(p.diagnostics).includes("duplicate-id"),
    );
  });

  it("warns about invalid settings in plain words", async () => {
    await server.client.changeSettings({ today: TODAY, rules: { "no-such-rule": "off" } });
    await server.client.waitFor(
      () => server.client.messages.some((m) => /no-such-rule/.test(m.message)),
      () => `a warning message; got ${JSON.stringify(server.client.messages)}`,
    );
    const message = server.client.messages.find((m) => /no-such-rule/.test(m.message))!;
    assert.equal(message.type, 2);
    assert.match(message.message, /partnerCharter\.rules/);
  });

  it("clears every diagnostic with validate.enable: false and restores them with true", async () => {
    await server.client.changeSettings({ today: TODAY, validate: { enable: false } });
    await server.client.waitForDiagnostics(server.uri("teams/typo.partner.yaml"), (p) => p.diagnostics.length === 0);
    await server.client.waitForDiagnostics(server.uri("teams/a.partner.yaml"), (p) => p.diagnostics.length === 0);
    // A charter written while validation is off is found when it is turned back on.
    server.write("while-off.partner.yaml", replaceLine(/^kind: Charter$/m, "kind: Charte", withId("while-off")));
    await server.client.changeSettings({ today: TODAY, validate: { enable: true } });
    await server.client.waitForDiagnostics(server.uri("teams/typo.partner.yaml"), (p) => p.diagnostics.length > 0);
    await server.client.waitForDiagnostics(server.uri("while-off.partner.yaml"), (p) => p.diagnostics.length > 0);
    fs.rmSync(server.file("while-off.partner.yaml"));
    await server.client.filesChanged([{ uri: server.uri("while-off.partner.yaml"), type: FileChangeType.Deleted }]);
    await server.client.waitForDiagnostics(server.uri("while-off.partner.yaml"), (p) => p.diagnostics.length === 0);
  });

  it("partnerCharter/validateWorkspace re-validates everything and returns the counts", async () => {
    server.write("late.partner.yaml", replaceLine(/^kind: Charter$/m, "kind: Charte", withId("late")));
    const totals = await server.client.request<Totals>("partnerCharter/validateWorkspace", {});
    // clean, typo, a, b, late (not node_modules, not build/)
    assert.equal(totals.files, 5);
    assert.equal(totals.warnings, 0);
    // typo + late (schema), a + b (duplicate-id)
    assert.equal(totals.errors, 4);
    await server.client.waitForDiagnostics(server.uri("late.partner.yaml"), (p) => p.diagnostics.length > 0);
  });
});
