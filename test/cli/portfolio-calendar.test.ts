import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import ICAL from "ical.js";
import { runCli } from "../support/run-cli";
import { GOLDEN, TempDir } from "./helpers";

/**
 * `portfolio --format csv` and `--format ics`, read back with real parsers from npm
 * (csv-parse, ical.js): what a spreadsheet and a calendar will see.
 */

const CHARTERS = path.join(GOLDEN, "portfolio", "charters");
const TODAY = "2026-12-02";

function run(cwd: string, args: string[]): string {
  const result = runCli(["portfolio", "charters", "--today", TODAY, ...args], { cwd });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}

/** The events of an iCalendar text, as ical.js reads them. */
function events(text: string): { uid: string; summary: string; start: string; allDay: boolean }[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toString(),
      allDay: event.startDate.isDate,
    };
  });
}

describe("CLI portfolio csv and ics", () => {
  const folder = path.dirname(CHARTERS);

  it("csv: a header and one row per charter, read back by csv-parse", () => {
    const text = run(folder, ["--format", "csv"]);
    assert.ok(text.endsWith("\r\n"));
    assert.doesNotMatch(text.replace(/\r\n/g, ""), /\n/, "every line ends with CRLF");
    const rows = parseCsv(text, { columns: true }) as Record<string, string>[];
    assert.equal(rows.length, fs.readdirSync(CHARTERS).length);
    const hooli = rows.find((row) => row.id === "hooli-connector")!;
    assert.equal(hooli.stage, "crawl");
    assert.equal(hooli["next milestone"], "charter review");
    assert.equal(hooli["next milestone date"], "2027-01-29");
    assert.equal(hooli.health, "95");
  });

  it("csv: quotes, commas and line breaks survive; formula starts are neutralised", () => {
    const temp = new TempDir();
    try {
      const source = fs.readFileSync(path.join(CHARTERS, "planned-initech.partner.yaml"), "utf8");
      const hostile = source
        .replace("title: Initech sync", 'title: "Initech, \\"the\\" sync\\nsecond line"')
        .replace("  name: Initech\n", '  name: "=HYPERLINK(\\"http://evil.example\\",\\"x\\")"\n')
        .replace("owner: sam.okafor@acme.example", 'owner: "\\t+SUM(A1:A2)"');
      temp.write("charters/a.partner.yaml", hostile);
      temp.write(
        "charters/b.partner.yaml",
        source.replace("id: initech-sync", "id: b").replace("name: Initech\n", 'name: "@Initech"\n'),
      );
      temp.write(
        "charters/c.partner.yaml",
        source.replace("id: initech-sync", "id: c").replace("name: Initech\n", 'name: "-Initech"\n'),
      );
      temp.write(
        "charters/d.partner.yaml",
        source.replace("id: initech-sync", "id: d").replace("name: Initech\n", 'name: "\\rInitech"\n'),
      );
      const rows = parseCsv(run(temp.dir, ["--format", "csv"]), { columns: true }) as Record<string, string>[];
      const [a, b, c, d] = rows;
      assert.equal(a!.title, 'Initech, "the" sync\nsecond line');
      assert.equal(a!.partner, `'=HYPERLINK("http://evil.example","x")`);
      assert.equal(a!.owner, "'\t+SUM(A1:A2)");
      assert.equal(b!.partner, "'@Initech");
      assert.equal(c!.partner, "'-Initech");
      assert.equal(d!.partner, "'\rInitech");
      for (const row of rows) {
        for (const cell of Object.values(row)) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, `unsafe cell ${cell}`);
      }
    } finally {
      temp.remove();
    }
  });

  it("ics: one all-day event per milestone within the horizon, read by ical.js", () => {
    const text = run(folder, ["--format", "ics", "--horizon", "60"]);
    for (const line of text.split("\r\n")) assert.ok(Buffer.byteLength(line) <= 75, `line over 75 octets: ${line}`);
    assert.doesNotMatch(text.replace(/\r\n/g, ""), /\n/, "every line ends with CRLF");
    const found = events(text);
    assert.deepEqual(
      found.map((event) => `${event.start} ${event.summary}`),
      [
        "2026-12-14 Globex: launch",
        "2026-12-18 Globex: walk go/no-go decision",
        "2027-01-15 Wayne: walk go/no-go decision",
        "2027-01-29 Hooli: charter review",
      ],
    );
    assert.ok(found.every((event) => event.allDay));
    assert.equal(new Set(found.map((event) => event.uid)).size, found.length);
  });

  it("ics: two runs give the same UIDs and bytes; a moved date keeps its UID", () => {
    const first = run(folder, ["--format", "ics"]);
    assert.equal(run(folder, ["--format", "ics"]), first);
    const temp = new TempDir();
    try {
      fs.cpSync(CHARTERS, path.join(temp.dir, "charters"), { recursive: true });
      const file = "charters/walk-launch-globex.partner.yaml";
      temp.write(file, temp.read(file).replace("date: 2026-12-14", "date: 2026-12-16"));
      const before = events(first);
      const after = events(run(temp.dir, ["--format", "ics"]));
      const launch = (list: typeof before) => list.find((event) => event.summary === "Globex: launch")!;
      assert.equal(launch(after).uid, launch(before).uid);
      assert.equal(launch(after).start, "2026-12-16");
      assert.deepEqual(after.map((event) => event.uid).sort(), before.map((event) => event.uid).sort());
    } finally {
      temp.remove();
    }
  });

  it("ics: escapes text and folds long lines without splitting a character", () => {
    const temp = new TempDir();
    try {
      const source = fs.readFileSync(path.join(CHARTERS, "walk-launch-globex.partner.yaml"), "utf8");
      const name = "Glöbex; the “long-named” partner, with ünïcödé in a name that runs well past seventy-five octets";
      temp.write("charters/g.partner.yaml", source.replace("  name: Globex\n", `  name: "${name}"\n`));
      const text = run(temp.dir, ["--format", "ics"]);
      for (const line of text.split("\r\n")) assert.ok(Buffer.byteLength(line) <= 75, line);
      assert.match(text, /Glöbex\\; the/);
      assert.ok(events(text).some((event) => event.summary === `${name}: launch`));
    } finally {
      temp.remove();
    }
  });
});
