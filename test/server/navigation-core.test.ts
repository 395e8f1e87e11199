import * as assert from "node:assert/strict";
import { charterFacts, parseCharter, type Finding } from "../../core/src";
import {
  charterLenses,
  completionsAt,
  cursorSlot,
  disableForFileEdit,
  disableForLineEdit,
  foldingRegions,
  safeFixEdits,
} from "../../core/src/navigation";
import { applyEdits } from "./support/lsp-client";
import { VALID } from "./support/samples";

/** The editor-free helpers behind the server's features, on the edge cases the e2e tests skip. */
describe("core/navigation helpers", () => {
  describe("cursorSlot", () => {
    it("reads the mapping path of a partial key from the indentation of the lines above", () => {
      const text = "phases:\n  crawl:\n    goNoGo:\n      - metric: x\n        impr\n";
      const slot = cursorSlot(text, { line: 4, character: 12 });
      assert.equal(slot?.kind, "key");
      assert.deepEqual(slot?.path, ["phases", "crawl", "goNoGo", 0]);
      assert.deepEqual(slot?.kind === "key" && slot.presentKeys, ["metric"]);
    });

    it("numbers list items and finds a value slot inside a flow mapping", () => {
      const text =
        "commitments:\n  us:\n    - { type: spend, detail: a }\n    - { type: roadmap, detail: b, amount: { value: 3, unit: U } }\n";
      const slot = cursorSlot(text, { line: 3, character: text.split("\n")[3]!.indexOf("U") + 1 });
      assert.equal(slot?.kind, "value");
      assert.deepEqual(slot?.path, ["commitments", "us", 1, "amount", "unit"]);
    });

    it("skips block text and multi-line flow collections when reading the structure", () => {
      const text = "goals:\n  us: |\n    line one\n  partner: p\nleverage:\n  evidence: [a,\n    b]\n  ty\n";
      const slot = cursorSlot(text, { line: 7, character: 4 });
      assert.deepEqual(slot?.path, ["leverage"]);
      assert.deepEqual(slot?.kind === "key" && slot.presentKeys, ["evidence"]);
    });

    it("decides the section by its keys' column at any indentation: one space or five under a key", () => {
      const text =
        "id: x\ngovernance:\n \n  owners: { us: A, partner: B }\n  exitCriteria: [x]\n     e\ntier: partnership\n";
      for (const [line, character] of [
        [2, 1],
        [5, 6],
      ] as const) {
        const slot = cursorSlot(text, { line, character });
        assert.equal(slot?.kind, "key");
        if (slot?.kind !== "key") continue;
        assert.deepEqual(slot.path, ["governance"]);
        assert.deepEqual([...slot.presentKeys].sort(), ["exitCriteria", "owners"]);
        assert.equal(slot.keyCol, 2);
        assert.equal(slot.indent, "  ");
        assert.deepEqual(slot.replace.start, { line, character: 0 });
      }
      const keys = completionsAt(text, { line: 2, character: 1 });
      assert.ok(keys.every((c) => c.insertText.startsWith("  ") && !/^ {2}(owners|exitCriteria)\b/.test(c.insertText)));
      const sponsors = keys.find((c) => c.label === "sponsors")!;
      assert.equal(sponsors.insertText, "  sponsors:\n    $0", "nested lines indented from the section's column");
      assert.equal(sponsors.filterText, " sponsors");
    });

    it("offers no snippet when the client brings its own, and none in value position", () => {
      const text = "id: x\n\n";
      const all = completionsAt(text, { line: 1, character: 0 });
      assert.ok(all.some((c) => c.kind === "snippet"));
      assert.ok(!completionsAt(text, { line: 1, character: 0 }, { snippets: false }).some((c) => c.kind === "snippet"));
      const values = completionsAt("tier: \n", { line: 0, character: 6 });
      assert.ok(values.length > 0 && values.every((c) => c.kind === "value"));
    });

    it("returns nothing inside comments and free text", () => {
      assert.equal(cursorSlot("# a comment\n", { line: 0, character: 5 }), undefined);
      assert.deepEqual(completionsAt("title: Acme and\n", { line: 0, character: 15 }), []);
    });
  });

  describe("completion of suppression comments", () => {
    it("offers rule ids after partner-charter-disable-next-line", () => {
      const items = completionsAt("# partner-charter-disable-next-line sch\nkind: x\n", { line: 0, character: 39 });
      assert.ok(items.some((item) => item.label === "schema"));
      assert.ok(!items.some((item) => item.label === "config"), "config findings cannot be suppressed");
    });
  });

  describe("suppression edits", () => {
    it("adds the rule to an existing disable-next-line comment instead of stacking a second one", () => {
      const text = "a: 1\n  # partner-charter-disable-next-line schema -- reason\n  b: 2\n";
      const edit = disableForLineEdit(text, 2, "duplicate-id")!;
      assert.equal(
        applyEdits(text, [edit]),
        "a: 1\n  # partner-charter-disable-next-line schema, duplicate-id -- reason\n  b: 2\n",
      );
      assert.equal(disableForLineEdit(text, 2, "schema"), undefined, "already disabled");
    });

    it("puts a file-wide disable after the header comments but before a next-line directive", () => {
      const text = "# header\n\n# partner-charter-disable-next-line schema\nkind: x\n";
      const edit = disableForFileEdit(text, "duplicate-id")!;
      assert.equal(
        applyEdits(text, [edit]),
        "# header\n# partner-charter-disable duplicate-id\n\n# partner-charter-disable-next-line schema\nkind: x\n",
      );
      const merged = disableForFileEdit("# partner-charter-disable schema\nkind: x\n", "config-x")!;
      assert.equal(
        applyEdits("# partner-charter-disable schema\nkind: x\n", [merged]),
        "# partner-charter-disable schema, config-x\nkind: x\n",
      );
    });
  });

  describe("safeFixEdits", () => {
    const at = (line: number, start: number, end: number): Finding["range"] => ({
      start: { line, character: start },
      end: { line, character: end },
    });
    const finding = (line: number, start: number, end: number, safe: boolean, text: string): Finding => ({
      rule: "schema",
      severity: "error",
      message: text,
      range: at(line, start, end),
      fixes: [{ title: text, safe, edits: [{ range: at(line, start, end), newText: text }] }],
    });

    it("keeps only safe fixes that do not overlap an earlier one", () => {
      const { edits, fixed } = safeFixEdits("abcdefgh\nxy\nzz\n", [
        finding(0, 0, 5, true, "a"),
        finding(0, 3, 8, true, "b"),
        finding(1, 0, 2, false, "c"),
        finding(2, 0, 2, true, "d"),
      ]);
      assert.deepEqual(
        edits.map((e) => e.newText),
        ["a", "d"],
      );
      assert.equal(fixed.length, 2);
    });
  });

  describe("code lens data", () => {
    it("flags an exchange where one side puts in far more of the same unit", () => {
      const exchange = (commitments: unknown) => charterFacts({ commitments }, { today: "2026-11-24" }).exchange;
      const lopsided = exchange({
        us: [{ type: "spend", detail: "x", amount: { value: 500, unit: "USD" } }],
        partner: [{ type: "spend", detail: "y", amount: { value: 100, unit: "usd" } }],
      });
      assert.equal(lopsided.verdict, "unbalanced");
      assert.deepEqual(
        lopsided.comparisons.map((c) => [c.unit.label, c.larger, c.times, c.lopsided]),
        [["USD", "us", 5, true]],
      );
      assert.equal(exchange({ us: [{ type: "support" }], partner: [] }).verdict, "no skin in the game");
    });

    it("describes phases without dates or criteria in plain words, lengths as the rules say them", () => {
      const text = "phases:\n  crawl:\n    customers: 2\n  run:\n    start: 2026-01-01\n    end: 2026-12-31\n";
      const parsed = parseCharter(text);
      const facts = charterFacts(parsed.data, { today: "2026-11-24" });
      const titles = charterLenses(parsed, facts).map((lens) => lens.title);
      assert.deepEqual(titles, [
        "no dates yet · go/no-go: no criteria yet",
        "11 months and 30 days · ROI not validated yet",
      ]);
    });
  });

  describe("code lens days to a go/no-go", () => {
    it("counts the days to a pending decision from the phase facts, and says when it is due or overdue", () => {
      const text =
        "phases:\n  crawl:\n    start: 2026-10-01\n    end: 2026-11-24\n    goNoGo:\n      - { metric: m, improvement: 25% }\n    outcome: pending\n";
      const titleOn = (today: string): string => {
        const parsed = parseCharter(text);
        const [lens] = charterLenses(parsed, charterFacts(parsed.data, { today }));
        assert.equal(lens?.section, "timeline");
        return lens!.title;
      };
      assert.equal(titleOn("2026-11-20"), "7.7 weeks · go/no-go decision in 4 days (2026-11-24)");
      assert.equal(titleOn("2026-11-24"), "7.7 weeks · go/no-go decision due today (2026-11-24)");
      assert.equal(titleOn("2026-11-25"), "7.7 weeks · go/no-go decision 1 day overdue (due 2026-11-24)");
    });
  });

  describe("folding", () => {
    it("folds comment runs and keeps working on broken YAML", () => {
      const text = "# one\n# two\npartner:\n  name: x\n  website: [\n";
      const regions = foldingRegions(parseCharter(text));
      assert.ok(regions.some((r) => r.kind === "comment" && r.startLine === 0 && r.endLine === 1));
      assert.ok(foldingRegions(parseCharter(VALID)).length > 10);
    });
  });
});
