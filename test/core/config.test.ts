import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
  checkCharter,
  checkFiles,
  findConfigFile,
  mergeRulesConfigs,
  parseConfigText,
  validateRulesConfig,
} from "../../core/src";
import { FIXTURES, TEST_TODAY } from "../support/paths";

/** `.partner-charter.yaml` and the `partnerCharter.rules` setting, through the core API the server calls. */

const RULE_IDS_FOR_TEST = ["exit-criteria", "phase-duration", "tier-fit", "sales-channel-only", "stale-charter"];

const CLEAN = fs.readFileSync(path.join(FIXTURES, "structure", "format-md-example.partner.yaml"), "utf8");
const TYPO = CLEAN.replace("tier: strategic", "tier: strategc");

describe("configuration", () => {
  it("reads near misses of a severity as what they most likely mean, with a quick fix", () => {
    const meant: Record<string, string> = {
      warn: "warning",
      Error: "error",
      information: "info",
      none: "off",
      hints: "hint",
    };
    const text = [
      "rules:",
      ...Object.keys(meant).map((written, i) => `  ${RULE_IDS_FOR_TEST[i]}: ${written}`),
      "",
    ].join("\n");
    const loaded = parseConfigText(text, "/x/.partner-charter.yaml");
    assert.equal(loaded.findings.length, 5);
    Object.values(meant).forEach((severity, i) => {
      const finding = loaded.findings[i]!;
      assert.equal(finding.rule, "config");
      assert.match(finding.message, new RegExp(`is not a severity: did you mean "${severity}"\\?`));
      assert.equal(finding.fixes?.[0]?.edits[0]?.newText, severity);
      assert.equal(finding.fixes?.[0]?.safe, true);
    });
    const unknown = parseConfigText("rules:\n  schema: loud\n", "/x/.partner-charter.yaml").findings[0]!;
    assert.doesNotMatch(unknown.message, /did you mean/);
    assert.equal(unknown.fixes, undefined);
  });

  it("validates rule ids, severities and options against the rule metadata, located in the file", () => {
    const text = [
      "rules:",
      "  schema: warning",
      "  shcema: off",
      "  yaml-syntax: loud",
      "  duplicate-id: { severity: info, colour: red }",
      "frobnicate: 1",
      "",
    ].join("\n");
    const loaded = parseConfigText(text, "/x/.partner-charter.yaml");
    const found = loaded.findings.map(
      (f) => `${f.rule}@${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}`,
    );
    assert.equal(found.length, 4, found.join("\n"));
    assert.match(found[0]!, /^config@3:3 Unknown rule "shcema". Did you mean "schema"\?/);
    assert.match(found[1]!, /^config@4:16 .*"loud" is not a severity.*off, error, warning, info, hint/);
    assert.match(found[2]!, /^config@5:35 Rule "duplicate-id" has no option "colour"/);
    assert.match(found[3]!, /^config@6:1 Unknown key "frobnicate"/);
    assert.deepEqual(loaded.rules.schema, { severity: "warning", options: {} });
    assert.equal(loaded.rules["duplicate-id"]?.severity, "info");
  });

  it("a severity override applies; off removes the rule's findings", () => {
    const warn = checkCharter(TYPO, { today: TEST_TODAY, rules: { schema: { severity: "warning", options: {} } } });
    assert.deepEqual(
      warn.findings.map((f) => `${f.rule}:${f.severity}`),
      ["schema:warning"],
    );
    const off = checkCharter(TYPO, { today: TEST_TODAY, rules: { schema: { severity: "off", options: {} } } });
    assert.deepEqual(off.findings, []);
  });

  it("the file has precedence over editor settings, per rule and per option", () => {
    const settings = validateRulesConfig({ schema: "info", "duplicate-id": "off" }).config;
    const file = validateRulesConfig({ schema: "warning" }).config;
    const merged = mergeRulesConfigs(settings, file);
    assert.equal(merged.schema?.severity, "warning");
    assert.equal(merged["duplicate-id"]?.severity, "off");
  });

  it("is discovered from the charter's folder upward, and a broken config is reported, not fatal", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pc-config-"));
    try {
      fs.mkdirSync(path.join(dir, "team", "deep"), { recursive: true });
      fs.writeFileSync(path.join(dir, ".partner-charter.yaml"), "rules:\n  schema: off\n");
      const charter = path.join(dir, "team", "deep", "a.partner.yaml");
      fs.writeFileSync(charter, TYPO);
      assert.equal(findConfigFile(charter, dir), path.join(dir, ".partner-charter.yaml"));
      assert.deepEqual(checkFiles([charter], { today: TEST_TODAY, root: dir }).charters[0]!.result.findings, []);

      fs.writeFileSync(path.join(dir, "team", ".partner-charter.yaml"), "rules: [oops\n");
      const result = checkFiles([charter], { today: TEST_TODAY, root: dir });
      assert.equal(result.configs[0]!.file, path.join(dir, "team", ".partner-charter.yaml"));
      assert.equal(result.configs[0]!.findings[0]!.rule, "config");
      assert.deepEqual(
        result.charters[0]!.result.findings.map((f) => f.rule),
        ["schema"],
        "the nearest config is used even when broken, so the charter falls back to defaults",
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("suppressed findings are counted, with their reasons kept in the comments", () => {
    const text = TYPO.replace(
      "tier: strategc",
      "# partner-charter-disable-next-line schema -- typo is on purpose\ntier: strategc",
    );
    const result = checkCharter(text, { today: TEST_TODAY });
    assert.deepEqual(result.findings, []);
    assert.equal(result.suppressed.length, 1);
    assert.equal(result.suppressed[0]!.rule, "schema");
  });
});
