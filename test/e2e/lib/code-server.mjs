// One code-server instance per test phase, with everything it writes in a fresh temp folder:
// user data, extensions, XDG config/data/cache, TMPDIR and chromium's profile.
/* global fetch */
import { spawn, spawnSync } from "node:child_process";
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createRequire } from "node:module";

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function makeRunDirs(label) {
  const root = mkdtempSync(join(tmpdir(), `partner-charter-e2e-${label}-`));
  const dirs = {
    root,
    userData: join(root, "user-data"),
    extensions: join(root, "extensions"),
    xdg: join(root, "xdg"),
    tmp: join(root, "tmp"),
    profile: join(root, "chromium-profile"),
    workspace: join(root, "workspace"),
    config: join(root, "code-server.yaml"),
  };
  for (const dir of [dirs.userData, dirs.extensions, dirs.xdg, dirs.tmp, dirs.profile])
    mkdirSync(dir, { recursive: true });
  // Our own config file: code-server would otherwise create ~/.config/code-server/config.yaml.
  writeFileSync(dirs.config, "bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n");
  return dirs;
}

/** A copy of the test workspace: tests create and edit files, the repository stays untouched. */
export function copyWorkspace(source, dirs) {
  cpSync(source, dirs.workspace, { recursive: true });
  return dirs.workspace;
}

/** Quiet, deterministic user settings (no welcome page, trust prompt, tips or telemetry). */
export function writeUserSettings(dirs, extra = {}) {
  const settings = {
    "security.workspace.trust.enabled": false,
    "workbench.startupEditor": "none",
    "workbench.tips.enabled": false,
    "workbench.enableExperiments": false,
    "workbench.welcomePage.walkthroughs.openOnInstall": false,
    "workbench.secondarySideBar.defaultVisibility": "hidden",
    "extensions.autoCheckUpdates": false,
    "extensions.autoUpdate": false,
    "extensions.ignoreRecommendations": true,
    "telemetry.telemetryLevel": "off",
    "update.mode": "none",
    "chat.disableAIFeatures": true,
    "chat.commandCenter.enabled": false,
    "git.enabled": false,
    "files.autoSave": "off",
    "window.commandCenter": false,
    "editor.minimap.enabled": false,
    ...extra,
  };
  const dir = join(dirs.userData, "User");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "settings.json"), JSON.stringify(settings, null, 2));
}

export function childEnv(tools, dirs, extra = {}) {
  return {
    ...process.env,
    PATH: `${join(tools.nodeDir, "bin")}:${process.env.PATH}`,
    XDG_CONFIG_HOME: join(dirs.xdg, "config"),
    XDG_DATA_HOME: join(dirs.xdg, "data"),
    XDG_CACHE_HOME: join(dirs.xdg, "cache"),
    // VS Code's server puts its IPC sockets in the temp dir: keep them in this run's folder.
    TMPDIR: dirs.tmp,
    ...extra,
  };
}

function baseArgs(tools, dirs) {
  return [
    tools.codeServerEntry,
    "--config",
    dirs.config,
    "--user-data-dir",
    dirs.userData,
    "--extensions-dir",
    dirs.extensions,
    "--auth",
    "none",
    "--disable-telemetry",
    "--disable-update-check",
  ];
}

/** `code-server --install-extension x.vsix` into this run's extensions dir; returns the installed folder. */
export function installVsix(tools, dirs, vsix, { id, version }) {
  const result = spawnSync(tools.node, [...baseArgs(tools, dirs), "--install-extension", vsix, "--force"], {
    env: childEnv(tools, dirs),
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (result.status !== 0) {
    throw new Error(`code-server --install-extension failed (${result.status}):\n${result.stdout}${result.stderr}`);
  }
  const folder = readdirSync(dirs.extensions).find((name) => name.toLowerCase() === `${id}-${version}`.toLowerCase());
  if (!folder) throw new Error(`${id}-${version} not found in ${dirs.extensions} after --install-extension`);
  return join(dirs.extensions, folder);
}

/**
 * Starts code-server on 127.0.0.1 with a port the kernel picks (`--bind-addr 127.0.0.1:0`); the
 * real port is read from its log. `smokeTestDriver` makes the workbench honour the URL
 * payload's extensionDevelopmentPath / extensionTestsPath (needed to run the test suite).
 */
export async function startCodeServer(tools, dirs, { logFile, smokeTestDriver = false, env = {}, timeoutMs = 60000 }) {
  const args = [
    ...baseArgs(tools, dirs),
    "--bind-addr",
    "127.0.0.1:0",
    "--disable-workspace-trust",
    "--ignore-last-opened",
  ];
  if (smokeTestDriver) args.push("--vscode-option", "enable-smoke-test-driver");
  const child = spawn(tools.node, args, {
    env: childEnv(tools, dirs, env),
    detached: true, // its own process group; still ended by PID (see processes.mjs)
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log = createWriteStream(logFile);
  let seen = "";
  const url = await new Promise((resolveUrl, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`code-server did not start listening within ${timeoutMs} ms (see ${logFile})`)),
      timeoutMs,
    );
    const onData = (chunk) => {
      log.write(chunk);
      seen += chunk.toString();
      const match = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited while starting (code ${code}, signal ${signal}); see ${logFile}`));
    });
  });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not answering yet
    }
    await sleep(100);
  }
  return { child, pid: child.pid, url };
}

export function remoteUri(baseUrl, fsPath) {
  return `vscode-remote://${new URL(baseUrl).host}${resolve(fsPath)}`;
}

/** The workbench URL; `payload` is VS Code web's list of [key, value] start-up options. */
export function workbenchUrl(baseUrl, folder, payload = []) {
  const url = new URL(`${baseUrl}/`);
  url.searchParams.set("folder", resolve(folder));
  if (payload.length) url.searchParams.set("payload", JSON.stringify(payload));
  return url.toString();
}

/** Headless Debian chromium through playwright-core (no browser download). */
export async function launchChromium(tools, dirs) {
  if (!existsSync(tools.chromium)) throw new Error(`chromium not found at ${tools.chromium}`);
  const require = createRequire(import.meta.url);
  const { chromium } = require(tools.playwright);
  return chromium.launchPersistentContext(dirs.profile, {
    executablePath: tools.chromium,
    headless: true,
    viewport: { width: 1600, height: 1000 },
    // chromium's crash reporter and dconf would otherwise write under ~/.config and ~/.cache
    env: { ...process.env, XDG_CONFIG_HOME: join(dirs.xdg, "config"), XDG_CACHE_HOME: join(dirs.xdg, "cache") },
    // signals are handled by run-e2e.mjs, which closes the browser and then ends code-server
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
