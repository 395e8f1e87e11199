import * as assert from "node:assert/strict";
import { DiagnosticSeverity, type ClientCapabilities, type Diagnostic } from "vscode-languageserver-protocol/node";
import { CLIENT_CAPABILITIES } from "./support/lsp-client";
import { useServer } from "./support/server-session";
import { VALID, withId } from "./support/samples";

/**
 * Clients other than VS Code (Neovim, Emacs eglot, Helix) often do not answer
 * `workspace/configuration`: they push the settings in `initializationOptions.settings` or
 * `workspace/didChangeConfiguration`, as the bare object or nested under `partnerCharter`.
 * Every place and shape must apply `today` (the stale-charter day count follows it) and
 * `rules` (its severity follows them).
 */

/** A client that declares no `workspace/configuration` (so the server cannot pull settings). */
const WITHOUT_CONFIGURATION: ClientCapabilities = {
  ...CLIENT_CAPABILITIES,
  workspace: { ...CLIENT_CAPABILITIES.workspace, configuration: false, didChangeConfiguration: {} },
};

/** Last reviewed 2026-07-01: 184 days before 2027-01-01, 153 days before 2026-12-01. */
const STALE = VALID.replace(/^updated: .*$/m, "updated: 2026-07-01");

function staleFinding(diagnostics: Diagnostic[]): Diagnostic | undefined {
  return diagnostics.find((d) => d.code === "stale-charter");
}

const SHAPES = {
  bare: (settings: Record<string, unknown>) => settings,
  nested: (settings: Record<string, unknown>) => ({ partnerCharter: settings }),
};

describe("language server: settings from clients without workspace/configuration", function () {
  this.timeout(60_000);

  for (const [shape, wrap] of Object.entries(SHAPES)) {
    describe(`initializationOptions.settings, ${shape}`, () => {
      const server = useServer({
        capabilities: WITHOUT_CONFIGURATION,
        initializationOptions: { settings: wrap({ today: "2026-12-01", rules: { "stale-charter": "warning" } }) },
      });

      it("applies today and rules from the start", async () => {
        const { diagnostics } = await server.open("init.partner.yaml", withId("init", STALE));
        const stale = staleFinding(diagnostics);
        assert.ok(stale, JSON.stringify(diagnostics));
        assert.match(stale.message, /Last reviewed 153 days ago \(2026-07-01\)/);
        assert.equal(stale.severity, DiagnosticSeverity.Warning);
      });
    });

    describe(`initializationOptions itself, ${shape} (Helix sends its config so)`, () => {
      const server = useServer({
        capabilities: WITHOUT_CONFIGURATION,
        initializationOptions: wrap({ today: "2026-12-01", rules: { "stale-charter": "warning" } }),
      });

      it("applies today and rules from the start", async () => {
        const { diagnostics } = await server.open("init.partner.yaml", withId("init", STALE));
        const stale = staleFinding(diagnostics);
        assert.match(stale?.message ?? "", /Last reviewed 153 days ago \(2026-07-01\)/);
        assert.equal(stale?.severity, DiagnosticSeverity.Warning);
      });
    });

    describe(`workspace/didChangeConfiguration, ${shape}`, () => {
      const server = useServer({ capabilities: WITHOUT_CONFIGURATION });

      it("applies today and rules when they change", async () => {
        const { uri } = await server.open("change.partner.yaml", withId("change", STALE));
        await server.client.connection.sendNotification("workspace/didChangeConfiguration", {
          settings: wrap({ today: "2027-01-01", rules: { "stale-charter": "error" } }),
        });
        const published = await server.client.waitForDiagnostics(uri, (p) =>
          p.diagnostics.some((d) => d.code === "stale-charter" && d.message.includes("184 days ago")),
        );
        assert.equal(staleFinding(published.diagnostics)?.severity, DiagnosticSeverity.Error);
      });
    });
  }
});

describe("language server: sends only what the client declared", function () {
  this.timeout(60_000);
  const server = useServer({
    files: { "a.partner.yaml": withId("shared"), "b.partner.yaml": withId("shared") },
    capabilities: {
      ...CLIENT_CAPABILITIES,
      textDocument: { ...CLIENT_CAPABILITIES.textDocument, publishDiagnostics: {} },
    },
  });

  it("no related information to a client that did not declare it (duplicate-id has a second place)", async () => {
    const published = await server.client.waitForDiagnostics(server.uri("a.partner.yaml"), (p) =>
      p.diagnostics.some((d) => d.code === "duplicate-id"),
    );
    const duplicate = published.diagnostics.find((d) => d.code === "duplicate-id")!;
    assert.equal(duplicate.relatedInformation, undefined);
    assert.match(duplicate.message, /b\.partner\.yaml/);
  });
});
