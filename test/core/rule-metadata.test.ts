import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import {
  checkCharter,
  disableForFileEdit,
  disableForLineEdit,
  isSuppressible,
  RULES,
  signingBlockers,
  SIGNING_RULES,
  type Finding,
} from "../../core/src";
import { FIXTURES, TEST_TODAY } from "../support/paths";

/**
 * Decisions that live in rule metadata and core constants, read by every adapter: which rules
 * a suppression comment cannot silence, which findings block signing, and the file's line
 * ends in quick fixes.
 */

const CLEAN = fs.readFileSync(path.join(FIXTURES, "structure", "format-md-example.partner.yaml"), "utf8");

describe("rule metadata and core decisions", () => {
  it("the rules that cannot be suppressed are those whose metadata says so", () => {
    const locked = RULES.filter((rule) => rule.meta.suppressible === false).map((rule) => rule.meta.id);
    assert.deepEqual(locked.sort(), ["config", "signature-outdated", "unused-suppression", "yaml-syntax"]);
    for (const rule of RULES) assert.equal(isSuppressible(rule.meta.id), !locked.includes(rule.meta.id));
  });

  it("suppression comments and the 'disable' code actions both refuse them", () => {
    const broken = `# partner-charter-disable-next-line yaml-syntax\ntitle: "unterminated\n`;
    const rules = checkCharter(broken, { today: TEST_TODAY }).findings.map((finding) => finding.rule);
    assert.ok(rules.includes("yaml-syntax"), rules.join(", "));
    for (const rule of ["yaml-syntax", "config", "unused-suppression", "signature-outdated"]) {
      assert.equal(disableForLineEdit(CLEAN, 3, rule), undefined, rule);
      assert.equal(disableForFileEdit(CLEAN, rule), undefined, rule);
    }
    assert.ok(disableForLineEdit(CLEAN, 3, "exit-criteria"));
    assert.ok(disableForFileEdit(CLEAN, "exit-criteria"));
  });

  it("only errors that signing does not resolve block signing, and every open decision (TODO)", () => {
    const finding = (rule: string, severity: Finding["severity"]): Finding => ({
      rule,
      severity,
      message: rule,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
    });
    assert.deepEqual([...SIGNING_RULES].sort(), ["launch-before-signature", "signature-outdated", "signatures"]);
    const findings = [
      finding("signatures", "error"),
      finding("signature-outdated", "error"),
      finding("launch-before-signature", "error"),
      finding("exit-criteria", "error"),
      finding("phase-duration", "warning"),
      finding("todo-placeholder", "info"),
    ];
    assert.deepEqual(
      signingBlockers(findings).map((f) => f.rule),
      ["exit-criteria", "todo-placeholder"],
    );
  });

  it("quick fixes write the file's own line ends", () => {
    const text = CLEAN.replace("tier: strategic", "tier: partnership")
      .replace("  syncCadence: biweekly\n", "")
      .replace(/\n/g, "\r\n");
    const finding = checkCharter(text, { today: TEST_TODAY }).findings.find(
      (f) => f.rule === "tier-provisions" && f.fixes?.length,
    );
    const newText = finding?.fixes?.[0]?.edits[0]?.newText ?? "";
    assert.match(newText, /syncCadence: biweekly\r\n$/);
    assert.doesNotMatch(newText.replace(/\r\n/g, ""), /\n/);
  });
});
