import * as assert from "node:assert/strict";
import { IdIndex, type CharterId } from "../../../server/src/id-index";

/**
 * The id index decides which other charters to validate again when one changes: the LSP
 * tests see the findings arrive, not that no other charter was checked for nothing.
 */

function id(value: string, line = 2): CharterId {
  return { value, range: { start: { line, character: 4 }, end: { line, character: 4 + value.length } } };
}

describe("server parts: id index (duplicate-id across files)", () => {
  it("gives each charter sharing an id a finding that points at the others", () => {
    const index = new IdIndex();
    assert.deepEqual(index.update("a", "file:///a.partner.yaml", id("acme")), []);
    assert.deepEqual(index.update("b", "file:///b.partner.yaml", id("acme", 5)), ["a"]);
    const [finding] = index.duplicatesFor("a")!;
    assert.equal(finding!.rule, "duplicate-id");
    assert.deepEqual(finding!.range, id("acme").range);
    assert.deepEqual(
      finding!.related?.map((related) => [related.file, related.range.start.line]),
      [["file:///b.partner.yaml", 5]],
    );
    assert.deepEqual(
      index.duplicatesFor("b")!.flatMap((f) => f.related?.map((related) => related.file)),
      ["file:///a.partner.yaml"],
    );
  });

  it("names the charters to check again when an id changes, and no others", () => {
    const index = new IdIndex();
    index.update("a", "file:///a", id("acme"));
    index.update("b", "file:///b", id("acme"));
    index.update("c", "file:///c", id("globex"));
    // b takes c's id: a loses its duplicate, c gains one.
    assert.deepEqual(index.update("b", "file:///b", id("globex")).sort(), ["a", "c"]);
    assert.equal(index.duplicatesFor("a"), undefined);
    // An edit elsewhere in b (same id, same place) concerns nobody else.
    assert.deepEqual(index.update("b", "file:///b", id("globex")), []);
    // The id moved down a line: c's finding points at it, so c is checked again.
    assert.deepEqual(index.update("b", "file:///b", id("globex", 3)), ["c"]);
  });

  it("removing a charter names those that shared its id; the last one left has no finding", () => {
    const index = new IdIndex();
    for (const key of ["a", "b", "c"]) index.update(key, `file:///${key}`, id("acme"));
    assert.deepEqual(index.remove("c").sort(), ["a", "b"]);
    assert.equal(index.duplicatesFor("a")![0]!.related?.length, 1);
    assert.deepEqual(index.remove("b"), ["a"]);
    assert.equal(index.duplicatesFor("a"), undefined);
    assert.deepEqual(index.remove("unknown"), []);
  });

  it("a charter without an id (or one that cannot collide, like an untitled document) has none to share", () => {
    const index = new IdIndex();
    index.update("a", "file:///a", id("acme"));
    assert.deepEqual(index.update("untitled:1", "untitled:1", undefined), []);
    assert.equal(index.duplicatesFor("untitled:1"), undefined);
    assert.equal(index.duplicatesFor("a"), undefined);
  });
});
