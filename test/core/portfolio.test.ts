import * as assert from "node:assert/strict";
import { analyzeCharter, buildPortfolio, portfolioEntry, type PortfolioInput } from "../../core/src";
import { CLEAN } from "../cli/helpers";

/**
 * The portfolio model in process: rows from each charter's facts, "needs attention" in order,
 * totals, and the seam partner programs will fill (`programTierOf`).
 */

const TODAY = "2026-12-02";

function input(file: string, text: string): PortfolioInput {
  const analysis = analyzeCharter(text, { today: TODAY });
  return { file, entry: portfolioEntry(analysis), findings: analysis.findings };
}

describe("portfolio model", () => {
  it("reads stage and milestones from the facts, with the line each is written on", () => {
    const analysis = analyzeCharter(CLEAN, { today: TODAY });
    const entry = portfolioEntry(analysis);
    assert.equal(entry.stage, analysis.facts!.stage);
    assert.deepEqual(
      entry.milestones.map(({ id, date, daysUntil }) => ({ id, date, daysUntil })),
      analysis.facts!.milestones.map(({ id, date, daysUntil }) => ({ id, date, daysUntil })),
    );
    const lines = CLEAN.split("\n");
    assert.ok(entry.milestones.length >= 2);
    for (const milestone of entry.milestones) {
      // A review is due `stale-charter`'s days after the date on the `updated` line.
      const written = milestone.kind === "review" ? /^updated: / : new RegExp(milestone.date);
      assert.match(lines[milestone.line - 1]!, written, milestone.id);
    }
  });

  it("an ended charter has no pending decision or launch in needs attention", () => {
    const ended = CLEAN.replace(/^status: \w+$/m, "status: ended").replace(/outcome: passed/g, "outcome: pending");
    assert.notEqual(ended, CLEAN);
    const portfolio = buildPortfolio([input("ended.partner.yaml", ended)], { today: TODAY, horizon: 400 });
    assert.equal(portfolio.charters[0]!.stage, "ended");
    assert.deepEqual(
      portfolio.attention.filter((item) => item.kind.startsWith("decision") || item.kind === "launch"),
      [],
    );
  });

  it("a file that is not a charter is a row without a score, and its errors need attention", () => {
    const portfolio = buildPortfolio([input("broken.partner.yaml", "title: [unclosed\n")], {
      today: TODAY,
      horizon: 30,
    });
    assert.equal(portfolio.charters[0]!.health, null);
    assert.equal(portfolio.totals.health.none, 1);
    assert.deepEqual(
      portfolio.attention.map((item) => [item.kind, item.line]),
      [["errors", 1]],
    );
  });

  it("rows carry the program's tier name and totals each tier's use against maxPartners", () => {
    const a = input("a.partner.yaml", CLEAN);
    const b = input("b.partner.yaml", CLEAN.replace(/^id: .*$/m, "id: other"));
    const tier = a.entry.tier!;
    const portfolio = buildPortfolio([a, b], {
      today: TODAY,
      horizon: 30,
      programTierOf: (charter) => (charter.tier === tier ? { name: "Premier", maxPartners: 1 } : undefined),
    });
    assert.deepEqual(
      portfolio.charters.map((charter) => charter.programTier),
      [
        { name: "Premier", maxPartners: 1 },
        { name: "Premier", maxPartners: 1 },
      ],
    );
    assert.deepEqual(portfolio.totals.programTiers, [{ tier, name: "Premier", used: 2, maxPartners: 1 }]);
    assert.equal(buildPortfolio([a], { today: TODAY, horizon: 30 }).totals.programTiers, undefined);
  });
});
