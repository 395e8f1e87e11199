import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { parse } from "yaml";
import { charterDigest } from "../../core/src";
import type { DiffResponse, SignResponse } from "../../core/src/model/review-protocol";
import { useServer } from "./support/server-session";
import { replaceLine, TODAY, withId } from "./support/samples";

/** Applies LSP edits (0-based lines and characters) to a text, last first. */
function applyEdits(text: string, edits: Extract<SignResponse, { signed: true }>["edits"]): string {
  const lines = text.split("\n");
  const offset = (p: { line: number; character: number }) =>
    lines.slice(0, p.line).reduce((n, line) => n + line.length + 1, 0) + p.character;
  let out = text;
  for (const edit of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) {
    out = out.slice(0, offset(edit.range.start)) + edit.newText + out.slice(offset(edit.range.end));
  }
  return out;
}

const UNSIGNED_PARTNER = withId("sign").replace(/^ {2}- \{ party: partner, .*\n/m, "");

describe("language server: partnerCharter/sign and partnerCharter/diff", function () {
  this.timeout(60_000);
  const server = useServer();

  it("sign: the signature partner-charter sign adds, as an edit of the open document", async () => {
    const { uri } = await server.open("sign.partner.yaml", UNSIGNED_PARTNER);
    const response = await server.client.request<SignResponse>("partnerCharter/sign", {
      uri,
      party: "partner",
      name: "Tom Lee",
      title: "Alliances Director",
    });
    assert.ok(response.signed, JSON.stringify(response));
    assert.equal(response.version, 1);
    assert.equal(response.edits.length, 1);
    const signed = applyEdits(UNSIGNED_PARTNER, response.edits);
    const data = parse(signed);
    assert.deepEqual(data.signatures.at(-1), {
      party: "partner",
      name: "Tom Lee",
      title: "Alliances Director",
      date: TODAY,
      digest: charterDigest(parse(UNSIGNED_PARTNER)),
    });
    assert.ok(signed.startsWith(UNSIGNED_PARTNER.trimEnd()), "the rest of the file is untouched");
  });

  it("sign: another person's signature for the party is replaced only when asked, naming it", async () => {
    const { uri } = await server.open("replace.partner.yaml", withId("replace"));
    const params = { uri, party: "us", name: "Dana Ortiz" };
    const refused = await server.client.request<SignResponse>("partnerCharter/sign", params);
    assert.equal(refused.signed, false);
    assert.ok(!refused.signed && refused.reason === "signed-by-another");
    assert.deepEqual(!refused.signed && refused.previous, {
      name: "Priya Shah",
      title: "Head of Partnerships",
      date: "2025-12-15",
    });
    const replaced = await server.client.request<SignResponse>("partnerCharter/sign", { ...params, replace: true });
    assert.ok(replaced.signed);
    assert.deepEqual(replaced.replaced, { name: "Priya Shah", title: "Head of Partnerships", date: "2025-12-15" });
    assert.match(applyEdits(withId("replace"), replaced.edits), /name: Dana Ortiz/);
  });

  it("sign: refuses a charter with errors signing does not resolve, listing them", async () => {
    const text = replaceLine(/^tier: strategic$/m, "tier: strategc", withId("errors"));
    const { uri } = await server.open("errors.partner.yaml", text);
    const response = await server.client.request<SignResponse>("partnerCharter/sign", {
      uri,
      party: "partner",
      name: "Tom Lee",
    });
    assert.ok(!response.signed);
    assert.equal(response.reason, "errors");
    assert.deepEqual(
      response.blocking.map((finding) => finding.rule),
      ["schema"],
    );
  });

  it("sign: malformed parameters are InvalidParams", async () => {
    const uri = server.uri("sign.partner.yaml");
    await assert.rejects(server.client.request("partnerCharter/sign", { uri, party: "them", name: "X" }), /party/);
    await assert.rejects(server.client.request("partnerCharter/sign", { uri, party: "us", name: " " }), /name/);
  });

  it("diff: the open charter against HEAD; a charter HEAD does not have is new", async () => {
    const git = (...args: string[]) =>
      execFileSync("git", args, {
        cwd: server.workspace,
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: "Test",
          GIT_AUTHOR_EMAIL: "test@localhost",
          GIT_COMMITTER_NAME: "Test",
          GIT_COMMITTER_EMAIL: "test@localhost",
          GIT_CONFIG_GLOBAL: "/dev/null",
          GIT_CONFIG_NOSYSTEM: "1",
        },
      });
    const committed = withId("diffed");
    server.write("diffed.partner.yaml", committed);
    git("init", "--quiet", "--initial-branch=main");
    git("add", "diffed.partner.yaml");
    git("commit", "--quiet", "-m", "base");
    const edited = committed.replace("value: 300000, unit: USD", "value: 150000, unit: USD");
    assert.notEqual(edited, committed);
    const { uri } = await server.open("diffed.partner.yaml", edited);
    const changed = await server.client.request<DiffResponse>("partnerCharter/diff", { uri });
    assert.equal(changed.diff.base.missing, undefined);
    assert.deepEqual(
      changed.diff.commitments.map((c) => [c.side, c.change, c.from?.amount?.value, c.to?.amount?.value]),
      [["partner", "changed", 300000, 150000]],
    );
    assert.equal(changed.head.charter?.id, "diffed");

    const fresh = await server.open("fresh.partner.yaml", withId("fresh"));
    const created = await server.client.request<DiffResponse>("partnerCharter/diff", { uri: fresh.uri });
    assert.equal(created.diff.base.missing, true);
    assert.ok(created.diff.commitments.every((c) => c.change === "added"));
  });
});
