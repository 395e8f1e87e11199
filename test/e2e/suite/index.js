// Entry point of the extension-host test suite: VS Code require()s this file (its path is the
// `extensionTestsPath`) inside the extension host and awaits run(). Works the same under
// code-server (test/e2e/run-e2e.mjs) and under @vscode/test-electron's runTests().
/* eslint-disable @typescript-eslint/no-require-imports */
"use strict";
const fs = require("fs");
const path = require("path");

const REPO_ROOT = path.resolve(__dirname, "..", "..", "..");

/** mocha from PARTNER_CHARTER_E2E_MOCHA_FROM, the repository's node_modules, or the e2e cache. */
function loadMocha() {
  const bases = [
    process.env.PARTNER_CHARTER_E2E_MOCHA_FROM,
    REPO_ROOT,
    process.env.PARTNER_CHARTER_E2E_CACHE && path.join(process.env.PARTNER_CHARTER_E2E_CACHE, "mocha"),
  ].filter(Boolean);
  for (const base of bases) {
    try {
      return require(require.resolve("mocha", { paths: [base] }));
    } catch {
      // try the next place
    }
  }
  throw new Error(`mocha not found (looked in ${bases.join(", ")}); run npm ci in the repository`);
}

function run() {
  const Mocha = loadMocha();
  const mocha = new Mocha({ ui: "tdd", color: false, timeout: 60000, reporter: "spec" });
  for (const file of fs.readdirSync(__dirname).sort()) {
    if (file.endsWith(".test.js")) mocha.addFile(path.join(__dirname, file));
  }
  const results = { passed: [], failed: [], pending: [] };
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const summary = `${results.passed.length} passed, ${results.failed.length} failed`;
      console.log(`[partner-charter e2e] extension host suite: ${summary}`);
      const out = process.env.PARTNER_CHARTER_E2E_RESULTS;
      if (out) fs.writeFileSync(out, JSON.stringify({ ...results, summary }, null, 2));
      if (failures > 0) reject(new Error(`${failures} test(s) failed`));
      else resolve();
    });
    runner.on("pass", (test) => results.passed.push({ title: test.fullTitle(), ms: test.duration }));
    runner.on("pending", (test) => results.pending.push({ title: test.fullTitle() }));
    runner.on("fail", (test, error) =>
      results.failed.push({
        title: test.fullTitle(),
        error: String((error && (error.stack || error.message)) || error),
      }),
    );
  });
}

module.exports = { run };
