import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import type { CharterView } from "../../core/src";
import { LspClient, makeWorkspace, uriOf } from "./support/lsp-client";
import { TODAY, replaceLine, withId } from "./support/samples";

describe("language server: partnerCharter/model", function () {
  this.timeout(60_000);
  let workspace: string;
  let client: LspClient;

  before(async () => {
    workspace = makeWorkspace({
      "on-disk.partner.yaml": replaceLine(/^kind: Charter$/m, "kind: Charte", withId("on-disk")),
    });
    client = await LspClient.start({ workspace, settings: { today: TODAY } });
  });

  after(async () => {
    await client?.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it("returns the charter, findings and health of the open version, as published", async () => {
    const uri = uriOf(path.join(workspace, "model.partner.yaml"));
    let text = replaceLine(/^tier: strategic$/m, "tier: strategc", withId("model"));
    text = replaceLine(/^status: active$/m, "status: activ", text);
    await client.open(uri, text);
    const published = await client.waitForDiagnostics(uri, (p) => p.version === 1);
    const view = await client.request<CharterView>("partnerCharter/model", { uri });
    assert.equal(view.uri, uri);
    assert.equal(view.fileName, "model.partner.yaml");
    assert.equal(view.version, 1);
    assert.equal(view.today, TODAY);
    assert.equal(view.parseOk, true);
    assert.equal(view.charter?.id, "model");
    assert.deepEqual(
      view.findings.map((f) => [f.rule, f.message, f.range]),
      published.diagnostics.map((d) => [d.code, d.message, d.range]),
    );
    assert.equal(view.health, Math.max(0, 100 - 15 * published.diagnostics.filter((d) => d.severity === 1).length));

    // After an edit, the model follows the new version.
    const version = await client.replaceAll(uri, withId("model"));
    const after = await client.request<CharterView>("partnerCharter/model", { uri });
    assert.equal(after.version, version);
    assert.deepEqual(after.findings, []);
    assert.equal(after.health, 100);
    await client.waitForDiagnostics(uri, (p) => p.version === version && p.diagnostics.length === 0);
  });

  it("keeps answering when the YAML is broken (parseOk false)", async () => {
    const uri = uriOf(path.join(workspace, "broken.partner.yaml"));
    await client.open(uri, 'title: "unterminated\n');
    const view = await client.request<CharterView>("partnerCharter/model", { uri });
    assert.equal(view.parseOk, false);
    assert.ok(view.findings.every((f) => f.rule === "yaml-syntax"));
  });

  it("reads a closed charter from disk, and answers null for an unknown file", async () => {
    const view = await client.request<CharterView | null>("partnerCharter/model", {
      uri: uriOf(path.join(workspace, "on-disk.partner.yaml")),
    });
    assert.ok(view);
    assert.equal(view.version, undefined);
    assert.deepEqual(
      view.findings.map((f) => f.rule),
      ["schema"],
    );
    const missing = await client.request<CharterView | null>("partnerCharter/model", {
      uri: uriOf(path.join(workspace, "missing.partner.yaml")),
    });
    assert.equal(missing, null);
  });

  it("rejects malformed parameters with InvalidParams", async () => {
    await assert.rejects(
      client.request("partnerCharter/model", {}),
      (error: { code: number }) => error.code === -32602,
    );
    await assert.rejects(
      client.request("partnerCharter/model", { uri: 42 }),
      (error: { code: number }) => error.code === -32602,
    );
  });
});
