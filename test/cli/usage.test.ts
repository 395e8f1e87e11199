import * as assert from "node:assert/strict";
import { runCli } from "../support/run-cli";
import { assertUsageError, CLEAN, TempDir } from "./helpers";

/** Usage errors of the commands and options of issue 6: exit 2, one line on stderr, no stack. */

describe("usage errors (render, init, diff, check formats)", () => {
  let temp: TempDir;
  before(() => {
    temp = new TempDir();
    temp.write("a.partner.yaml", CLEAN);
  });
  after(() => temp.remove());
  const run = (args: string[]) => runCli(args, { cwd: temp.dir });

  const cases: [string, string[], RegExp][] = [
    ["check: unknown format", ["check", "--format", "xml"], /Unknown format "xml".*sarif, github, junit, markdown/],
    ["check: bad --today", ["check", "--today", "24/11/2026"], /--today must be a date/],
    ["render: missing FILE", ["render"], /missing FILE/],
    ["render: unknown format", ["render", "a.partner.yaml", "--format", "pdf"], /Unknown format/],
    ["render: bad --today", ["render", "a.partner.yaml", "--today", "2026-13-01"], /--today/],
    ["render: unknown option", ["render", "a.partner.yaml", "--colour"], /Unknown option/i],
    ["init: bad --today", ["init", "x.partner.yaml", "--today", "tomorrow"], /--today/],
    ["diff: missing HEAD", ["diff", "a.partner.yaml"], /give BASE and HEAD/],
    ["diff: unknown format", ["diff", "a.partner.yaml", "a.partner.yaml", "--format", "html"], /Unknown format/],
    ["diff: bad --today", ["diff", "a.partner.yaml", "a.partner.yaml", "--today", "2026-02-30"], /--today/],
    ["diff: missing file", ["diff", "a.partner.yaml", "nope.partner.yaml"], /No such file: "nope\.partner\.yaml"/],
    ["diff: malformed git spec", ["diff", "git:HEAD", "a.partner.yaml"], /not git:REV:PATH/],
  ];
  for (const [name, args, pattern] of cases) {
    it(name, () => assertUsageError(run(args), pattern));
  }

  it("--help of each new command exits 0", () => {
    for (const command of ["render", "init", "diff"]) {
      const help = run([command, "--help"]);
      assert.equal(help.status, 0);
      assert.match(help.stdout, new RegExp(`^Usage: partner-charter ${command}`));
    }
  });
});
