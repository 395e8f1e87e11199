import * as assert from "node:assert/strict";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parse } from "yaml";
import { changedSince, FileChangedError, readFileForRewrite, writeFileAtomic } from "../../cli/src/write-file";
import { charterDigest } from "../../core/src";
import { CLI, FIXTURES, TEST_TODAY } from "../support/paths";
import { runCli, runCliWithFileSizeLimit } from "../support/run-cli";

/** `partner-charter sign` as a subprocess, on temporary copies (CLI.md; run `node scripts/build.mjs` first). */

const EXAMPLE = fs.readFileSync(path.join(FIXTURES, "structure", "format-md-example.partner.yaml"), "utf8");
const SIGNATURE_LINES = /^signatures:\n[\s\S]*$/m;

/** The example, proposed (so it needs no signature yet) and signed in block style with comments everywhere. */
const COMMENTED = EXAMPLE.replace("status: active", "status: proposed # until both sides sign")
  .replace("tier: strategic", "# Tier 3: see the tiering memo\ntier: strategic # marquee logo")
  .replace("  crawl:\n", "  crawl: # pilot with two MSPs\n")
  .replace(
    SIGNATURE_LINES,
    [
      "# Signed at the kickoff.",
      "signatures:",
      "  # our side",
      "  - party: us",
      "    name: Priya Shah",
      "    title: Head of Partnerships",
      "    date: 2025-12-15 # at the offsite",
      "  # the partner signs after legal review",
      "",
      "# end of charter",
      "",
    ].join("\n"),
  );

interface JsonReport {
  files: { diagnostics: { rule: string; severity: string; line: number; column: number; message: string }[] }[];
}

describe("partner-charter sign", () => {
  let dir: string;

  before(function () {
    const help = runCli(["--help"]);
    assert.ok(
      fs.existsSync(CLI) && /\bsign\b/.test(help.stdout),
      "dist/cli.js is missing or stale: run node scripts/build.mjs",
    );
  });
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "pc-sign-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, text: string): string => {
    fs.writeFileSync(path.join(dir, name), text);
    return name;
  };
  const read = (name: string): string => fs.readFileSync(path.join(dir, name), "utf8");
  const sign = (...args: string[]) => runCli(["sign", ...args, "--today", TEST_TODAY], { cwd: dir });
  const check = (name: string): JsonReport["files"][number]["diagnostics"] => {
    const run = runCli(["check", name, "--format", "json", "--today", TEST_TODAY], { cwd: dir });
    return (JSON.parse(run.stdout) as JsonReport).files[0]!.diagnostics;
  };
  /** Lines of `after` that are not in `before` (a multiset difference, enough for these edits). */
  const addedLines = (before: string, after: string): string[] => {
    const pool = before.split("\n");
    return after.split("\n").filter((line) => {
      const index = pool.indexOf(line);
      if (index < 0) return true;
      pool.splice(index, 1);
      return false;
    });
  };

  it("replaces a party's signature in place, with today's date and the current digest; nothing else changes", () => {
    const file = write("acme.partner.yaml", EXAMPLE);
    const digest = charterDigest(parse(EXAMPLE));
    const run = sign(file, "--party", "partner", "--name", "Tom Lee", "--title", "Alliances Director");
    assert.equal(run.status, 0, run.stderr);
    assert.equal(
      run.stdout,
      `Signed acme.partner.yaml for partner (Tom Lee), digest ${digest}; it replaces Tom Lee's signature of 2025-12-18.\n`,
    );
    assert.equal(run.stderr, "");
    const after = read(file);
    assert.equal(
      after,
      EXAMPLE.replace(
        "  - { party: partner, name: Tom Lee, title: Alliances Director, date: 2025-12-18 }",
        `  - { party: partner, name: Tom Lee, title: Alliances Director, date: ${TEST_TODAY}, digest: ${digest} }`,
      ),
      "only the partner's signature line changed, byte for byte",
    );
  });

  it("replacing keeps one signature per party; --date sets the date; the title is kept for the same signer", () => {
    const file = write("acme.partner.yaml", EXAMPLE);
    assert.equal(sign(file, "--party", "us", "--name", "Priya Shah").status, 0);
    assert.equal(sign(file, "--party", "us", "--name", "Priya Shah", "--date", "2026-11-20").status, 0);
    const signatures = (parse(read(file)) as { signatures: Record<string, string>[] }).signatures;
    assert.deepEqual(
      signatures.map((s) => [s.party, s.name, s.title, s.date]),
      [
        ["us", "Priya Shah", "Head of Partnerships", "2026-11-20"],
        ["partner", "Tom Lee", "Alliances Director", "2025-12-18"],
      ],
    );
  });

  it("keeps comments and layout: a block-style list gets a block-style item, every other line untouched", () => {
    const file = write("commented.partner.yaml", COMMENTED);
    const run = sign(file, "--party", "partner", "--name", "Tom Lee", "--date", "2026-11-23");
    assert.equal(run.status, 0, run.stderr);
    const after = read(file);
    for (const comment of COMMENTED.split("\n").filter((line) => line.includes("#"))) {
      assert.ok(after.includes(comment), `comment kept: ${comment}`);
    }
    const digest = charterDigest(parse(COMMENTED));
    assert.deepEqual(addedLines(COMMENTED, after), [
      "  - party: partner",
      "    name: Tom Lee",
      "    date: 2026-11-23",
      `    digest: ${digest}`,
    ]);
    assert.deepEqual(addedLines(after, COMMENTED), [], "no line was removed or rewritten");
    assert.ok(
      after.includes(`    date: 2025-12-15 # at the offsite\n  - party: partner\n`),
      "the new item follows the last one",
    );
  });

  it("the signed charter passes check; a later change makes check report signature-outdated on the digest", () => {
    const file = write("acme.partner.yaml", EXAMPLE);
    assert.equal(sign(file, "--party", "us", "--name", "Priya Shah").status, 0);
    assert.equal(sign(file, "--party", "partner", "--name", "Tom Lee").status, 0);
    assert.deepEqual(check(file), [], "signed by both with the current digest: clean");

    // Comments, status and updated are not part of what was signed.
    write(file, read(file).replace("status: active", "status: active # renewed").replace("2026-11-02", "2026-11-20"));
    assert.deepEqual(check(file), []);

    const changed = read(file).replace("value: 300000, unit: USD", "value: 250000, unit: USD");
    write(file, changed);
    const findings = check(file);
    const lines = changed.split("\n");
    const expected = ["party: us", "party: partner"].map((party) => {
      const index = lines.findIndex((line) => line.includes(party));
      return { line: index + 1, column: lines[index]!.indexOf("sha256:") + 1 };
    });
    assert.deepEqual(
      findings.map((f) => ({ rule: f.rule, severity: f.severity, line: f.line, column: f.column })),
      expected.map((at) => ({ rule: "signature-outdated", severity: "error", ...at })),
    );
    const current = charterDigest(parse(changed));
    assert.ok(findings[0]!.message.includes(current), "the message gives the current digest");
  });

  it("can sign a charter whose only errors are missing or outdated signatures", () => {
    const unsigned = EXAMPLE.replace(/^ {2}- \{ party: partner.*\n/m, "");
    const file = write("half.partner.yaml", unsigned);
    assert.deepEqual(
      check(file).map((f) => f.rule),
      ["signatures"],
    );
    const run = sign(file, "--party", "partner", "--name", "Tom Lee");
    assert.equal(run.status, 0, run.stderr);
    // Our signature has no digest yet, so nothing is outdated; the partner's is current.
    assert.deepEqual(check(file), []);
  });

  it("adds a signatures section when there is none, keeping CRLF line ends", () => {
    const text = EXAMPLE.replace("status: active", "status: proposed")
      .replace(SIGNATURE_LINES, "")
      .replace(/\n/g, "\r\n");
    const file = write("crlf.partner.yaml", text);
    const run = sign(file, "--party", "us", "--name", "Priya Shah");
    assert.equal(run.status, 0, run.stderr);
    const after = read(file);
    assert.ok(after.startsWith(text), "the existing text is untouched");
    assert.equal(
      after.slice(text.length),
      `signatures:\r\n  - { party: us, name: Priya Shah, date: ${TEST_TODAY}, digest: ${charterDigest(parse(text))} }\r\n`,
    );
  });

  it("refuses a charter with errors (exit 1), listing them, and leaves the file untouched", () => {
    const broken = EXAMPLE.replace("tier: strategic", "tier: strategc").replace(
      /^ {2}exitCriteria:\n(?: {4}- .*\n)+/m,
      "",
    );
    const file = write("broken.partner.yaml", broken);
    const run = sign(file, "--party", "us", "--name", "Priya Shah");
    assert.equal(run.status, 1);
    assert.equal(run.stdout, "");
    assert.match(run.stderr, /refusing to sign broken\.partner\.yaml: it has 2 errors/);
    assert.match(run.stderr, /13:7 +schema /);
    assert.match(run.stderr, /exit-criteria/);
    assert.equal(read(file), broken);
  });

  it("usage problems exit 2 with one line on stderr and no stack trace", () => {
    write("acme.partner.yaml", EXAMPLE);
    const cases: [string[], RegExp][] = [
      [["acme.partner.yaml", "--name", "X"], /--party is required/],
      [["acme.partner.yaml", "--party", "them", "--name", "X"], /--party must be "us" or "partner"/],
      [["acme.partner.yaml", "--party", "us"], /--name is required/],
      [["missing.partner.yaml", "--party", "us", "--name", "X"], /file not found: "missing\.partner\.yaml"/],
      [["--party", "us", "--name", "X"], /name the charter to sign/],
      [["acme.partner.yaml", "--party", "us", "--name", "X", "--date", "2026-02-30"], /--date must be a date/],
      [["acme.partner.yaml", "--party", "us", "--name", "X", "--colour"], /Unknown option '--colour'/],
    ];
    for (const [args, message] of cases) {
      const run = sign(...args);
      assert.equal(run.status, 2, `${args.join(" ")}: ${run.stderr}`);
      assert.equal(run.stdout, "");
      assert.match(run.stderr, message);
      assert.equal(run.stderr.trimEnd().split("\n").length, 1, run.stderr);
      assert.doesNotMatch(run.stderr, /\n\s+at /);
    }
    assert.equal(read("acme.partner.yaml"), EXAMPLE);
  });

  it("re-signing a block entry rewrites only what changes: its comments stay, a new title goes after the name", () => {
    const file = write("commented.partner.yaml", COMMENTED);
    const run = sign(
      file,
      "--party",
      "us",
      "--name",
      "Priya Shah",
      "--title",
      "VP Partnerships",
      "--date",
      "2026-11-23",
    );
    assert.equal(run.status, 0, run.stderr);
    const digest = charterDigest(parse(COMMENTED));
    const after = read(file);
    assert.ok(
      after.includes(
        [
          "  # our side",
          "  - party: us",
          "    name: Priya Shah",
          "    title: VP Partnerships",
          "    date: 2026-11-23 # at the offsite",
          `    digest: ${digest}`,
          "  # the partner signs after legal review",
        ].join("\n"),
      ),
      after,
    );
    // Another signer for the same party (--replace): the previous signer's title goes with them.
    assert.equal(sign(file, "--party", "us", "--name", "Dana Ortiz", "--date", "2026-11-24", "--replace").status, 0);
    const signatures = (parse(read(file)) as { signatures: Record<string, string>[] }).signatures;
    assert.deepEqual(signatures, [{ party: "us", name: "Dana Ortiz", date: "2026-11-24", digest }]);
    assert.ok(read(file).includes("    date: 2026-11-24 # at the offsite\n"), "the comment on the date stays");
  });

  it("writes atomically: the file keeps its mode and no temporary file is left beside it", () => {
    const file = write("acme.partner.yaml", EXAMPLE);
    fs.chmodSync(path.join(dir, file), 0o640);
    assert.equal(sign(file, "--party", "us", "--name", "Priya Shah").status, 0);
    assert.equal(fs.statSync(path.join(dir, file)).mode & 0o777, 0o640);
    assert.deepEqual(fs.readdirSync(dir), [file]);
  });

  it("adds to a flow list, an empty list, or a charter whose last lines are comments", () => {
    const base = EXAMPLE.replace("status: active", "status: proposed");
    const cases: [string, string, string][] = [
      ["flow", "signatures: [{ party: us, name: A B, date: 2025-01-01 }] # kept\n", "] # kept"],
      ["empty", "signatures: []\n", "signatures: [{ party: partner"],
      ["absent", "# the end\n", "\n  - { party: partner"],
    ];
    for (const [name, tail, expected] of cases) {
      const text = base.replace(SIGNATURE_LINES, tail);
      const file = write(`${name}.partner.yaml`, text);
      const run = sign(file, "--party", "partner", "--name", "Tom Lee");
      assert.equal(run.status, 0, `${name}: ${run.stderr}`);
      const after = read(file);
      assert.ok(after.includes(expected), `${name}:\n${after}`);
      assert.ok(after.includes("# the end") || name !== "absent", "trailing comments stay");
      const signatures = (parse(after) as { signatures: Record<string, string>[] }).signatures;
      assert.deepEqual(signatures.at(-1), {
        party: "partner",
        name: "Tom Lee",
        date: TEST_TODAY,
        digest: charterDigest(parse(text)),
      });
    }
  });

  it("a failed write leaves the charter whole: over a file size limit it exits 2 and nothing changed", () => {
    const file = write("acme.partner.yaml", EXAMPLE);
    // The reproducer: a shell whose file size limit (1 KB) is below the charter's size.
    const run = runCliWithFileSizeLimit(1, ["sign", file, "--party", "us", "--name", "X", "--replace"], { cwd: dir });
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /^partner-charter: sign: cannot write "acme\.partner\.yaml": EFBIG\.\n$/);
    assert.equal(read(file), EXAMPLE);
    assert.deepEqual(fs.readdirSync(dir), [file], "no temporary file is left behind");
  });

  it("another person's signature for the party: refused unless --replace, which then says whose, of which date", () => {
    const file = write("acme.partner.yaml", EXAMPLE);
    const refused = sign(file, "--party", "us", "--name", "Dana Ortiz");
    assert.equal(refused.status, 1);
    assert.equal(
      refused.stderr,
      "partner-charter: refusing to sign acme.partner.yaml for us: it carries Priya Shah's signature of 2025-12-15. Add --replace to replace it.\n",
    );
    assert.equal(read(file), EXAMPLE);
    const replaced = sign(file, "--party", "us", "--name", "Dana Ortiz", "--replace");
    assert.equal(replaced.status, 0, replaced.stderr);
    assert.match(
      replaced.stdout,
      /for us \(Dana Ortiz\), digest sha256:[0-9a-f]{64}; it replaces Priya Shah's signature of 2025-12-15\.\n$/,
    );
    // The same person again (however they spell the case and spaces) needs no --replace.
    const again = sign(file, "--party", "us", "--name", "dana  ortiz", "--date", "2026-11-25");
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /it replaces Dana Ortiz's signature of 2026-11-24\.\n$/);
  });

  it("keeps the comments inside the signature entry it replaces, block or flow, whatever entry goes", () => {
    const base = EXAMPLE.replace("status: active", "status: proposed");
    const block = [
      "signatures:",
      "  - title: Head of Partnerships # their title at the time",
      "    party: us   # our side",
      "    # a comment line inside the item",
      "    name: Priya Shah",
      "    date: 2025-12-15 # signed in Paris",
      "",
    ].join("\n");
    const file = write("block.partner.yaml", base.replace(SIGNATURE_LINES, block));
    assert.equal(sign(file, "--party", "us", "--name", "Dana Ortiz", "--replace").status, 0);
    const digest = charterDigest(parse(base));
    assert.ok(
      read(file).endsWith(
        [
          "signatures:",
          "  - party: us   # our side",
          "    # a comment line inside the item",
          "    name: Dana Ortiz",
          `    date: ${TEST_TODAY} # signed in Paris`,
          `    digest: ${digest}`,
          "",
        ].join("\n"),
      ),
      read(file),
    );
    const flow = [
      "signatures:",
      "  - { party: us,   # our side",
      "      name: Priya Shah, title: Head of Partnerships,",
      "      date: 2025-12-15 }  # signed in Paris",
      "",
    ].join("\n");
    const flowFile = write("flow.partner.yaml", base.replace(SIGNATURE_LINES, flow));
    assert.equal(sign(flowFile, "--party", "us", "--name", "Dana Ortiz", "--replace").status, 0);
    assert.ok(
      read(flowFile).endsWith(
        [
          "signatures:",
          "  - { party: us,   # our side",
          "      name: Dana Ortiz,",
          `      date: ${TEST_TODAY}, digest: ${digest} }  # signed in Paris`,
          "",
        ].join("\n"),
      ),
      read(flowFile),
    );
  });

  it("refuses when the file changes on disk between its read and its write, leaving the other writer's text", async function () {
    if (!fs.existsSync("/proc/self/fd")) this.skip(); // the race is forced through Linux's /proc
    this.timeout(120_000);
    // A charter large enough that checking it takes a while: the window in which another
    // program (an editor saving, a git checkout) writes the file.
    const big = `${EXAMPLE.replace("status: active", "status: proposed").replace(SIGNATURE_LINES, "")}tags:\n${Array.from(
      { length: 40_000 },
      (_, i) => `  - tag-${i}\n`,
    ).join("")}`;
    const file = path.join(dir, write("big.partner.yaml", big));
    const child = spawn(process.execPath, [CLI, "sign", file, "--party", "us", "--name", "X", "--today", TEST_TODAY], {
      cwd: dir,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    // sign holds the charter open from its read to its write: once /proc shows it open with its
    // offset at the end of the file, the read is done (stopped earlier, it would read the other
    // writer's text halfway). Stop it there, let another writer save the file, and let it go on.
    const size = Buffer.byteLength(big);
    const holdsFile = (): boolean => {
      try {
        return fs.readdirSync(`/proc/${child.pid}/fd`).some((fd) => {
          try {
            if (fs.readlinkSync(`/proc/${child.pid}/fd/${fd}`) !== file) return false;
            const position = /^pos:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${child.pid}/fdinfo/${fd}`, "utf8"));
            return position !== null && Number(position[1]) >= size;
          } catch {
            return false;
          }
        });
      } catch {
        return false;
      }
    };
    while (!holdsFile()) {
      if (child.exitCode !== null) assert.fail(`sign finished before the file could be changed: ${stdout}${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    child.kill("SIGSTOP");
    const theirs = big.replace("title: ", "title: Edited elsewhere — ");
    fs.writeFileSync(file, theirs);
    child.kill("SIGCONT");
    assert.equal(await exited, 2, stderr);
    assert.match(
      stderr,
      /^partner-charter: sign: big\.partner\.yaml changed on disk while it was being signed \(it was changed\); nothing was written\. Sign it again\.\n$/,
    );
    assert.equal(stdout, "");
    assert.equal(fs.readFileSync(file, "utf8"), theirs, "the other writer's text stays");
    assert.deepEqual(fs.readdirSync(dir), ["big.partner.yaml"], "no temporary file is left behind");
  });

  it("a charter replaced by another file (a rename, as editors save) is noticed too", () => {
    // The comparison itself, through the write helper: same bytes, another file.
    const file = path.join(dir, write("acme.partner.yaml", EXAMPLE));
    const read = readFileForRewrite(file, 1024 * 1024);
    assert.ok(!("ok" in read));
    try {
      assert.equal(changedSince(read), undefined);
      fs.writeFileSync(`${file}.new`, EXAMPLE);
      fs.renameSync(`${file}.new`, file);
      assert.equal(changedSince(read), "another file took its place");
      assert.throws(() => writeFileAtomic(file, "signed", { unchangedSince: read }), FileChangedError);
      assert.equal(fs.readFileSync(file, "utf8"), EXAMPLE);
    } finally {
      read.close();
    }
  });
});
