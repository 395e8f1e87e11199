import * as assert from "node:assert/strict";
import * as path from "node:path";
import { parseDocument } from "yaml";
import { checkCharter, checkFiles, parseConfigText, RULES, type AnyRule, type Finding } from "../core/src";
import { BASES, mergeIntoBase, readBase } from "./support/fixture-charter";
import { TEST_TODAY } from "./support/paths";

/**
 * Every rule's documentation examples (`meta.examples`, shown on docs/rules/<id>.md) are run:
 * the failing excerpt yields at least one finding of the rule, the passing one none. An excerpt
 * shows whole sections, so each top-level key it has replaces that section of the base charter
 * (test/fixtures/bases/strategic.partner.yaml, the spliced charter as the fixtures build it);
 * `# today:` in an excerpt fixes the date. Three excerpts are not charter sections, and are
 * checked where a user would meet them:
 * - `config`'s excerpts are `.partner-charter.yaml` files;
 * - `duplicate-id`'s excerpts are two charters, each under a `# NAME.partner.yaml` line, and
 *   the program rules' excerpts a program file under a `# NAME.partner-program.yaml` line
 *   (checked as it is), with the charters of the program, if any, in the same folder;
 * - an excerpt that is not valid YAML (a `yaml-syntax` example) is checked as it is.
 */

const BASE = readBase("strategic");
const FILE_HEADER = /^# ([\w.-]+\.partner(?:-program)?\.yaml)$/;

/**
 * Examples that do not show what they claim, with the reason: the docs of these rules need a
 * better excerpt. The test fails once one behaves, so that this list stays current.
 */
const MISBEHAVING = new Map<string, string>([
  [
    "recurring-touchpoints failing",
    "the base's phases.run.reviewCadence (quarterly) is a recurring review; the excerpt only drops measurement.reviewCadence",
  ],
  [
    "signature-outdated failing",
    "the placeholder digest `sha256:<digest of an earlier version>` is a schema error, which keeps the rule from running",
  ],
]);

function todayOf(excerpt: string): string {
  return /^#\s*today:\s*(\d{4}-\d{2}-\d{2})\s*$/m.exec(excerpt)?.[1] ?? TEST_TODAY;
}

function findingsOf(rule: AnyRule, excerpt: string): Finding[] {
  const today = todayOf(excerpt);
  if (rule.meta.id === "config") {
    return parseConfigText(excerpt, path.join(BASES, ".partner-charter.yaml")).findings;
  }
  const parts = excerpt
    .split(/^(?=# [\w.-]+\.partner(?:-program)?\.yaml$)/m)
    .filter((part) => FILE_HEADER.test(part.split("\n")[0]!));
  if (parts.length > 1 || (parts[0]?.startsWith("# ") === true && /-program\.yaml$/.test(parts[0].split("\n")[0]!))) {
    const overrides = new Map(
      parts.map((part) => {
        const name = FILE_HEADER.exec(part.split("\n")[0]!)![1]!;
        const text = name.endsWith("-program.yaml") ? part : mergeIntoBase(BASE, part, "sections").text;
        return [path.join(BASES, "program", name), text];
      }),
    );
    return checkFiles([...overrides.keys()], { today, root: path.join(BASES, "program"), overrides }).charters.flatMap(
      (charter) => charter.result.findings,
    );
  }
  const text = parseDocument(excerpt).errors.length ? excerpt : mergeIntoBase(BASE, excerpt, "sections").text;
  return checkCharter(text, { today }).findings;
}

describe("rule examples (meta.examples) do what their documentation shows", () => {
  for (const rule of RULES) {
    for (const kind of ["failing", "passing"] as const) {
      const name = `${rule.meta.id} ${kind}`;
      const known = MISBEHAVING.get(name);
      it(`${name}${known ? " (known to misbehave)" : ""}`, () => {
        const all = findingsOf(rule, rule.meta.examples[kind]);
        const own = all.filter((finding) => finding.rule === rule.meta.id);
        const behaves = kind === "failing" ? own.length > 0 : own.length === 0;
        const found = all.map((finding) => `  ${finding.rule}: ${finding.message}`).join("\n") || "  (none)";
        if (known) {
          assert.ok(!behaves, `${name} now behaves: remove it from MISBEHAVING in ${path.basename(__filename)}`);
          return;
        }
        assert.ok(
          behaves,
          `${name}: expected ${kind === "failing" ? `a ${rule.meta.id} finding` : `no ${rule.meta.id} finding`}; found:\n${found}`,
        );
      });
    }
  }
});
