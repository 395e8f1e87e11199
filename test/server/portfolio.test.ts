import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { ErrorCodes, FileChangeType, ResponseError } from "vscode-languageserver-protocol/node";
import type { Portfolio } from "../../core/src/portfolio";
import { GOLDEN } from "../cli/helpers";
import { runCli } from "../support/run-cli";
import { useServer } from "./support/server-session";

/**
 * `partnerCharter/portfolio` over stdio with a real JSON-RPC client: the same data as
 * `partner-charter portfolio --format json` (plus each file's URI), from open and closed
 * charters, updated when an open charter changes, with a notification to clients that ask.
 */

const CHARTERS = path.join(GOLDEN, "portfolio", "charters");
const TODAY = "2026-12-02";
const files = Object.fromEntries(
  fs.readdirSync(CHARTERS).map((name) => [name, fs.readFileSync(path.join(CHARTERS, name), "utf8")]),
);

function withoutUris(portfolio: Portfolio): unknown {
  return JSON.parse(JSON.stringify(portfolio, (key, value: unknown) => (key === "uri" ? undefined : value)));
}

describe("language server: partnerCharter/portfolio", function () {
  this.timeout(90_000);
  const server = useServer({ files, settings: { today: TODAY }, initializationOptions: { portfolioChanged: true } });
  const request = (params: unknown = {}): Promise<Portfolio> =>
    server.client.connection.sendRequest<Portfolio>("partnerCharter/portfolio", params);

  it("answers the same data as partner-charter portfolio --format json, with each file's URI", async () => {
    const portfolio = await request();
    const cli = runCli(["portfolio", "--format", "json", "--today", TODAY], { cwd: server.workspace });
    assert.equal(cli.status, 0, cli.stderr);
    assert.deepEqual(withoutUris(portfolio), JSON.parse(cli.stdout));
    for (const charter of portfolio.charters) assert.equal(charter.uri, server.uri(charter.file));
    assert.ok(portfolio.attention.every((item) => item.uri === server.uri(item.file)));
  });

  it("moves an open charter to another stage as its phase dates are edited, and says so", async () => {
    const name = "planned-initech.partner.yaml";
    const before = await request();
    assert.equal(before.charters.find((charter) => charter.file === name)?.stage, "planned");
    const changes = server.client.portfolioChanges;
    await server.open(name, files[name]!);
    const uri = server.uri(name);
    const moved = files[name]!.replace("start: 2027-01-11", "start: 2026-11-09");
    await server.client.replaceAll(uri, moved);
    await server.client.waitFor(
      () => server.client.portfolioChanges > changes,
      () => "a partnerCharter/portfolioChanged notification",
    );
    const after = await request();
    const row = after.charters.find((charter) => charter.file === name)!;
    assert.equal(row.stage, "crawl");
    assert.deepEqual(row.phases.crawl, { start: "2026-11-09", end: "2027-02-19" });
    // The other charters are as they were.
    const others = (p: Portfolio) => p.charters.filter((charter) => charter.file !== name);
    assert.deepEqual(others(after), others(before));
    await server.client.close(uri);
  });

  it("follows closed charters changed, created and deleted on disk", async () => {
    const name = "ended-vandelay.partner.yaml";
    let changes = server.client.portfolioChanges;
    server.write(name, files[name]!.replace("status: ended", "status: active"));
    await server.client.filesChanged([{ uri: server.uri(name), type: FileChangeType.Changed }]);
    await server.client.waitFor(
      () => server.client.portfolioChanges > changes,
      () => "a partnerCharter/portfolioChanged notification",
    );
    const active = (await request()).charters.find((charter) => charter.file === name)!;
    assert.equal(active.status, "active");
    assert.equal(active.stage, "walk");
    changes = server.client.portfolioChanges;
    server.write("sub/new.partner.yaml", files["planned-initech.partner.yaml"]!.replace("id: initech-sync", "id: new"));
    await server.client.filesChanged([{ uri: server.uri("sub/new.partner.yaml"), type: FileChangeType.Created }]);
    await server.client.waitFor(
      () => server.client.portfolioChanges > changes,
      () => "a partnerCharter/portfolioChanged notification",
    );
    assert.ok((await request()).charters.some((charter) => charter.file === "sub/new.partner.yaml"));
    changes = server.client.portfolioChanges;
    fs.rmSync(server.file("sub/new.partner.yaml"));
    await server.client.filesChanged([{ uri: server.uri("sub/new.partner.yaml"), type: FileChangeType.Deleted }]);
    await server.client.waitFor(
      () => server.client.portfolioChanges > changes,
      () => "a partnerCharter/portfolioChanged notification",
    );
    assert.equal((await request()).charters.length, Object.keys(files).length);
    server.write(name, files[name]!);
    await server.client.filesChanged([{ uri: server.uri(name), type: FileChangeType.Changed }]);
  });

  it("keeps coming-up items within the horizon it is asked for, and refuses a bad one", async () => {
    const near = await request({ horizon: 5 });
    assert.ok(!near.attention.some((item) => item.kind === "decision-due"));
    const far = await request({ horizon: 30 });
    assert.ok(far.attention.some((item) => item.kind === "decision-due"));
    await assert.rejects(
      request({ horizon: -1 }),
      (error: unknown) => error instanceof ResponseError && error.code === ErrorCodes.InvalidParams,
    );
  });
});
