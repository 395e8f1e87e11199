import * as assert from "node:assert/strict";
import { TempDir } from "./helpers";

/**
 * The health score in the CLI's reports (EDITOR.md "Health score"): a file that is empty, is not
 * a charter or has YAML syntax errors has no score, shown as "—", never a green 85.
 */
describe("health score in the CLI reports", () => {
  let temp: TempDir;
  beforeEach(() => (temp = new TempDir()));
  afterEach(() => temp.remove());

  it('shows "—" for an empty file, broken YAML and a list, and a score for a charter', () => {
    temp.write("empty.partner.yaml", "");
    temp.write("broken.partner.yaml", 'title: "unterminated\n');
    temp.write("list.partner.yaml", "- a\n- list\n");
    temp.write("thin.partner.yaml", "apiVersion: partner-charter/v1\nkind: Charter\n");
    const run = temp.cli(["check", ".", "--format", "markdown"]);
    const row = (file: string): string => run.stdout.split("\n").find((line) => line.includes(file))!;
    for (const file of ["empty.partner.yaml", "broken.partner.yaml", "list.partner.yaml"]) {
      assert.match(row(file), /\| — \|/, `${file}: ${row(file)}`);
      assert.doesNotMatch(row(file), /\/100/, file);
    }
    assert.match(row("thin.partner.yaml"), /\| \d+\/100 \|/);
    const stylish = temp.cli(["check", "empty.partner.yaml"]);
    assert.doesNotMatch(stylish.stdout, /health/);
  });
});
