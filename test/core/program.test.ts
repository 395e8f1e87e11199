import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import {
  analyzeProgram,
  checkCharter,
  programCharterSkeleton,
  programSkeleton,
  validateProgramData,
  type ProgramRef,
} from "../../core/src";
import { parse } from "yaml";
import { FIXTURES, TEST_TODAY } from "../support/paths";

/** Program files in the core: schema messages, robustness, quick fixes, and the skeleton that meets a tier. */

const PROGRAM = fs
  .readFileSync(path.join(FIXTURES, "rules", "program-tiers", "passes", "acme.partner-program.yaml"), "utf8")
  .replace(/^#.*\n/, "");

const analyze = (text: string) => analyzeProgram(text, "/programs/acme.partner-program.yaml", { today: TEST_TODAY });
const messages = (text: string): string[] =>
  analyze(text).findings.map((finding) => `${finding.rule}: ${finding.message}`);

describe("program files: schema", () => {
  it("the FORMAT.md program is clean", () => {
    assert.deepEqual(messages(PROGRAM), []);
  });

  it("speaks the charter's plain language: unknown keys and values with did you mean, repeated levels, list lengths", () => {
    const text = PROGRAM.replace("ecosystem:", "ecosystm:")
      .replace("  - tier: partnership", "  - tier: partnershp")
      .replace("fields: [governance.partnerManager]", "fields: [governance.partnerManagr, nonsense.path]");
    const found = messages(text);
    assert.ok(
      found.includes('schema: Unknown key "ecosystm" at the top level of a program: did you mean "ecosystem"?'),
      found.join("\n"),
    );
    assert.ok(
      found.some((m) =>
        /must be one of integration, partnership, strategic, not "partnershp": did you mean "partnership"\?/.test(m),
      ),
      found.join("\n"),
    );
    assert.ok(
      found.includes(
        'schema: "governance.partnerManagr" is not a field of a charter: did you mean "governance.partnerManager"?',
      ),
    );
    assert.ok(
      found.some((m) =>
        /^schema: "nonsense\.path" is not a field of a charter\. Fields of a charter: apiVersion, kind/.test(m),
      ),
    );
    const repeated = messages(PROGRAM.replace("  - tier: partnership", "  - tier: integration"));
    assert.ok(
      repeated.some((m) => /The level "integration" is already the tier "Registered"/.test(m)),
      repeated.join("\n"),
    );
    assert.ok(
      messages(PROGRAM.replace(/tiers:\n[\s\S]*$/, "tiers: []\n")).some((m) =>
        /tiers must list at least 1; it lists 0\./.test(m),
      ),
    );
  });

  it("never crashes on what a file may hold", () => {
    for (const text of [
      "",
      "- a\n- list\n",
      "kind: Program\ntiers: 5\n",
      "tiers: [1, null, { tier: constructor, name: x }]\n",
      "tiers:\n  - { tier: strategic, name: A, requires: { fields: [123, 'a..b', __proto__, constructor.name, toString] } }\n",
      "tiers:\n  - { tier: strategic, name: A, requires: 7, graduation: x, provides: {} }\n",
      "{ a: [ unclosed\n",
    ]) {
      const analysis = analyze(text);
      assert.ok(Array.isArray(analysis.findings), text);
      assert.ok(
        analysis.findings.every((finding) => finding.rule !== "tier-requirements"),
        text,
      );
    }
    assert.equal(
      validateProgramData({ tiers: [{ tier: "strategic", name: "A", requires: { fields: ["__proto__.x"] } }] }).length >
        0,
      true,
    );
  });
});

describe("program files: quick fixes", () => {
  it("graduation-path offers a path to fill in; ecosystem-model the model the decision tree calls for", () => {
    const noPath = PROGRAM.replace(
      "    graduation:\n      to: strategic\n      criteria: [marquee logo, joint revenue objective agreed by both executives]\n",
      "",
    );
    const graduation = analyze(noPath).findings.find((finding) => finding.rule === "graduation-path");
    assert.match(graduation!.fixes![0]!.title, /graduation path/);
    assert.match(graduation!.fixes![0]!.edits.map((edit) => edit.newText).join(""), /to: strategic/);
    const model = analyze(PROGRAM.replace("model: curated", "model: open")).findings.find(
      (f) => f.rule === "ecosystem-model",
    );
    assert.equal(model!.fixes![0]!.title, "Change the model to curated");
  });
});

describe("a charter created under a program", () => {
  const ref = analyze(
    PROGRAM.replace(
      "      maxRevenueSharePercent: 20\n",
      "      maxRevenueSharePercent: 20\n      minExitCriteria: 3\n      minMetrics: 4\n",
    ),
  ).ref as ProgramRef;

  for (const tier of ref.tiers!) {
    it(`${tier.name}: meets the tier's requirements, with TODO where a decision is needed`, () => {
      const text = programCharterSkeleton({ tier: tier.tier, partnerName: "Globex", today: TEST_TODAY }, ref, tier);
      const rules = new Set(
        checkCharter(text, { today: TEST_TODAY, program: { program: ref } }).findings.map((f) => f.rule),
      );
      assert.deepEqual([...rules], ["todo-placeholder"]);
      assert.match(text, /^program: acme-partner-network$/m);
    });
  }

  it("the program skeleton passes its schema", () => {
    const text = programSkeleton("acme");
    assert.deepEqual(validateProgramData(parse(text)), []);
    assert.deepEqual(messages(text), []);
  });
});
