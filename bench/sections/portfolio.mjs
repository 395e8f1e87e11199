// The portfolio (issue 17): `partner-charter portfolio` against `check` on the same corpus, as
// fresh processes interleaved run by run (the portfolio runs the same checks, then gathers each
// charter's facts: budget ≤ 1.2 × check); and in the language server, the Partnerships view's
// refresh after one charter changes: didChange → partnerCharter/portfolioChanged, and the
// partnerCharter/portfolio request that follows (built from every charter's kept entry, the
// changed one recomputed, the others not).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { runMeasured } from "../lib/process.mjs";
import { LspClient } from "../lib/lsp-client.mjs";

const now = () => Number(process.hrtime.bigint()) / 1e6;

export async function runPortfolioCli(ctx, { files, runs }, log) {
  const dir = ctx.corpusDir(files);
  const cli = join(ctx.root, "dist/cli.js");
  const commands = {
    portfolio: [cli, "portfolio", dir, "--today", ctx.today, "--format", "json"],
    check: [cli, "check", dir, "--today", ctx.today, "--format", "json"],
  };
  await runMeasured(commands.check, { cwd: ctx.root }); // warm the page cache
  const out = { portfolio: [], check: [] };
  for (let i = 0; i < runs; i++) {
    const order = i % 2 === 0 ? ["portfolio", "check"] : ["check", "portfolio"];
    for (const key of order) {
      const result = await runMeasured(commands[key], { cwd: ctx.root });
      if (result.code === 2 || result.code === null) {
        throw new Error(`${key} failed (exit ${result.code}): ${result.stderr}`);
      }
      out[key].push(result);
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[(xs.length - 1) >> 1];
  log(
    `  portfolio ${files}-file corpus: ${median(out.portfolio.map((r) => r.wallMs)).toFixed(0)} ms; check ${median(out.check.map((r) => r.wallMs)).toFixed(0)} ms`,
  );
  return { files, ...out };
}

export async function runPortfolioServer(ctx, { files, edits }, log) {
  const dir = ctx.corpusDir(files);
  const client = new LspClient({
    name: "ours",
    args: [join(ctx.root, "dist/server.js"), "--stdio"],
    settings: { partnerCharter: { today: ctx.today } },
    cwd: ctx.root,
    workspace: dir,
    initializationOptions: { portfolioChanged: true },
  });
  let notified;
  const data = { files, firstPortfolioMs: 0, charters: 0, request: [], changed: [], afterChange: [] };
  try {
    const { startedAt } = await client.start();
    client.connection.onNotification("partnerCharter/portfolioChanged", () => notified?.());
    // The first answer waits for the workspace validation: the whole portfolio from scratch.
    const first = await client.connection.sendRequest("partnerCharter/portfolio", {});
    data.firstPortfolioMs = now() - startedAt;
    data.charters = first.charters.length;
    for (let i = 0; i < edits; i++) {
      const started = now();
      await client.connection.sendRequest("partnerCharter/portfolio", {});
      data.request.push(now() - started);
    }
    const name = readdirSync(dir, { recursive: true, encoding: "utf8" })
      .sort()
      .find(
        (file) =>
          file.endsWith(".partner.yaml") && readFileSync(join(dir, file), "utf8").includes("    start: 2026-06-08\n"),
      );
    const file = join(dir, name);
    const uri = pathToFileURL(file).href;
    const text = readFileSync(file, "utf8");
    await client.open(uri, text);
    const line = text.split("\n").findIndex((l) => l === "    start: 2026-06-08");
    if (line < 0) throw new Error(`no run start in ${name}`);
    for (let i = 0; i < edits; i++) {
      // A digit added to the run's start date, then removed: the charter's stage and milestones change.
      const changed = new Promise((resolve) => (notified = resolve));
      const sent = now();
      await client.edit(uri, line, 20, i % 2 === 0 ? "9" : "");
      await changed;
      const at = now();
      data.changed.push(at - sent);
      const portfolio = await client.connection.sendRequest("partnerCharter/portfolio", {});
      data.afterChange.push(now() - at);
      if (portfolio.charters.length !== data.charters) throw new Error("the portfolio lost charters");
    }
  } finally {
    await client.stop();
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[(xs.length - 1) >> 1];
  log(
    `  portfolio server ${files} charters: first ${data.firstPortfolioMs.toFixed(0)} ms; request ${median(data.request).toFixed(1)} ms; change → notified ${median(data.changed).toFixed(0)} ms; then request ${median(data.afterChange).toFixed(1)} ms`,
  );
  return data;
}
