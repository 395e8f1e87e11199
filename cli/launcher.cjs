#!/usr/bin/env node
// partner-charter's `bin`: scripts/build.mjs copies this file to dist/cli.js, next to the bundle
// dist/cli-main.js, and sets BUILD_ID. It runs the bundle with V8's code cache, so that a cold
// start does not compile the 1.5 MB bundle again (~20 ms of every `partner-charter` run; see
// docs/performance.md).
//
// On Node ≥ 22.1, Node's own compile cache (`module.enableCompileCache`). On Node 20, the
// bundle is compiled with `vm.Script` and the cached data of an earlier run, kept in the OS
// temp folder (one folder per user, used only when it is the user's own and not writable by
// others); the cache is written at the exit of a run of a command (not `--version` or `--help`,
// so that it holds the code a real run compiles) when there was none or V8 rejected it.
// Failing to read or write the cache is silent: it only costs the compilation.
// `NODE_DISABLE_COMPILE_CACHE=1` turns the cache off, as it does for Node's own.
//
// It may use only Node's built-in modules: it runs before anything is loaded.
"use strict";
const path = require("node:path");
const Module = require("node:module");

/** A hash of the bundle, set by scripts/build.mjs ("dev" in watch mode: size and mtime key the cache then). */
const BUILD_ID = "dev";
const BUNDLE = path.join(__dirname, "cli-main.js");
/** Caches of other builds are removed once they are a week old (one in use is written again). */
const STALE_CACHE_MS = 7 * 24 * 3600 * 1000;

function launch() {
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return void require(BUNDLE);
  if (typeof Module.enableCompileCache === "function") {
    try {
      Module.enableCompileCache();
    } catch {
      // no cache: the bundle is compiled as usual
    }
    return void require(BUNDLE);
  }
  runWithV8Cache();
}

/** Node 20: compiles the bundle with the cached data of an earlier run, and keeps it for the next. */
function runWithV8Cache() {
  const fs = require("node:fs");
  const os = require("node:os");
  const vm = require("node:vm");
  const uid = typeof process.getuid === "function" ? process.getuid() : undefined;
  const dir = path.join(os.tmpdir(), `partner-charter-compile-cache${uid === undefined ? "" : `-${uid}`}`);
  const ownDir = () => {
    const stat = fs.statSync(dir);
    return stat.isDirectory() && (uid === undefined || (stat.uid === uid && (stat.mode & 0o022) === 0));
  };
  let script;
  let cacheFile;
  let cached;
  try {
    const source = fs.readFileSync(BUNDLE, "utf8");
    const { size, mtimeMs } = fs.statSync(BUNDLE);
    const key = `${BUILD_ID}-${size}-${Math.trunc(mtimeMs)}-${process.version}-${process.arch}`;
    cacheFile = path.join(dir, `cli-${key.replace(/[^\w.-]/g, "_")}.bin`);
    try {
      if (ownDir()) cached = fs.readFileSync(cacheFile);
    } catch {
      // no cache yet
    }
    script = new vm.Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n});`, {
      filename: BUNDLE,
      cachedData: cached,
      importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
    });
  } catch {
    return void require(BUNDLE);
  }
  const ranCommand = process.argv.length > 2 && !process.argv[2].startsWith("-");
  if (ranCommand && (cached === undefined || script.cachedDataRejected)) {
    process.once("exit", () => {
      const temporary = `${cacheFile}.${process.pid}.tmp`;
      try {
        const data = script.createCachedData(); // after the run: includes the functions it compiled
        try {
          fs.mkdirSync(dir, { mode: 0o700 }); // not recursive: the temp folder exists, or no cache
        } catch (error) {
          if (error.code !== "EEXIST") throw error;
        }
        if (!ownDir()) return;
        fs.writeFileSync(temporary, data, { mode: 0o600 });
        fs.renameSync(temporary, cacheFile);
        for (const name of fs.readdirSync(dir)) {
          const file = path.join(dir, name);
          if (file !== cacheFile && Date.now() - fs.statSync(file).mtimeMs > STALE_CACHE_MS) fs.rmSync(file);
        }
      } catch {
        try {
          fs.rmSync(temporary, { force: true });
        } catch {
          // nothing left to do: the next run compiles as usual
        }
      }
    });
  }
  const module = { exports: {} };
  script.runInThisContext()(module.exports, Module.createRequire(BUNDLE), module, BUNDLE, path.dirname(BUNDLE));
}

launch();
