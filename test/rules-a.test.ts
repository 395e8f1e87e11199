import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { checkCharter, validateRulesConfig, type Finding } from "../core/src";
import unbalancedExchange from "../core/src/rules/skin-in-the-game/unbalanced-exchange";
import {
  isBlank,
  mentionsRevenue,
  normalizePhrase,
  saysNothingChanges,
  saysNothingIsLost,
} from "../core/src/rules/support/text";
import { FIXTURES, TEST_TODAY } from "./support/paths";

/**
 * Unit tests for the skin-in-the-game, three-sided-value, leverage, tiers and build-vs-partner
 * rules: the shared text helpers, options and fixes. The triggers and ranges are covered by
 * the fixtures under test/fixtures/rules/.
 */

const CLEAN = fs.readFileSync(path.join(FIXTURES, "structure", "format-md-example.partner.yaml"), "utf8");

function findings(text: string, rules?: Parameters<typeof checkCharter>[1]["rules"]): Finding[] {
  return checkCharter(text, { today: TEST_TODAY, rules }).findings;
}

function replaceOnce(text: string, from: string, to: string): string {
  assert.equal(text.split(from).length, 2, `expected exactly one "${from}"`);
  return text.replace(from, to);
}

describe("rules A: text helpers", () => {
  it("normalises answers: trimmed, lower case, trailing punctuation and quotes removed", () => {
    assert.equal(normalizePhrase("  Nothing.  "), "nothing");
    assert.equal(normalizePhrase("NOTHING  REALLY changes!"), "nothing really changes");
    assert.equal(normalizePhrase('"none"'), "none");
    assert.equal(normalizePhrase(" - "), "-");
    assert.equal(normalizePhrase("N/A."), "n/a");
  });

  it("recognises the answers that say nothing is lost, and only those", () => {
    for (const answer of ["nothing", "Nothing.", " NONE ", "n/a", "N/A", "no loss", "No loss!", "-", " - "]) {
      assert.ok(saysNothingIsLost(answer), answer);
    }
    for (const answer of ["", "   ", undefined, "nothing less than the MSP channel", "12 engineer-months", "--"]) {
      assert.ok(!saysNothingIsLost(answer), String(answer));
    }
  });

  it("recognises the answers that say nothing changes, and only those", () => {
    for (const answer of ["nothing", "None", "Nothing changes.", "nothing really changes", "No change!"]) {
      assert.ok(saysNothingChanges(answer), answer);
    }
    for (const answer of ["", "n/a", "Their MSPs lose certification.", "Nothing changes this quarter, but Q3 does"]) {
      assert.ok(!saysNothingChanges(answer), answer);
    }
  });

  it("finds revenue metrics by revenue, ARR (as a word), bookings, pipeline or $", () => {
    for (const text of ["partner-sourced ARR", "arr growth", "Net revenue", "Bookings", "pipeline created", "$1.2M"]) {
      assert.ok(mentionsRevenue(text), text);
    }
    for (const text of ["MSP arrivals", "carry-over", "MSPs live", "120", undefined]) {
      assert.ok(!mentionsRevenue(text), String(text));
    }
  });

  it("treats absent, non-string and whitespace-only values as blank", () => {
    assert.ok(isBlank(undefined) && isBlank("  ") && isBlank(3));
    assert.ok(!isBlank("x"));
  });
});

describe("rules A: options, severities and fixes", () => {
  it("the FORMAT.md example is clean", () => {
    assert.deepEqual(findings(CLEAN), []);
  });

  it("unbalanced-exchange validates its ratio option with the option's description", () => {
    const bad = validateRulesConfig({ "unbalanced-exchange": { ratio: 1 } });
    assert.equal(bad.problems.length, 1);
    assert.match(
      bad.problems[0]!.message,
      /^Option "ratio" of "unbalanced-exchange" expects a number greater than 1: how many times more one side may commit than the other; found/,
    );
    const good = validateRulesConfig({ "unbalanced-exchange": { ratio: 2.5 } });
    assert.deepEqual(good.problems, []);
    assert.equal(unbalancedExchange.meta.options.ratio.default, 4);
  });

  it("unbalanced-exchange uses the configured ratio", () => {
    const text = replaceOnce(
      CLEAN,
      "    - { type: revenue-share, detail: 15% of marketplace revenue, amount: { value: 15, unit: percent } }\n",
      "    - { type: revenue-share, detail: 15% of marketplace revenue, amount: { value: 15, unit: percent } }\n    - { type: spend, detail: launch budget, amount: { value: 100000, unit: usd } }\n",
    );
    assert.deepEqual(findings(text), []);
    const strict = findings(text, { "unbalanced-exchange": { options: { ratio: 2 } } });
    assert.deepEqual(
      strict.map((f) => f.rule),
      ["unbalanced-exchange"],
    );
    assert.match(strict[0]!.message, /300,000 USD against our 100,000 \(3×\)/);
  });

  it("a rule is skipped when the schema reported a problem in a section it reads", () => {
    const text = replaceOnce(
      CLEAN,
      "    - { type: spend, detail: MSP enablement fund, amount: { value: 300000, unit: USD } }\n    - { type: roadmap, detail: marketplace billing API built for this partnership }\n",
      "    - { type: sponsorship, detail: MSP enablement fund }\n",
    );
    assert.deepEqual(
      findings(text).map((f) => f.rule),
      ["schema"],
    );
  });

  it("tier-fit offers to change the tier, and a configured severity wins over the strategic error", () => {
    const text = replaceOnce(
      CLEAN,
      "  engineeringCapacity: false\n  marquee: true",
      "  engineeringCapacity: true\n  marquee: false",
    );
    const [finding] = findings(text);
    assert.equal(finding?.rule, "tier-fit");
    assert.equal(finding.fixes?.[0]?.title, "Change the tier to integration");
    assert.equal(finding.fixes?.[0]?.edits[0]?.newText, "integration");
    assert.equal(finding.fixes?.[0]?.safe, false);

    const noSponsors = replaceOnce(CLEAN, "  sponsors: { us: Chief Revenue Officer, partner: VP Channels }\n", "");
    assert.deepEqual(
      findings(noSponsors).map((f) => `${f.rule}(${f.severity})`),
      ["executive-sponsors(error)"],
    );
    assert.deepEqual(
      findings(noSponsors, { "executive-sponsors": { severity: "info", options: {} } }).map(
        (f) => `${f.rule}(${f.severity})`,
      ),
      ["executive-sponsors(info)"],
    );
  });

  it("build-vs-partner offers to change the choice", () => {
    const text = replaceOnce(CLEAN, "  coreDifferentiator: false", "  coreDifferentiator: true");
    const [finding] = findings(text);
    assert.equal(finding?.rule, "build-vs-partner");
    assert.equal(finding.fixes?.[0]?.edits[0]?.newText, "build");
  });

  it("tier-provisions offers to add a sync cadence to a block-style governance section", () => {
    const text = replaceOnce(
      replaceOnce(CLEAN, "  marquee: true\ntier: strategic", "  marquee: false\ntier: partnership"),
      "  syncCadence: biweekly\n",
      "",
    );
    const [finding] = findings(text);
    assert.equal(finding?.rule, "tier-provisions");
    const edit = finding.fixes?.[0]?.edits[0];
    assert.equal(edit?.newText, "  syncCadence: biweekly\n");
  });
});
