import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { globbySync } from "globby";
import { checkFiles } from "../core/src";
import { assertMatchesExpectations, parseExpectations } from "./support/inline-expectations";
import { FIXTURES, TEST_TODAY } from "./support/paths";

/**
 * Every fixture under test/fixtures/ is checked by the core (with config discovery, as the
 * CLI does) and must produce exactly the findings its comments announce.
 */
describe("fixtures with inline expectations", () => {
  const files = globbySync("**/*.partner.{yaml,yml}", { cwd: FIXTURES, absolute: true }).sort();

  it("has fixtures to check", () => {
    assert.ok(files.length > 0);
  });

  for (const file of files) {
    it(path.relative(FIXTURES, file), () => {
      const text = fs.readFileSync(file, "utf8");
      const { expectations, today } = parseExpectations(text);
      const result = checkFiles([file], { today: today ?? TEST_TODAY, root: FIXTURES });
      assertMatchesExpectations(path.relative(FIXTURES, file), result.charters[0]!.result.findings, expectations);
    });
  }
});
