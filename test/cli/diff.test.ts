import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { charterDigest } from "../../core/src";
import { assertUsageError, expectGolden, GOLDEN, TempDir } from "./helpers";

/**
 * `partner-charter diff BASE HEAD` (CLI.md): golden Markdown for one pair of charters per kind
 * of change (test/golden/diff/<case>/), the text and JSON formats, and git:REV:PATH.
 */

const CASES = path.join(GOLDEN, "diff");
const DIGEST_PLACEHOLDER = "{{BASE_DIGEST}}";

function caseFiles(name: string): { base: string; head: string } {
  const read = (side: string) => fs.readFileSync(path.join(CASES, name, `${side}.partner.yaml`), "utf8");
  let base = read("base");
  let head = read("head");
  if (base.includes(DIGEST_PLACEHOLDER)) {
    // The signatures signed BASE: their digest is BASE's own, computed here.
    const digest = charterDigest(parse(base));
    base = base.replaceAll(DIGEST_PLACEHOLDER, digest);
    head = head.replaceAll(DIGEST_PLACEHOLDER, digest);
  }
  return { base, head };
}

describe("partner-charter diff", () => {
  let temp: TempDir;
  beforeEach(() => (temp = new TempDir()));
  afterEach(() => temp.remove());

  const diff = (name: string, format: string[] = ["--format", "markdown"]) => {
    const { base, head } = caseFiles(name);
    temp.write(`${name}/base.partner.yaml`, base);
    temp.write(`${name}/head.partner.yaml`, head);
    return temp.cli(["diff", `${name}/base.partner.yaml`, `${name}/head.partner.yaml`, ...format]);
  };

  const cases: [string, RegExp[]][] = [
    [
      "commitments",
      [
        /^#### Commitments$/m,
        /- Partner: spend USD 300,000 → USD 150,000 \(MSP enablement fund; down by USD 150,000\)/,
        /- Partner: removed support/,
        /- Us: added co-marketing/,
      ],
    ],
    [
      "tier-leverage",
      [/Tier: Tier 3 · Strategic → Tier 2 · Partnership \(down a tier\)/, /weaker on the strength scale/],
    ],
    ["phase-dates", [/Crawl start: 2026-01-05 → 2026-01-12 \(7 days later\)/, /Run start: .*\(7 days later\)/]],
    ["go-no-go", [/improvement 25% → 20% \(bar lowered\)/, /“support tickets per MSP” added/]],
    ["exit-criteria", [/^#### Exit criteria$/m, /Removed: “either side misses two QBRs in a row”/]],
    ["signature-outdated", [/^#### Signatures$/m, /Priya Shah \(us, signed 2025-12-15\) signed the base version/]],
    [
      "findings",
      [
        /Introduced: \*\*error\*\* `schema` \(line \d+\): measurement.reviewCadence must be one of .*, not "fortnightly"/,
        /Fixed: \*\*error\*\* `schema`/,
      ],
    ],
    ["no-change", [/^No changes a reviewer needs to see\.$/m]],
  ];

  for (const [name, patterns] of cases) {
    it(`${name}: markdown as the golden file`, () => {
      const run = diff(name);
      assert.equal(run.status, 0, run.stderr);
      expectGolden(run.stdout, `diff/${name}/expected.md`);
      for (const pattern of patterns) assert.match(run.stdout, pattern);
    });
  }

  it("shows only non-empty sections", () => {
    const run = diff("exit-criteria");
    assert.deepEqual(run.stdout.match(/^#### .*$/gm), ["#### Exit criteria"]);
  });

  it("text is the default format", () => {
    const run = diff("commitments", []);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^Charter changes: commitments\/base\.partner\.yaml → commitments\/head\.partner\.yaml$/m);
    assert.match(run.stdout, /^Commitments:\n {2}- Us: added co-marketing/m);
    assert.match(run.stdout, / {2}- Partner: spend USD 300,000 → USD 150,000/);
  });

  it("--format json is structured", () => {
    const run = diff("signature-outdated", ["--format", "json"]);
    assert.equal(run.status, 0, run.stderr);
    const json = JSON.parse(run.stdout);
    assert.equal(json.version, 1);
    assert.notEqual(json.base.digest, json.head.digest);
    assert.deepEqual(
      json.signatures.invalidated.map((s: { name: string }) => s.name),
      ["Priya Shah", "Tom Lee"],
    );
    const commitments = JSON.parse(diff("commitments", ["--format", "json"]).stdout).commitments;
    assert.deepEqual(
      commitments.find((c: { change: string }) => c.change === "changed"),
      {
        side: "partner",
        change: "changed",
        from: { type: "spend", detail: "MSP enablement fund", amount: { value: 300000, unit: "USD" } },
        to: { type: "spend", detail: "MSP enablement fund", amount: { value: 150000, unit: "USD" } },
        amountDelta: -150000,
      },
    );
  });

  it("a signature re-signed for HEAD is not reported as invalidated", () => {
    const { base, head } = caseFiles("signature-outdated");
    const digest = charterDigest(parse(head));
    const resigned = head.replace(/digest: "sha256:[0-9a-f]+"/g, `digest: "${digest}"`);
    temp.write("base.partner.yaml", base);
    temp.write("head.partner.yaml", resigned);
    const json = JSON.parse(temp.cli(["diff", "base.partner.yaml", "head.partner.yaml", "--format", "json"]).stdout);
    assert.deepEqual(json.signatures.invalidated, []);
  });

  describe("git:REV:PATH", () => {
    const git = (cwd: string, ...args: string[]) =>
      execFileSync("git", args, {
        cwd,
        encoding: "utf8",
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: "Test",
          GIT_AUTHOR_EMAIL: "test@example.invalid",
          GIT_COMMITTER_NAME: "Test",
          GIT_COMMITTER_EMAIL: "test@example.invalid",
          GIT_CONFIG_GLOBAL: "/dev/null",
          GIT_CONFIG_NOSYSTEM: "1",
        },
      });

    it("reads BASE from a revision of the current repository", () => {
      const { base, head } = caseFiles("commitments");
      temp.write("partners/acme.partner.yaml", base);
      git(temp.dir, "init", "--quiet", "--initial-branch=main");
      git(temp.dir, "add", ".");
      git(temp.dir, "commit", "--quiet", "-m", "base");
      temp.write("partners/acme.partner.yaml", head);
      const run = temp.cli([
        "diff",
        "git:HEAD:partners/acme.partner.yaml",
        "partners/acme.partner.yaml",
        "--format",
        "markdown",
      ]);
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, /^### Charter changes: `partners\/acme\.partner\.yaml`$/m);
      assert.match(run.stdout, /Compared with `git:HEAD:partners\/acme\.partner\.yaml`\./);
      assert.match(run.stdout, /Partner: spend USD 300,000 → USD 150,000/);

      // From a subfolder: PATH is relative to the repository root, or ./ for the current folder.
      const sub = path.join(temp.dir, "partners");
      const fromSub = (args: string[]) =>
        execFileSync(process.execPath, [path.join(__dirname, "..", "..", "dist", "cli.js"), "diff", ...args], {
          cwd: sub,
          encoding: "utf8",
        });
      assert.match(fromSub(["git:main:partners/acme.partner.yaml", "acme.partner.yaml"]), /USD 150,000/);
      assert.match(fromSub(["git:main:./acme.partner.yaml", "acme.partner.yaml"]), /USD 150,000/);

      assertUsageError(
        temp.cli(["diff", "git:no-such-rev:partners/acme.partner.yaml", "partners/acme.partner.yaml"]),
        /Cannot read "git:no-such-rev:partners\/acme\.partner\.yaml": "no-such-rev" is not a revision of this repository/,
      );
      assertUsageError(
        temp.cli(["diff", "partners/acme.partner.yaml", "git:HEAD:partners/missing.partner.yaml"]),
        /Cannot read "git:HEAD:partners\/missing\.partner\.yaml": partners\/missing\.partner\.yaml does not exist at HEAD/,
      );
    });

    it("a BASE that does not exist at REV shows HEAD as a new charter", () => {
      temp.write("old.partner.yaml", caseFiles("commitments").base);
      git(temp.dir, "init", "--quiet", "--initial-branch=main");
      git(temp.dir, "add", ".");
      git(temp.dir, "commit", "--quiet", "-m", "base");
      temp.write("new.partner.yaml", caseFiles("commitments").head);
      const run = temp.cli(["diff", "git:HEAD:new.partner.yaml", "new.partner.yaml"]);
      assert.equal(run.status, 0, run.stderr);
      assert.match(
        run.stdout,
        /^New charter: new\.partner\.yaml\n\ngit:HEAD:new\.partner\.yaml does not exist: this is a new charter/,
      );
      assert.match(run.stdout, /Partner: added spend, USD 150,000/);
      assert.match(run.stdout, /Crawl phase added/);
      assert.doesNotMatch(run.stdout, /Other changes|could not be read/);
      const json = JSON.parse(
        temp.cli(["diff", "git:HEAD:new.partner.yaml", "new.partner.yaml", "--format", "json"]).stdout,
      );
      assert.equal(json.base.missing, true);
      const md = temp.cli(["diff", "git:HEAD:new.partner.yaml", "new.partner.yaml", "--format", "markdown"]).stdout;
      assert.match(md, /^### New charter: `new\.partner\.yaml`/);
      // A plain BASE file that does not exist reads the same way.
      assert.match(
        temp.cli(["diff", "gone.partner.yaml", "new.partner.yaml"]).stdout,
        /^New charter: new\.partner\.yaml/,
      );
    });

    it("REV is checked to be a revision, never passed on as an option", () => {
      temp.write("a.partner.yaml", caseFiles("commitments").base);
      git(temp.dir, "init", "--quiet", "--initial-branch=main");
      git(temp.dir, "add", ".");
      git(temp.dir, "commit", "--quiet", "-m", "base");
      fs.mkdirSync(path.join(temp.dir, "out"));
      for (const rev of ["--output=out/PWNED", "--output=out/PWNED2 HEAD", "-p"]) {
        assertUsageError(
          temp.cli(["diff", `git:${rev}:a.partner.yaml`, "a.partner.yaml"]),
          /is not a revision of this repository/,
        );
      }
      assert.deepEqual(fs.readdirSync(path.join(temp.dir, "out")), [], "no file written by git");
    });

    it("outside a repository: a clear error", () => {
      temp.write("a.partner.yaml", caseFiles("commitments").base);
      assertUsageError(
        temp.cli(["diff", "git:HEAD:a.partner.yaml", "a.partner.yaml"]),
        /Cannot read "git:HEAD:a\.partner\.yaml"/,
      );
    });
  });
});
