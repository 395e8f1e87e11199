import * as assert from "node:assert/strict";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse, stringify } from "yaml";
import { canonicalForm, charterDigest } from "../core/src";
import { FIXTURES, REPO_ROOT } from "./support/paths";

/** The signature digest of FORMAT.md ("Signatures"): what changes it and what does not. */

const EXAMPLE = fs.readFileSync(path.join(FIXTURES, "structure", "format-md-example.partner.yaml"), "utf8");

/**
 * The digest of the FORMAT.md example, computed outside this code base: PyYAML (with the
 * YAML 1.1 timestamp resolver removed, so dates stay strings as in the 1.2 core schema),
 * `json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)` without
 * signatures/status/updated and without the progress records (crawl and walk outcome and
 * decidedOn, run roiValidated, launch checklist), SHA-256 of its UTF-8 bytes.
 */
const EXAMPLE_DIGEST = "sha256:e8c548ded8c0fae1393b268a9e2d59f643c00c7f44d48ec46593c485b5d2122e";

/** The progress records FORMAT.md leaves out of the digest: a section and its keys. */
const PROGRESS_RECORDS: [string[], string[]][] = [
  [
    ["phases", "crawl"],
    ["outcome", "decidedOn"],
  ],
  [
    ["phases", "walk"],
    ["outcome", "decidedOn"],
  ],
  [["phases", "run"], ["roiValidated"]],
  [["launch"], ["checklist"]],
];

const digestOf = (text: string): string => charterDigest(parse(text));

function replaceOnce(text: string, from: string | RegExp, to: string): string {
  const changed = text.replace(from, to);
  assert.notEqual(changed, text, `test setup: ${String(from)} not found`);
  return changed;
}

/**
 * FORMAT.md's definition, implemented independently of core/src/digest.ts: keys ordered by
 * their UTF-8 bytes (the same order as code points), JSON for scalars, nothing between tokens.
 */
function independentCanonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(independentCanonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value).sort((a, b) => Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8")));
    return `{${keys.map((key) => `${JSON.stringify(key)}:${independentCanonical((value as Record<string, unknown>)[key])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

function independentDigest(text: string): string {
  const data = parse(text) as Record<string, unknown>;
  const { signatures: _signatures, status: _status, updated: _updated, ...content } = data;
  for (const [section, keys] of PROGRESS_RECORDS) {
    const node = section.reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], content);
    if (node && typeof node === "object") for (const key of keys) delete (node as Record<string, unknown>)[key];
  }
  return `sha256:${createHash("sha256")
    .update(Buffer.from(independentCanonical(content), "utf8"))
    .digest("hex")}`;
}

describe("signature digest", () => {
  const base = digestOf(EXAMPLE);

  it("has the FORMAT.md shape: sha256: and 64 lowercase hex digits", () => {
    assert.match(base, /^sha256:[0-9a-f]{64}$/);
  });

  it("matches the FORMAT.md definition computed independently, for the FORMAT.md example", () => {
    assert.equal(base, independentDigest(EXAMPLE));
    assert.equal(base, EXAMPLE_DIGEST);
  });

  it("the fixture is the FORMAT.md example (when the contract folder is beside the repo)", function () {
    const spec = path.join(REPO_ROOT, "..", "shared", "spec", "FORMAT.md");
    if (!fs.existsSync(spec)) this.skip();
    const block = /## A complete example\s+```yaml\n([\s\S]*?)```/.exec(fs.readFileSync(spec, "utf8"));
    assert.ok(block, "FORMAT.md has its complete example");
    assert.equal(digestOf(block[1]!), EXAMPLE_DIGEST);
  });

  it("the canonical form is compact JSON, keys sorted, non-ASCII kept as is, without signatures/status/updated and progress", () => {
    const form = canonicalForm(parse(EXAMPLE));
    assert.ok(form.startsWith('{"apiVersion":"partner-charter/v1","commitments":{"balanced":true,'), form.slice(0, 80));
    assert.ok(form.includes('"title":"Acme × CloudCo — MSP certification stack"'), "non-ASCII is not escaped");
    assert.ok(!/\s/.test(form.replace(/"(?:[^"\\]|\\.)*"/g, '""')), "no whitespace outside strings");
    for (const key of ['"signatures"', '"status"', '"updated"', '"outcome"', '"decidedOn"', '"roiValidated"']) {
      assert.ok(!form.includes(key), key);
    }
    assert.ok(form.includes('"run":{"reviewCadence":"quarterly","start":"2026-06-08"}'), "the run keeps its terms");
  });

  it("sorts keys by code point at every level, not by UTF-16 unit", () => {
    // U+FF61 sorts before U+1F600 by code point, after it by UTF-16 code unit (0xD83D < 0xFF61).
    const form = canonicalForm({ b: { "\u{1F600}": 1, "\uFF61": 2, a: 3 }, a: [{ z: 1, y: 2 }] });
    assert.equal(form, '{"a":[{"y":2,"z":1}],"b":{"a":3,"\uFF61":2,"\u{1F600}":1}}');
  });

  describe("does not change with", () => {
    const same = (label: string, variant: () => string): void => {
      it(label, () => assert.equal(digestOf(variant()), base));
    };
    same("comments", () =>
      replaceOnce(EXAMPLE, "tier: strategic", "# reviewed with legal\ntier: strategic # Tier 3\n").replace(
        /^phases:$/m,
        "phases: # crawl, walk, run",
      ),
    );
    same("reformatting: another indentation, quoting, blank lines", () =>
      replaceOnce(
        replaceOnce(stringify(parse(EXAMPLE), { indent: 4, lineWidth: 0 }), "name: CloudCo", "name: 'CloudCo'"),
        /^leverage:/m,
        "\n\nleverage:",
      ),
    );
    same("flow instead of block style, and the reverse", () =>
      replaceOnce(
        replaceOnce(
          EXAMPLE,
          "  owners: { us: Priya Shah, partner: Tom Lee }",
          "  owners:\n    partner: Tom Lee\n    us: Priya Shah",
        ),
        "  exitCriteria:\n    - fewer than 40 MSPs live by the end of Q3\n    - either side misses two QBRs in a row",
        "  exitCriteria: [fewer than 40 MSPs live by the end of Q3, either side misses two QBRs in a row]",
      ),
    );
    same("the whole document in flow style", () => stringify(parse(EXAMPLE), { collectionStyle: "flow" }));
    same("key order, top level and nested", () => {
      const data = parse(EXAMPLE) as Record<string, unknown>;
      const reversed = (value: unknown): unknown =>
        Array.isArray(value)
          ? value.map(reversed)
          : value && typeof value === "object"
            ? Object.fromEntries(
                Object.entries(value)
                  .reverse()
                  .map(([k, v]) => [k, reversed(v)]),
              )
            : value;
      return stringify(reversed(data));
    });
    same("a different status", () => replaceOnce(EXAMPLE, "status: active", "status: paused"));
    same("a different updated date, or none", () => replaceOnce(EXAMPLE, "updated: 2026-11-02\n", ""));
    same("recording progress: go/no-go outcomes and their dates, the ROI validation, the launch checklist", () =>
      replaceOnce(
        replaceOnce(
          replaceOnce(EXAMPLE, "    outcome: passed\n    decidedOn: 2026-03-02", "    outcome: pending"),
          "    outcome: passed\n    decidedOn: 2026-06-01",
          "    outcome: failed\n    decidedOn: 2026-06-02",
        ),
        "    roiValidated: true",
        "    roiValidated: false",
      ),
    );
    it("a launch checklist ticked off, once a launch section exists", () => {
      const launch = `${EXAMPLE}launch:\n  date: 2026-12-01\n`;
      const ticked = `${launch}  checklist: { jointValueProp: done, caseStudy: todo }\n`;
      assert.equal(digestOf(ticked), digestOf(launch));
      assert.notEqual(digestOf(launch), base, "the launch date is a term");
    });
    same("signatures added, changed or removed", () =>
      replaceOnce(
        EXAMPLE,
        /^signatures:[\s\S]*$/m,
        "signatures:\n  - { party: us, name: Someone Else, date: 2026-01-01 }\n",
      ),
    );
  });

  describe("changes with any change of meaning:", () => {
    const differs = (label: string, variant: () => string): void => {
      it(label, () => assert.notEqual(digestOf(variant()), base));
    };
    differs("an amount", () => replaceOnce(EXAMPLE, "value: 300000", "value: 300001"));
    differs("the order of list items", () =>
      replaceOnce(
        EXAMPLE,
        "    - fewer than 40 MSPs live by the end of Q3\n    - either side misses two QBRs in a row",
        "    - either side misses two QBRs in a row\n    - fewer than 40 MSPs live by the end of Q3",
      ),
    );
    differs("a date", () => replaceOnce(EXAMPLE, "start: 2026-01-05", "start: 2026-01-06"));
    differs("a go/no-go bar", () => replaceOnce(EXAMPLE, "improvement: 25%", "improvement: 20%"));
    differs("a word of free text", () => replaceOnce(EXAMPLE, "two engineers", "three engineers"));
    differs('a type (the string "120" becomes the number 120)', () =>
      replaceOnce(EXAMPLE, 'target: "120"', "target: 120"),
    );
    differs("a key added", () => replaceOnce(EXAMPLE, "tier: strategic", "tier: strategic\ntags: [msp]"));
    differs("a key named like an excluded one elsewhere (only the listed places are excluded)", () =>
      replaceOnce(EXAMPLE, "    roiValidated: true", "    roiValidated: true\n    outcome: passed"),
    );
    differs(
      "a section that only held progress records: it stays, as an empty section",
      () => `${EXAMPLE}launch:\n  checklist: { jointValueProp: done }\n`,
    );
    differs("the id", () => replaceOnce(EXAMPLE, "id: acme-cloudco-msp", "id: acme-cloudco-msp-2"));
  });
});
