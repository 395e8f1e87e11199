// Regression test for the end-to-end suite's first use under `npm test` (issue: code-server
// refused to install because the nested npm inherited the outer npm's `npm_config_user_agent`).
// It runs a real `npm install` through the installer's own function, with the outer environment
// poisoned the way `npm test` poisons it, and a package whose postinstall checks what it sees
// (as code-server's does).
import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { REPO_ROOT } from "../support/paths";

interface Prerequisites {
  npmInstall(prefix: string, spec: string, extraEnv?: Record<string, string>): string;
  cleanInstallEnv(outer?: NodeJS.ProcessEnv, extra?: Record<string, string>): Record<string, string>;
}

const loadPrerequisites = async (): Promise<Prerequisites> =>
  (await import(pathToFileURL(join(REPO_ROOT, "test", "e2e", "lib", "prerequisites.mjs")).href)) as Prerequisites;

/** A package whose postinstall fails unless npm describes the Node that runs it, like code-server's. */
function makeCheckingPackage(dir: string): string {
  const source = join(dir, "src");
  mkdirSync(source);
  writeFileSync(
    join(source, "package.json"),
    JSON.stringify({ name: "ua-check", version: "1.0.0", scripts: { postinstall: "node check.js" } }),
  );
  writeFileSync(
    join(source, "check.js"),
    [
      "const ua = process.env.npm_config_user_agent || '';",
      "require('fs').writeFileSync(process.env.UA_CHECK_OUT, JSON.stringify({ ua, node: process.version, prefix: process.env.npm_config_prefix || null }));",
      "if (!ua.includes('node/' + process.version)) { console.error('requires the node that runs npm, saw: ' + ua); process.exit(1); }",
    ].join("\n"),
  );
  const tarball = execFileSync("npm", ["pack", "--silent", "--pack-destination", dir], {
    cwd: source,
    encoding: "utf8",
  })
    .trim()
    .split("\n")
    .pop()!;
  return join(dir, tarball);
}

describe("end-to-end prerequisites: nested npm installs", function () {
  this.timeout(120000);
  const saved = { ...process.env };
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "pc-install-env-"));
  });
  afterEach(() => {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
    rmSync(dir, { recursive: true, force: true });
  });

  it("installs with a postinstall that checks the Node version, although the outer npm says another", async () => {
    const { npmInstall } = await loadPrerequisites();
    const tarball = makeCheckingPackage(dir);
    const out = join(dir, "seen.json");
    // what an outer `npm test` on another Node leaves in the environment of its scripts
    process.env.npm_config_user_agent = "npm/10.0.0 node/v1.2.3 linux x64 workspaces/false";
    process.env.npm_config_prefix = join(dir, "outer-prefix");
    process.env.npm_config_global = "true";
    process.env.npm_lifecycle_event = "test";
    process.env.npm_package_name = "partner-charter";
    process.env.UA_CHECK_OUT = out;
    npmInstall(join(dir, "target"), tarball);
    const seen = JSON.parse(readFileSync(out, "utf8")) as { ua: string; node: string; prefix: string | null };
    assert.match(seen.ua, new RegExp(`node/${seen.node.replace(/\./g, "\\.")}`));
    assert.notEqual(seen.prefix, join(dir, "outer-prefix"));
    assert.ok(readFileSync(join(dir, "target", "node_modules", "ua-check", "package.json"), "utf8"));
  });

  it("keeps PATH and where packages come from, drops the rest of npm's variables", async () => {
    const { cleanInstallEnv } = await loadPrerequisites();
    const env = cleanInstallEnv({
      PATH: "/repo/node_modules/.bin:/usr/lib/node_modules/npm/node_modules/@npmcli/run-script/lib/node-gyp-bin:/usr/bin:/bin",
      HOME: "/home/x",
      npm_config_user_agent: "npm/10 node/v20.0.0",
      npm_config_cache: "/cache",
      npm_config_registry: "https://registry.example/",
      "npm_config_//registry.example/:_authToken": "secret",
      npm_config_nodedir: "/usr",
      npm_execpath: "/usr/lib/node_modules/npm/bin/npm-cli.js",
      INIT_CWD: "/repo",
    });
    assert.deepEqual(env, {
      PATH: "/usr/bin:/bin",
      HOME: "/home/x",
      npm_config_cache: "/cache",
      npm_config_registry: "https://registry.example/",
      "npm_config_//registry.example/:_authToken": "secret",
    });
  });
});
