import * as assert from "node:assert/strict";
import type { CharterView } from "../../core/src";
import { useServer } from "./support/server-session";
import { TODAY, replaceLine, withId } from "./support/samples";

describe("language server: partnerCharter/model", function () {
  this.timeout(60_000);

  const server = useServer({
    files: {
      "on-disk.partner.yaml": replaceLine(/^kind: Charter$/m, "kind: Charte", withId("on-disk")),
    },
  });

  it("returns the charter, findings and health of the open version, as published", async () => {
    let text = replaceLine(/^tier: strategic$/m, "tier: strategc", withId("model"));
    text = replaceLine(/^status: active$/m, "status: activ", text);
    const published = await server.open("model.partner.yaml", text);
    const uri = published.uri;
    const view = await server.client.request<CharterView>("partnerCharter/model", { uri });
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
    const version = await server.client.replaceAll(uri, withId("model"));
    const after = await server.client.request<CharterView>("partnerCharter/model", { uri });
    assert.equal(after.version, version);
    assert.deepEqual(after.findings, []);
    assert.equal(after.health, 100);
    await server.client.waitForDiagnostics(uri, (p) => p.version === version && p.diagnostics.length === 0);
  });

  it("keeps answering when the YAML is broken (parseOk false)", async () => {
    const uri = server.uri("broken.partner.yaml");
    await server.client.open(uri, 'title: "unterminated\n');
    const view = await server.client.request<CharterView>("partnerCharter/model", { uri });
    assert.equal(view.parseOk, false);
    assert.ok(view.findings.every((f) => f.rule === "yaml-syntax"));
    assert.equal(view.health, undefined, "broken YAML has no score");
  });

  it("gives no score to an empty file or a file that is not a charter", async () => {
    for (const [name, text] of [
      ["empty.partner.yaml", ""],
      ["list.partner.yaml", "- just\n- a list\n"],
    ]) {
      const uri = server.uri(name!);
      await server.client.open(uri, text!);
      const view = await server.client.request<CharterView>("partnerCharter/model", { uri });
      assert.equal(view.health, undefined, name);
      assert.ok(view.findings.length > 0, `${name} still gets its findings`);
    }
  });

  it("reads a closed charter from disk, and answers null for an unknown file", async () => {
    const view = await server.client.request<CharterView | null>("partnerCharter/model", {
      uri: server.uri("on-disk.partner.yaml"),
    });
    assert.ok(view);
    assert.equal(view.version, undefined);
    assert.deepEqual(
      view.findings.map((f) => f.rule),
      ["schema"],
    );
    const missing = await server.client.request<CharterView | null>("partnerCharter/model", {
      uri: server.uri("missing.partner.yaml"),
    });
    assert.equal(missing, null);
  });

  it("rejects malformed parameters with InvalidParams", async () => {
    await assert.rejects(
      server.client.request("partnerCharter/model", {}),
      (error: { code: number }) => error.code === -32602,
    );
    await assert.rejects(
      server.client.request("partnerCharter/model", { uri: 42 }),
      (error: { code: number }) => error.code === -32602,
    );
  });
});
