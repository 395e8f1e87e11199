import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { checkCharter, validateRulesConfig, type Finding } from "../core/src";
import unbalancedExchange from "../core/src/rules/skin-in-the-game/unbalanced-exchange";
import { speaksOfRevenue } from "../core/src/facts";
import { isBlank, normalizePhrase, saysNothingChanges, saysNothingIsLost } from "../core/src/rules/support/text";
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
  it("normalises answers: lower case, trimmed, quotes, trailing punctuation and filler words removed", () => {
    assert.equal(normalizePhrase("  Nothing.  "), "nothing");
    assert.equal(normalizePhrase("NOTHING  REALLY changes!"), "nothing changes");
    assert.equal(normalizePhrase("Nothing at all."), "nothing");
    assert.equal(normalizePhrase("No impact for them."), "no impact");
    assert.equal(normalizePhrase("Nothing, really."), "nothing");
    assert.equal(normalizePhrase('"none"'), "none");
    assert.equal(normalizePhrase(" - "), "-");
    assert.equal(normalizePhrase("—"), "—");
    assert.equal(normalizePhrase("N/A."), "n/a");
    assert.equal(normalizePhrase("$0"), "$0");
  });

  it("recognises the answers that say nothing is lost, and only those", () => {
    const nothing = ["nothing", "Nothing at all.", " NONE ", "nil", "Zero", "0", "$0", "n/a", "NA", "no loss"];
    for (const answer of [...nothing, "No real loss for us", "Nothing to lose!", "-", " — ", "'Nothing.'"]) {
      assert.ok(saysNothingIsLost(answer), answer);
    }
    for (const answer of [
      "",
      "   ",
      undefined,
      "nothing less than the MSP channel",
      "12 engineer-months",
      "--",
      "$0.5M",
    ]) {
      assert.ok(!saysNothingIsLost(answer), String(answer));
    }
  });

  it("recognises the answers that say nothing changes, and only those", () => {
    const answers = ["nothing", "None", "Nothing changes.", "nothing really changes", "No change!", "No changes"];
    for (const answer of [
      ...answers,
      "Nothing would change.",
      "No impact for them.",
      "no effect",
      "Not much",
      "Nothing much, really",
    ]) {
      assert.ok(saysNothingChanges(answer), answer);
    }
    for (const answer of ["", "n/a", "Their MSPs lose certification.", "Nothing changes this quarter, but Q3 does"]) {
      assert.ok(!saysNothingChanges(answer), answer);
    }
  });

  it("finds revenue objectives by a revenue word (whole words, any case) or an amount of money", () => {
    const revenue = ["partner-sourced ARR", "arr growth", "Net revenue", "Bookings", "MRR", "GMV", "deal value"];
    for (const text of [...revenue, "sales pipeline", "$1.2M", "£2.5M", "EUR 400k", "300000 USD", "₹50L", "1.2M €"]) {
      assert.ok(speaksOfRevenue(text), text);
    }
    for (const text of [
      "MSP arrivals",
      "carry-over",
      "MSPs live",
      "120",
      "CI pipelines migrated",
      "pipeline",
      undefined,
    ]) {
      assert.ok(!speaksOfRevenue(text), String(text));
    }
    assert.ok(!speaksOfRevenue("net new logos") && speaksOfRevenue("Net  new logos", ["net new logos"]));
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
