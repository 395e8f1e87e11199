import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as Module from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import { REPO_ROOT } from "../support/paths";

/**
 * cli/launcher.cjs, the CLI's `bin` (dist/cli.js): it runs the bundle next to it as Node would,
 * and on Node 20 keeps V8's compiled code in a folder of the temp directory that only the user
 * can write. Run here as a process, with a small stand-in bundle and its own temp directory.
 */

const BUNDLE = `process.stdout.write(JSON.stringify({ argv: process.argv.slice(2), file: __filename, dir: __dirname, sep: require("node:path").sep }) + "\\n");
process.exitCode = Number(process.argv[3] ?? 0);
`;

describe("CLI launcher (cli/launcher.cjs)", () => {
  let dir: string;
  let tmp: string;
  let cacheDir: string;

  beforeEach(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "pc-launcher-")));
    tmp = path.join(dir, "tmp");
    fs.mkdirSync(tmp);
    fs.mkdirSync(path.join(dir, "dist"));
    fs.copyFileSync(path.join(REPO_ROOT, "cli", "launcher.cjs"), path.join(dir, "dist", "cli.js"));
    fs.writeFileSync(path.join(dir, "dist", "cli-main.js"), BUNDLE);
    cacheDir = path.join(tmp, `partner-charter-compile-cache-${process.getuid?.() ?? ""}`.replace(/-$/, ""));
  });

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function run(args: string[], env: Record<string, string> = {}): { code: number | null; output: unknown } {
    const result = spawnSync(process.execPath, [path.join(dir, "dist", "cli.js"), ...args], {
      encoding: "utf8",
      env: { ...process.env, TMPDIR: tmp, NODE_DISABLE_COMPILE_CACHE: "", ...env },
    });
    assert.equal(result.stderr, "");
    return { code: result.status, output: JSON.parse(result.stdout) };
  }

  const cacheFiles = (): string[] => (fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir) : []);

  /** The V8 cache is the Node 20 path; newer Node keeps its own compile cache. */
  function onlyOnNode20(context: Mocha.Context): void {
    if (typeof (Module as { enableCompileCache?: unknown }).enableCompileCache === "function") context.skip();
  }

  it("runs the bundle next to it with the arguments, exit code and file names Node would give it", () => {
    const { code, output } = run(["check", "3"]);
    assert.equal(code, 3);
    assert.deepEqual(output, {
      argv: ["check", "3"],
      file: path.join(dir, "dist", "cli-main.js"),
      dir: path.join(dir, "dist"),
      sep: path.sep,
    });
  });

  it("keeps the compiled code of a command's run, readable by the user alone, and reuses it", function () {
    onlyOnNode20(this);
    run(["check"]);
    const [file, ...others] = cacheFiles();
    assert.ok(file && others.length === 0, `one cache file: ${cacheFiles()}`);
    assert.equal(fs.statSync(cacheDir).mode & 0o777, 0o700);
    assert.equal(fs.statSync(path.join(cacheDir, file)).mode & 0o777, 0o600);
    const past = new Date(Date.now() - 3600_000);
    fs.utimesSync(path.join(cacheDir, file), past, past);
    assert.equal(run(["check"]).code, 0);
    // utimes stores microseconds, read back as a float (…007.999): compare whole milliseconds.
    assert.equal(
      Math.round(fs.statSync(path.join(cacheDir, file)).mtimeMs),
      past.getTime(),
      "accepted, not written again",
    );
  });

  it("keeps no cache of --version or --help, nor with NODE_DISABLE_COMPILE_CACHE", function () {
    onlyOnNode20(this);
    run(["--version"]);
    run(["--help"]);
    run(["check"], { NODE_DISABLE_COMPILE_CACHE: "1" });
    assert.deepEqual(cacheFiles(), []);
  });

  it("replaces a damaged cache, and the run does not notice", function () {
    onlyOnNode20(this);
    run(["check"]);
    const file = path.join(cacheDir, cacheFiles()[0]!);
    fs.writeFileSync(file, "not V8's data");
    const { code, output } = run(["check", "1"]);
    assert.equal(code, 1);
    assert.deepEqual((output as { argv: string[] }).argv, ["check", "1"]);
    assert.notEqual(fs.readFileSync(file, "utf8"), "not V8's data");
  });

  it("leaves alone a cache folder that others can write to", function () {
    onlyOnNode20(this);
    fs.mkdirSync(cacheDir);
    fs.chmodSync(cacheDir, 0o777);
    assert.equal(run(["check"]).code, 0);
    assert.deepEqual(cacheFiles(), []);
  });

  it("runs as usual when the cache folder cannot be made", function () {
    onlyOnNode20(this);
    fs.rmSync(tmp, { recursive: true });
    const { code } = run(["check", "2"]);
    assert.equal(code, 2);
    assert.equal(fs.existsSync(tmp), false);
  });
});
