#!/usr/bin/env node
// npm run test:e2e — the extension in real VS Code, headless.
//
//   node test/e2e/run-e2e.mjs [--skip-package] [--only suite|ui] [--keep] [--timeout MINUTES] [--out DIR]
//
// 1. installs what is missing into a cache (lib/prerequisites.mjs; ~/.cache/partner-charter-e2e,
//    override with PARTNER_CHARTER_E2E_CACHE);
// 2. `npm run package` → partner-charter-<version>.vsix;
// 3. (a) the extension-host suite (suite/*.test.js, mocha) in code-server, the .vsix installed with
//        --install-extension and loaded as the extension under development through the URL payload;
//    (b) the UI test (ui-test.mjs): chromium driven by playwright-core, as a user;
// 4. prints the results and, last, exactly one line "N passed, N failed"; exit 1 on any failure.
// Every run uses fresh temp folders; code-server and all its descendants are ended by PID at the
// end, on failure, on SIGINT/SIGTERM and when the overall time limit is reached.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { format, parseArgs } from "node:util";
import {
  copyWorkspace,
  installVsix,
  launchChromium,
  makeRunDirs,
  remoteUri,
  sleep,
  startCodeServer,
  workbenchUrl,
  writeUserSettings,
} from "./lib/code-server.mjs";
import { cacheDir, ensurePrerequisites } from "./lib/prerequisites.mjs";
import { descendantsOf, isAlive, killTree } from "./lib/processes.mjs";
import { runUiChecks } from "./ui-test.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = join(HERE, "..", "..");
const WORKSPACE = join(HERE, "workspace");
const SUITE_INDEX = join(HERE, "suite", "index.js");
const TODAY = "2026-11-24"; // the workspace's partnerCharter.today

const { values: opt } = parseArgs({
  options: {
    "skip-package": { type: "boolean", default: false },
    only: { type: "string" },
    keep: { type: "boolean", default: false },
    timeout: { type: "string", default: "20" },
    out: { type: "string", default: join(REPO, "test-results", "e2e") },
    help: { type: "boolean", default: false },
  },
});
if (opt.help) {
  process.stdout.write(
    `${readFileSync(fileURLToPath(import.meta.url), "utf8")
      .split("\n")
      .slice(1, 16)
      .join("\n")}\n`,
  );
  process.exit(0);
}
if (opt.only && !["suite", "ui"].includes(opt.only)) {
  process.stderr.write("--only must be suite or ui\n");
  process.exit(2);
}

const OUT = opt.out;
/** Lines the workbench itself logs in test mode (not the extension host's): not printed. */
const WORKBENCH_NOISE =
  /^(Resolving connection token|Resolved connection token|Creating a socket|\[reconnection-grace-time\]|Updating additional builtin extensions cache|\[Service Worker\]|\[AgentHost|\[AccountPolicyGate\]|Creation of workbench contribution)|ENOTFOUND/;
const STEP_TIMEOUT_MS = 60000;
const say = (message) => process.stdout.write(`[e2e] ${message}\n`);

/** Every test of both phases: { phase, title, ok, error? }. */
const results = [];
/** Cleanups run in reverse order, once (also on signals and on the time limit). */
const cleanups = [];
const atCleanup = (label, fn) => cleanups.push({ label, fn });
/** Temp folders of the phases: removed last, once every process that wrote there has ended. */
const tempDirs = [];

async function runCleanups() {
  while (cleanups.length) {
    const { label, fn } = cleanups.pop();
    try {
      await fn();
    } catch (error) {
      say(`cleanup "${label}" failed: ${error.message}`);
    }
  }
  // last resort: anything this process started that is still alive (by PID, never by name)
  const left = descendantsOf(process.pid).filter(isAlive);
  if (left.length) {
    say(`ending ${left.length} leftover child process(es): ${left.join(", ")}`);
    for (const pid of left) await killTree(pid, { graceMs: 2000 });
  }
  while (tempDirs.length) {
    const dir = tempDirs.pop();
    if (opt.keep) say(`kept ${dir}`);
    else {
      try {
        rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
      } catch (error) {
        say(`could not remove ${dir}: ${error.message}`);
      }
    }
  }
}

let finishing;
function finish(code, reason) {
  finishing ??= (async () => {
    if (reason) {
      say(reason);
      results.push({ phase: "run", title: reason, ok: false, error: reason });
    }
    // what happens after an interruption (checks failing on a closed browser) is not counted
    const final = [...results];
    await runCleanups();
    const passed = final.filter((r) => r.ok).length;
    const failed = final.length - passed;
    writeFileSync(join(OUT, "summary.json"), JSON.stringify({ passed, failed, results: final }, null, 2));
    process.stdout.write("\n");
    for (const phase of ["suite", "ui", "run"]) {
      const list = final.filter((r) => r.phase === phase);
      if (!list.length) continue;
      say(
        phase === "suite"
          ? "(a) extension-host suite:"
          : phase === "ui"
            ? "(b) UI test (playwright + chromium):"
            : "run:",
      );
      for (const r of list) process.stdout.write(`  ${r.ok ? "✔" : "✖"} ${r.title}\n`);
    }
    for (const r of final.filter((x) => !x.ok))
      process.stdout.write(`\n✖ ${r.title}\n  ${String(r.error).split("\n").join("\n  ")}\n`);
    process.stdout.write(`\nscreenshots and logs: ${OUT}\n`);
    process.stdout.write(`${passed} passed, ${failed} failed\n`);
    process.exit(failed || !final.length ? 1 : code);
  })();
  return finishing;
}

for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => void finish(130, `interrupted by ${signal}`));
setTimeout(
  () => void finish(1, `overall time limit of ${opt.timeout} minutes reached`),
  Number(opt.timeout) * 60000,
).unref();

/** Browser + code-server for one phase, registered for cleanup. */
async function startPhase(label, tools, vsix, manifest, { smokeTestDriver, env }) {
  const dirs = makeRunDirs(label);
  tempDirs.push(dirs.root);
  writeUserSettings(dirs);
  copyWorkspace(WORKSPACE, dirs);
  const installed = installVsix(tools, dirs, vsix, manifest);
  say(`${label}: installed ${manifest.id}@${manifest.version} into a fresh --extensions-dir`);
  const server = await startCodeServer(tools, dirs, {
    logFile: join(OUT, `code-server-${label}.log`),
    smokeTestDriver,
    env,
    timeoutMs: STEP_TIMEOUT_MS,
  });
  atCleanup(`code-server ${label}`, async () => {
    const pids = await killTree(server.pid);
    say(`${label}: ended code-server and its descendants by PID (${pids.length} process(es))`);
  });
  say(`${label}: code-server pid ${server.pid} at ${server.url}`);
  const browser = await launchChromium(tools, dirs);
  atCleanup(`chromium ${label}`, async () => {
    try {
      cpSync(join(dirs.userData, "logs"), join(OUT, `vscode-logs-${label}`), { recursive: true });
    } catch {
      // no logs
    }
    await browser.close();
  });
  const page = browser.pages()[0] ?? (await browser.newPage());
  const consoleLines = [];
  page.on("console", (message) => consoleLines.push(`[${message.type()}] ${message.text()}`));
  page.on("pageerror", (error) => consoleLines.push(`[pageerror] ${error.message}`));
  atCleanup(`browser console ${label}`, () =>
    writeFileSync(join(OUT, `browser-console-${label}.log`), `${consoleLines.join("\n")}\n`),
  );
  return { dirs, installed, server, browser, page };
}

/** (a) The mocha suite inside code-server's extension host. */
async function runSuite(tools, vsix, manifest) {
  say("(a) extension-host suite");
  const resultsFile = join(OUT, "suite-results.json");
  rmSync(resultsFile, { force: true });
  const env = { PARTNER_CHARTER_E2E_RESULTS: resultsFile, PARTNER_CHARTER_E2E_CACHE: cacheDir() };
  const { dirs, installed, server, page } = await startPhase("suite", tools, vsix, manifest, {
    smokeTestDriver: true,
    env,
  });
  // The extension host's console (mocha's spec reporter) reaches the page as
  // console.log("%c INFO", css, format, ...args): print those lines as they come.
  const hostLines = [];
  page.on("console", async (message) => {
    try {
      const args = await Promise.all(message.args().map((a) => a.jsonValue()));
      if (typeof args[0] !== "string" || !/^%c\s*(INFO|WARN|ERR)/.test(args[0]) || args.length < 3) return;
      const line = format(...args.slice(2));
      if (WORKBENCH_NOISE.test(line)) return;
      hostLines.push(line);
      process.stdout.write(`  │ ${line.split("\n").join("\n  │ ")}\n`);
    } catch {
      // page closed
    }
  });
  let exitCode;
  const exited = new Promise((resolve) => {
    exitCode = resolve;
  });
  // The workbench calls window.codeAutomationExit(code) when the tests end.
  await page.exposeFunction("codeAutomationExit", (code) => exitCode(code));
  // The development path is the installed copy of the .vsix (what users get), so the suite tests
  // the packaged bundle; the payload's development keys need --enable-smoke-test-driver.
  const payload = [
    ["extensionDevelopmentPath", remoteUri(server.url, installed)],
    ["extensionTestsPath", remoteUri(server.url, SUITE_INDEX)],
    ["extensionEnvironment", JSON.stringify(env)],
  ];
  await page.goto(workbenchUrl(server.url, dirs.workspace, payload), { waitUntil: "domcontentloaded" });
  const code = await Promise.race([exited, sleep(10 * 60000).then(() => "timeout")]);
  writeFileSync(join(OUT, "extension-host.log"), `${hostLines.join("\n")}\n`);
  if (code !== 0) await page.screenshot({ path: join(OUT, "suite-failed.png") }).catch(() => {});
  if (existsSync(resultsFile)) {
    const suite = JSON.parse(readFileSync(resultsFile, "utf8"));
    for (const t of suite.passed) results.push({ phase: "suite", title: t.title, ok: true });
    for (const t of suite.failed) results.push({ phase: "suite", title: t.title, ok: false, error: t.error });
    say(`(a) done: exit code ${code}, ${suite.summary}`);
  } else {
    results.push({
      phase: "suite",
      title: "the extension-host suite runs",
      ok: false,
      error: code === "timeout" ? "no result within 10 minutes" : `exit code ${code} and no results file`,
    });
  }
  await runPhaseCleanups();
}

/** Ends the current phase's browser and code-server before the next phase starts. */
async function runPhaseCleanups() {
  await runCleanups();
}

/** Health the status bar must show for acme: computed by the CLI from the same core. */
function expectedHealth(workspace) {
  const cli = spawnSync(
    process.execPath,
    [join(REPO, "dist", "cli.js"), "check", "--format", "json", "--today", TODAY, join(workspace, "acme.partner.yaml")],
    { encoding: "utf8" },
  );
  const summary = JSON.parse(cli.stdout).summary;
  return Math.max(0, 100 - 15 * summary.errors - 5 * summary.warnings - summary.infos);
}

/** (b) A user in the browser. */
async function runUi(tools, vsix, manifest) {
  say("(b) UI test");
  const { dirs, server, page } = await startPhase("ui", tools, vsix, manifest, { smokeTestDriver: false, env: {} });
  const health = expectedHealth(dirs.workspace);
  let failures = 0;
  await runUiChecks({
    page,
    url: workbenchUrl(server.url, dirs.workspace),
    workspace: dirs.workspace,
    outDir: OUT,
    expectedHealth: health,
    timeoutMs: STEP_TIMEOUT_MS,
    test: async (title, fn) => {
      if (finishing) return; // interrupted: the browser is going away
      const started = Date.now();
      try {
        await fn();
        results.push({ phase: "ui", title, ok: true });
        say(`  ✔ ${title} (${Date.now() - started} ms)`);
      } catch (error) {
        failures++;
        results.push({ phase: "ui", title, ok: false, error: error.stack || String(error) });
        say(`  ✖ ${title}: ${String(error.message).split("\n")[0]}`);
        await page.screenshot({ path: join(OUT, `99-failed-${failures}.png`) }).catch(() => {});
      }
    },
  });
  await runPhaseCleanups();
}

async function main() {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const tools = ensurePrerequisites();
  const manifest = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8"));
  const vsix = join(REPO, `${manifest.name}-${manifest.version}.vsix`);
  if (!opt["skip-package"]) {
    say("npm run package");
    const pack = spawnSync("npm", ["run", "package"], { cwd: REPO, stdio: ["ignore", "inherit", "inherit"] });
    if (pack.status !== 0) throw new Error(`npm run package failed (exit ${pack.status})`);
  }
  if (!existsSync(vsix)) throw new Error(`${vsix} not found (run npm run package)`);
  const id = { id: `${manifest.publisher}.${manifest.name}`, version: manifest.version };
  if (opt.only !== "ui") await runSuite(tools, vsix, id);
  if (opt.only !== "suite") await runUi(tools, vsix, id);
}

try {
  await main();
  await finish(0);
} catch (error) {
  await finish(1, `e2e run failed: ${error.stack || error}`);
}
