import * as assert from "node:assert/strict";
import { spawn, spawnSync, type SpawnSyncReturns } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { REPO_ROOT, TEST_TODAY } from "../support/paths";
import { RULE_IDS } from "../../core/src";

/**
 * The way the README installs the CLI: a release tarball made by `npm pack`, installed with
 * `npm install` (here into a temporary prefix, as `-g` would), offline and from a fresh HOME
 * (no npm cache, no npmrc): the CLI is one bundle, so the tarball needs nothing from a registry.
 */

const VERSION = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { version: string })
  .version;

function run(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { ...options, encoding: "utf8", timeout: 240_000 });
  assert.equal(result.error, undefined, `${command} ${args.join(" ")}: ${result.error?.message}`);
  return result;
}

describe("the release tarball (npm pack) installs and runs", function () {
  this.timeout(300_000);
  let temp: string;
  let env: NodeJS.ProcessEnv;
  let tarball: string;

  before(async () => {
    temp = fs.mkdtempSync(path.join(os.tmpdir(), "pc-pack-"));
    const home = path.join(temp, "home");
    fs.mkdirSync(home);
    fs.writeFileSync(path.join(home, ".npmrc"), "");
    // A nested npm must not take the outer `npm test`'s settings for its own.
    const { cleanInstallEnv } = (await import(
      pathToFileURL(path.join(REPO_ROOT, "test", "e2e", "lib", "prerequisites.mjs")).href
    )) as { cleanInstallEnv(outer: NodeJS.ProcessEnv, extra: Record<string, string>): NodeJS.ProcessEnv };
    env = cleanInstallEnv(process.env, {
      HOME: home,
      npm_config_cache: path.join(home, ".npm"),
      npm_config_userconfig: path.join(home, ".npmrc"),
      npm_config_update_notifier: "false",
    });
    const pack = run("npm", ["pack", "--json", "--pack-destination", temp], { cwd: REPO_ROOT, env });
    assert.equal(pack.status, 0, pack.stderr);
    const [info] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf("["))) as {
      filename: string;
      files: { path: string }[];
    }[];
    tarball = path.join(temp, info!.filename);
    fs.writeFileSync(path.join(temp, "files.json"), JSON.stringify(info!.files.map((file) => file.path)));
  });

  after(() => {
    if (temp) fs.rmSync(temp, { recursive: true, force: true });
  });

  it(`is partner-charter-${VERSION}.tgz with what the CLI needs, and no sources or tests`, () => {
    assert.equal(path.basename(tarball), `partner-charter-${VERSION}.tgz`);
    const files = JSON.parse(fs.readFileSync(path.join(temp, "files.json"), "utf8")) as string[];
    for (const needed of [
      "package.json",
      "README.md",
      "LICENSE",
      "CHANGELOG.md",
      "dist/cli.js",
      "dist/cli-main.js",
      "dist/server.js",
      "docs/editors.md",
      "dist/check-worker.js",
      "schemas/partner-charter.schema.json",
      "docs/rules/schema.md",
      "docs/ci.md",
    ]) {
      assert.ok(files.includes(needed), `the tarball has ${needed}`);
    }
    // Every rule's page: `check` and the editor name them, SARIF carries them as help.
    for (const id of RULE_IDS) assert.ok(files.includes(`docs/rules/${id}.md`), `the tarball has docs/rules/${id}.md`);
    const unwanted = files.filter((file) => /^(core|cli|server|client|test|scripts|bench)\/|\.ts$|\.map$/.test(file));
    assert.deepEqual(unwanted, [], "no sources, tests or source maps");
  });

  it("installs offline into a prefix from a fresh HOME, and the installed command checks a charter", () => {
    const prefix = path.join(temp, "prefix");
    const install = run(
      "npm",
      ["install", "--prefix", prefix, "--offline", "--no-audit", "--no-fund", "--no-save", tarball],
      { cwd: temp, env },
    );
    assert.equal(install.status, 0, install.stderr);
    const bin = path.join(prefix, "node_modules", ".bin", "partner-charter");
    const version = run(bin, ["--version"], { cwd: temp, env });
    assert.equal(version.status, 0, version.stderr);
    assert.equal(version.stdout.trim(), VERSION);

    const example = path.join(REPO_ROOT, "examples", "acme-cloudco-msp.partner.yaml");
    const check = run(bin, ["check", example, "--today", TEST_TODAY], { cwd: temp, env });
    assert.equal(check.status, 0, check.stdout + check.stderr);
    assert.match(check.stdout, /✔ 1 file checked, no problems/);
    const mistakes = run(bin, ["check", path.join(REPO_ROOT, "examples", "with-mistakes"), "--today", TEST_TODAY], {
      cwd: temp,
      env,
    });
    assert.equal(mistakes.status, 1, "the charters with mistakes fail the check");
    const page = run(bin, ["render", example, "--audience", "partner", "--today", TEST_TODAY], { cwd: temp, env });
    assert.equal(page.status, 0, page.stderr);
    assert.match(page.stdout, /^<!DOCTYPE html>/);
  });

  it("installs partner-charter-server, which speaks LSP over stdio (docs/editors.md)", async () => {
    const bin = path.join(temp, "prefix", "node_modules", ".bin", "partner-charter-server");
    assert.ok(fs.existsSync(bin), "installed by the test above");
    const server = spawn(bin, ["--stdio"], { cwd: temp, env, stdio: ["pipe", "pipe", "pipe"] });
    const exited = new Promise<number | null>((resolve) => server.once("exit", (code) => resolve(code)));
    let stdout = "";
    server.stdout.setEncoding("utf8");
    const answered = (id: number): Promise<void> =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no answer to request ${id}:\n${stdout}`)), 30_000);
        const check = (): void => {
          if (!stdout.includes(`"id":${id},`)) return;
          clearTimeout(timer);
          server.stdout.off("data", check);
          resolve();
        };
        server.stdout.on("data", check);
        check();
      });
    server.stdout.on("data", (chunk: string) => (stdout += chunk));
    const send = (body: unknown): void => {
      const json = JSON.stringify(body);
      server.stdin.write(`Content-Length: ${Buffer.byteLength(json)}\r\n\r\n${json}`);
    };
    send({ jsonrpc: "2.0", id: 1, method: "initialize", params: { processId: null, rootUri: null, capabilities: {} } });
    await answered(1);
    assert.match(stdout, /"serverInfo":\{"name":"Partner Charter","version":"[^"]+"\}/);
    send({ jsonrpc: "2.0", id: 2, method: "shutdown" });
    await answered(2);
    send({ jsonrpc: "2.0", method: "exit" });
    assert.equal(await exited, 0);
  });

  it("runs with npx --package from the tarball, as the README shows", () => {
    const npx = run("npx", ["--yes", "--offline", "--package", tarball, "partner-charter", "--version"], {
      cwd: temp,
      env,
    });
    assert.equal(npx.status, 0, npx.stderr);
    assert.equal(npx.stdout.trim(), VERSION);
  });
});
