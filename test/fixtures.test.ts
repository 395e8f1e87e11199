import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { globbySync } from "globby";
import { checkCharter, checkFiles } from "../core/src";
import { buildFixtureCharter } from "./support/fixture-charter";
import { assertMatchesExpectations, parseExpectations, type Expectation } from "./support/inline-expectations";
import { FIXTURES, TEST_TODAY } from "./support/paths";

/**
 * Every fixture under test/fixtures/ is checked by the core (with config discovery, as the
 * CLI does) and must produce exactly the findings its comments announce. A fixture that names
 * a base (`# base: strategic`) is spliced into test/fixtures/bases/strategic.partner.yaml first;
 * its findings are compared on the fixture's own lines (test/fixtures/README.md).
 */

describe("fixtures with inline expectations", () => {
  const files = globbySync("**/*.partner.{yaml,yml}", { cwd: FIXTURES, absolute: true }).sort();
  const expectationsByFile = new Map<string, Expectation[]>();

  it("has fixtures to check", () => {
    assert.ok(files.length > 0);
  });

  for (const file of files) {
    const name = path.relative(FIXTURES, file);
    it(name, function () {
      const text = fs.readFileSync(file, "utf8");
      const { expectations, today } = parseExpectations(text);
      expectationsByFile.set(name, expectations);
      const built = buildFixtureCharter(text);
      const result = checkFiles([file], {
        today: today ?? TEST_TODAY,
        root: FIXTURES,
        overrides: new Map([[file, built.text]]),
      });
      assertMatchesExpectations(name, result.charters[0]!.result.findings, expectations, built.origin);
    });
  }

  // A program file is checked with the charters of its folder and below (tier-capacity counts them, as `check` on the folder does).
  const programs = globbySync("**/*.partner-program.{yaml,yml}", { cwd: FIXTURES, absolute: true }).sort();
  for (const file of programs) {
    const name = path.relative(FIXTURES, file);
    it(name, function () {
      const text = fs.readFileSync(file, "utf8");
      const { expectations, today } = parseExpectations(text);
      expectationsByFile.set(name, expectations);
      const below = files.filter((charter) => charter.startsWith(path.dirname(file) + path.sep));
      const overrides = new Map(
        below.map((charter) => [charter, buildFixtureCharter(fs.readFileSync(charter, "utf8")).text]),
      );
      const result = checkFiles([file, ...below], { today: today ?? TEST_TODAY, root: FIXTURES, overrides });
      const own = result.charters.find((outcome) => outcome.file === file)!;
      assert.ok(own.program, `${name} is checked as a program`);
      assertMatchesExpectations(name, own.result.findings, expectations, buildFixtureCharter(text).origin);
    });
  }

  it("asserts part of the message of at least one finding of every rule the fixtures expect", () => {
    const all = [...files, ...programs].flatMap((file) => {
      const name = path.relative(FIXTURES, file);
      return expectationsByFile.get(name) ?? parseExpectations(fs.readFileSync(file, "utf8")).expectations;
    });
    const rules = new Set(all.map((expected) => expected.rule));
    const withMessage = new Set(all.filter((expected) => expected.phrases.length > 0).map((expected) => expected.rule));
    const lacking = [...rules].filter((rule) => !withMessage.has(rule)).sort();
    assert.deepEqual(lacking, [], `add a "phrase" to one expectation of: ${lacking.join(", ")}`);
  });
});

describe("fixtures built on a base", () => {
  const check = (fixture: string): void => {
    const built = buildFixtureCharter(fixture);
    const findings = checkCharter(built.text, { today: TEST_TODAY }).findings;
    assertMatchesExpectations("fixture", findings, parseExpectations(fixture).expectations, built.origin);
  };

  it("compares findings on the fixture's own lines and columns", () => {
    check("# base: strategic\nphases:\n  crawl:\n    customers: 12 # expect: phase-customers:16(warning)\n");
    assert.throws(
      () => check("# base: strategic\nphases:\n  crawl:\n    customers: 12 # expect: phase-customers:15(warning)\n"),
      /missing: line 4 phase-customers:15\(warning\)[\s\S]*unexpected: 4:16 phase-customers/,
    );
  });

  it("refuses a finding on a line of the base: the fixture must restate that key to expect it", () => {
    // Without engineers and with a marquee logo, the tier decision tree points to strategic.
    assert.throws(
      () => check("# base: strategic\npartner:\n  name: CloudCo\ntier: partnership\n"),
      /unexpected: 4:7 tier-fit\(warning\)/,
    );
    assert.throws(
      // build-vs-partner reports on decision.choice, which this fixture does not restate.
      () => check("# base: strategic\ndecision:\n  coreDifferentiator: true # expect: build-vs-partner:3(warning)\n"),
      /missing: line 3 build-vs-partner[\s\S]*unexpected: base line 19:11 build-vs-partner\(warning\).*restate that key in the fixture/,
    );
  });

  it("refuses lines that do not fit the base, and the removal of a key the base lacks", () => {
    assert.throws(
      () => buildFixtureCharter("# base: strategic\nphases:\n    crawl:\n      customers: 2\n"),
      /do not fit/,
    );
    assert.throws(
      () => buildFixtureCharter("# base: strategic\nlaunch: ~\n"),
      /removes launch, which the base does not have/,
    );
  });
});
