import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { globbySync } from "globby";
import { parse } from "yaml";
import { RULES, RULES_BY_ID, validateRulesConfig } from "../core/src";
import { generatedFiles } from "../scripts/generate-docs";
import { REPO_ROOT } from "./support/paths";

/** The rule registry, the docs and the contract agree. */

/** The rule ids of RULES.md (the public contract), copied here so a fresh clone can check them. */
const CONTRACT_IDS = [
  "yaml-syntax",
  "schema",
  "duplicate-id",
  "no-skin-in-the-game",
  "one-sided-commitment",
  "unbalanced-exchange",
  "mutual-risk",
  "executive-sponsors",
  "roadmap-alignment",
  "three-sided-value",
  "vanity-partnership",
  "sales-channel-only",
  "mutual-goals",
  "weak-leverage",
  "moderate-leverage-untested",
  "leverage-evidence",
  "qualification-answer",
  "no-leverage",
  "leverage-tier-fit",
  "tier-fit",
  "tier-provisions",
  "tier-treatment",
  "crawl-first",
  "phase-order",
  "phase-duration",
  "phase-customers",
  "go-no-go-required",
  "go-no-go-threshold",
  "run-gate",
  "sunk-cost",
  "failed-phase-open",
  "decision-overdue",
  "crawl-scope",
  "phase-integration",
  "exit-criteria",
  "decision-owners",
  "escalation-path",
  "measurable-metrics",
  "recurring-touchpoints",
  "signatures",
  "signature-outdated",
  "stale-charter",
  "todo-placeholder",
  "launch-readiness",
  "integration-before-launch",
  "launch-before-signature",
  "post-launch-follow-through",
  "build-vs-partner",
  "config",
  "unused-suppression",
  "program-tiers",
  "ecosystem-model",
  "trust-layers",
  "graduation-path",
  "tier-benefits",
  "program-conflict",
  "program-unknown",
  "tier-not-offered",
  "tier-requirements",
  "tier-capacity",
];

describe("rule registry", () => {
  it("every rule module is registered, under its file name", () => {
    const modules = globbySync("core/src/rules/*/*.ts", {
      cwd: REPO_ROOT,
      ignore: ["**/index.ts", "core/src/rules/support/**"],
    });
    assert.ok(modules.length >= 5);
    for (const relative of modules) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- load each module by path, as tsx compiles it
      const loaded = require(path.join(REPO_ROOT, relative)) as { default?: { meta?: { id?: string } } };
      const id = loaded.default?.meta?.id;
      assert.equal(
        id,
        path.basename(relative, ".ts"),
        `${relative} must default-export a rule whose id is its file name`,
      );
      assert.ok(RULES.includes(loaded.default as never), `${relative} is not listed in its category's index.ts`);
    }
    assert.equal(RULES.length, modules.length, "every registered rule has its own module");
  });

  it("has exactly the rule ids of RULES.md, with their default severities", () => {
    assert.deepEqual([...RULES_BY_ID.keys()].sort(), [...CONTRACT_IDS].sort());
    const spec = path.join(REPO_ROOT, "..", "shared", "spec", "RULES.md");
    if (!fs.existsSync(spec)) return; // the contract folder sits beside the repo in CI
    const text = fs.readFileSync(spec, "utf8");
    const specified = [...text.matchAll(/^\| `([a-z-]+)` \| (error|warning|info|hint) \|/gm)];
    for (const match of specified) {
      assert.equal(RULES_BY_ID.get(match[1]!)?.meta.defaultSeverity, match[2], `default severity of ${match[1]}`);
    }
    const configured = [...text.matchAll(/^\| `([a-z-]+)` \|/gm)].map((match) => match[1]!);
    assert.deepEqual(
      configured.sort(),
      CONTRACT_IDS.filter((id) => id !== "config" && id !== "unused-suppression").sort(),
      "the rules of RULES.md",
    );
  });

  it("accepts RULES.md's configuration example: every option it names exists, with its shape", () => {
    const spec = path.join(REPO_ROOT, "..", "shared", "spec", "RULES.md");
    if (!fs.existsSync(spec)) return; // the contract folder sits beside the repo in CI
    const section = fs.readFileSync(spec, "utf8").split("## Configuration")[1]!;
    const example = /```yaml\n([\s\S]*?)```/.exec(section)![1]!;
    const { rules } = parse(example) as { rules: Record<string, unknown> };
    assert.ok(Object.keys(rules).length >= 10);
    assert.deepEqual(validateRulesConfig(rules).problems, []);
  });

  it("every rule has complete metadata", () => {
    for (const { meta } of RULES) {
      assert.match(meta.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.ok(meta.summary.length > 10 && meta.rationale.length > 40, `${meta.id}: summary and rationale`);
      assert.ok(meta.examples.failing && meta.examples.passing, `${meta.id}: examples`);
      for (const [name, option] of Object.entries(
        meta.options as Record<string, { description: string; schema: object }>,
      )) {
        assert.ok(option.description && option.schema, `${meta.id}.${name}: description and schema`);
      }
    }
  });

  it("generated docs, README table and config schema are up to date (run `npm run docs`)", () => {
    for (const [relative, expected] of generatedFiles()) {
      const file = path.join(REPO_ROOT, relative);
      assert.ok(fs.existsSync(file), `${relative} is missing: run npm run docs`);
      assert.equal(fs.readFileSync(file, "utf8"), expected, `${relative} is stale: run npm run docs`);
    }
  });
});
