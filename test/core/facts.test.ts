import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import {
  charterDigest,
  charterFacts,
  checkCharter,
  normalizeUnit,
  type CharterFacts,
  type FactOptions,
} from "../../core/src";
import { FIXTURES, TEST_TODAY } from "../support/paths";

/**
 * The facts module on its own: what the CLI and the server show only through other commands
 * (stage, milestones, review due, unit normalisation, lenient reading of any data).
 */

const CLEAN = fs.readFileSync(path.join(FIXTURES, "structure", "format-md-example.partner.yaml"), "utf8");

function factsOf(data: unknown, options: Partial<FactOptions> = {}): CharterFacts {
  return charterFacts(data, { today: TEST_TODAY, ...options });
}

describe("facts", () => {
  describe("units", () => {
    it("reads currency symbols and codes as ISO codes, whatever the case; other units by their lower case", () => {
      const keys = [
        "$",
        "US$",
        "us$",
        "usd",
        " USD ",
        "€",
        "eur",
        "£",
        "¥",
        "chf",
        "Engineer-Months",
        "engineer-months",
      ];
      assert.deepEqual(
        keys.map((unit) => normalizeUnit(unit).key),
        ["USD", "USD", "USD", "USD", "USD", "EUR", "EUR", "GBP", "JPY", "CHF", "engineer-months", "engineer-months"],
      );
      assert.equal(normalizeUnit("€").label, "EUR");
      assert.equal(normalizeUnit("Engineer-Months").label, "Engineer-Months");
      assert.equal(normalizeUnit("hrs").kind, "other", "a three-letter unit that is no currency stays a unit");
    });

    it("keeps percentages apart: never compared, whatever the ratio", () => {
      const facts = factsOf({
        commitments: {
          us: [{ type: "revenue-share", detail: "a", amount: { value: 5, unit: "%" } }],
          partner: [{ type: "revenue-share", detail: "b", amount: { value: 90, unit: "percent" } }],
        },
      });
      assert.deepEqual(facts.exchange.comparisons, []);
      assert.equal(facts.exchange.verdict, "not stated");
      assert.deepEqual(
        facts.exchange.partner.totals.map((total) => [total.unit.kind, total.total]),
        [["percent", 90]],
      );
    });
  });

  describe("phases", () => {
    it("measures crawl and walk in weeks and run in calendar months, with the rule's window", () => {
      const { phases } = factsOf({
        phases: {
          crawl: { start: "2026-01-05", end: "2026-02-27" },
          walk: { start: "2026-03-09", end: "2026-03-23" },
          run: { start: "2026-07-01", end: "2026-12-30" },
        },
      });
      assert.equal(phases.crawl.duration?.description, "7.6 weeks");
      assert.equal(phases.crawl.duration?.window.verdict, "within");
      assert.equal(phases.walk.duration?.description, "2 weeks");
      assert.equal(phases.walk.duration?.window.verdict, "too short");
      assert.equal(phases.run.duration?.description, "5 months and 29 days");
      assert.deepEqual(phases.run.duration?.window, { min: 6, max: 12, verdict: "too short" });
      const tuned = factsOf(
        { phases: { run: { start: "2026-07-01", end: "2026-12-30" } } },
        { rules: { "phase-duration": { options: { runMonths: [5, 12] } } } },
      );
      assert.equal(tuned.phases.run.duration?.window.verdict, "within", "the configured window");
    });

    it("gives each gated phase its decision due date and the days until it", () => {
      const { phases } = factsOf({
        phases: {
          crawl: { start: "2026-10-01", end: "2026-11-20", outcome: "pending" },
          walk: { start: "2026-12-01", end: "2027-02-26" },
        },
      });
      assert.deepEqual(phases.crawl.decision, { due: "2026-11-20", daysUntil: -4, overdue: true });
      assert.deepEqual(phases.walk.decision, { due: "2027-02-26", daysUntil: 94, overdue: false });
      assert.equal(phases.run.decision, undefined);
    });
  });

  describe("stage and milestones", () => {
    const stage = (data: unknown): string => factsOf(data).stage;

    it("puts a charter in the latest phase it has reached", () => {
      assert.equal(stage({ phases: { crawl: { start: "2027-01-04" } } }), "planned");
      assert.equal(stage({ phases: { crawl: { start: "2026-11-02" }, walk: { start: "2027-01-04" } } }), "crawl");
      assert.equal(stage({ phases: { crawl: { outcome: "passed" }, walk: { start: "2026-10-01" } } }), "walk");
      assert.equal(stage({ phases: { run: { start: "2026-06-08" } } }), "run");
      assert.equal(stage({ phases: { run: { start: "2025-06-08", end: "2026-06-08" } } }), "ended");
      assert.equal(stage({ status: "ended", phases: { run: { start: "2026-06-08" } } }), "ended");
    });

    it("lists pending decisions, the launch, the run start and the review due, and the next one", () => {
      const facts = factsOf({
        status: "active",
        updated: "2026-09-01",
        phases: {
          crawl: { start: "2026-10-01", end: "2026-11-20", outcome: "passed" },
          walk: { start: "2026-12-01", end: "2027-02-26" },
          run: { start: "2027-03-08" },
        },
        launch: { date: "2026-12-15" },
      });
      assert.deepEqual(
        facts.milestones.map((m) => [m.id, m.date, m.daysUntil]),
        [
          ["launch", "2026-12-15", 21],
          ["review", "2026-12-30", 36],
          ["decision-walk", "2027-02-26", 94],
          ["run-start", "2027-03-08", 104],
        ],
      );
      assert.equal(facts.nextMilestone?.id, "launch");
      const tuned = factsOf(
        { status: "active", updated: "2026-09-01" },
        { rules: { "stale-charter": { options: { days: 30 } } } },
      );
      assert.deepEqual([tuned.review.due, tuned.review.overdue], ["2026-10-01", true]);
      assert.equal(tuned.nextMilestone, undefined, "a review already past is not upcoming");
    });
  });

  describe("signatures", () => {
    it("states each signature by comparing its digest with charterDigest of the charter now", () => {
      const data = parse(CLEAN) as Record<string, unknown>;
      const current = charterDigest(data);
      (data.signatures as Record<string, unknown>[])[0]!.digest = current;
      (data.signatures as Record<string, unknown>[])[1]!.digest = `sha256:${"0".repeat(64)}`;
      const facts = factsOf(data);
      assert.equal(facts.digest, current);
      assert.deepEqual(
        facts.signatures.map((s) => [s.party, s.state]),
        [
          ["us", "current"],
          ["partner", "outdated"],
        ],
      );
      assert.deepEqual(
        factsOf(parse(CLEAN)).signatures.map((s) => s.state),
        ["none", "none"],
      );
    });
  });

  describe("reading", () => {
    it("reads any data without throwing, treating wrong types as absent", () => {
      const odd: unknown[] = [
        undefined,
        null,
        42,
        "text",
        [1, 2],
        { phases: "soon", commitments: [1], signatures: "x", launch: { checklist: [] } },
        {
          phases: { crawl: [], walk: { start: 5, end: null, goNoGo: "a" } },
          commitments: { us: "x", partner: [null, 3] },
        },
      ];
      for (const data of odd) {
        const facts = factsOf(data);
        assert.doesNotThrow(() => JSON.stringify(facts), JSON.stringify(data));
        assert.equal(facts.stage, "planned");
        assert.equal(facts.exchange.verdict, "no skin in the game");
      }
    });

    it("computes each group once, and the analysis shares its facts with the rules", () => {
      const result = checkCharter(CLEAN, { today: TEST_TODAY });
      const facts = result.facts!;
      assert.equal(facts.phases, facts.phases, "memoised");
      assert.equal(facts.exchange.verdict, "balanced");
      const json = JSON.parse(JSON.stringify(facts)) as CharterFacts;
      assert.equal(json.phases.crawl.duration?.description, "7.6 weeks");
      assert.equal(json.stage, "run");
    });
  });

  describe("placeholders and undecided values", () => {
    it("lists every value that is or contains TODO as a whole upper-case word, and only those", () => {
      const data = {
        owner: "TODO — who keeps this charter current",
        tier: "TODO",
        goals: { us: "no TODOs, no todo list, MASTODON", partner: "TODO: ask them" },
        governance: { escalation: ["partner managers", "TODO"] },
        launch: { checklist: { caseStudy: "todo" } },
      };
      const found = factsOf(data).placeholders.map(({ path, exact }) => [path.join("."), exact]);
      assert.deepEqual(found, [
        ["owner", false],
        ["tier", true],
        ["goals.partner", false],
        ["governance.escalation.1", true],
      ]);
    });

    it("reads a value that is exactly TODO as not decided: no tier, no date, no outcome, no updated", () => {
      const data = parse(CLEAN) as Record<string, Record<string, unknown>>;
      data.tier = "TODO" as never;
      data.status = "TODO" as never;
      (data.phases!.crawl as Record<string, unknown>).start = "TODO";
      (data.phases!.crawl as Record<string, unknown>).outcome = "TODO";
      const facts = factsOf(data);
      assert.equal(facts.status, undefined);
      assert.equal(facts.phases.crawl.start, undefined);
      assert.equal(facts.phases.crawl.outcome, undefined);
      assert.equal(facts.phases.crawl.pending, true, "an undecided outcome is still pending");
      assert.equal(facts.exchange.selfServe, false);
      assert.notEqual(facts.digest, factsOf(parse(CLEAN)).digest, "the digest covers the text as written");
    });
  });

  describe("tiers, review and status", () => {
    it("finds the graduation from integration in tierHistory, with the months held", () => {
      const history = [
        { tier: "integration", since: "2025-03-01" },
        { tier: "partnership", since: "2025-10-01" },
      ];
      const graduation = factsOf({ tierHistory: history }).tierHistory.graduation;
      assert.deepEqual(
        [graduation?.from.tier, graduation?.to.tier, graduation?.months],
        ["integration", "partnership", 7],
      );
      assert.equal(factsOf({ tierHistory: [history[0]] }).tierHistory.graduation, undefined, "still at Tier 1");
      assert.equal(factsOf({ tierHistory: "integration" }).tierHistory.steps.length, 0, "lenient");
    });

    it("an active charter without updated records no review; an ended one is history", () => {
      assert.equal(factsOf({ status: "active" }).review.unrecorded, true);
      assert.equal(factsOf({ status: "draft" }).review.unrecorded, false);
      assert.equal(factsOf({ status: "active", updated: "2026-11-02" }).review.unrecorded, false);
      assert.equal(factsOf({ status: "ended" }).ended, true);
    });

    it("at Tier 1, only the partner investing is the self-serve model, not a one-sided exchange", () => {
      const commitments = {
        us: [{ type: "support", detail: "docs" }],
        partner: [{ type: "engineering", detail: "x" }],
      };
      assert.equal(factsOf({ tier: "integration", commitments }).exchange.verdict, "self-serve");
      assert.equal(factsOf({ tier: "partnership", commitments }).exchange.verdict, "one-sided");
    });
  });
});
