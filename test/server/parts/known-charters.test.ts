import * as assert from "node:assert/strict";
import type { Finding } from "../../../core/src";
import { KnownCharters } from "../../../server/src/known-charters";

/**
 * What the editor is told about each charter: a workspace of thousands of clean charters must
 * not send thousands of empty messages, while an open document always gets its answer. The
 * LSP tests cannot count the messages that were never sent.
 */

const error: Finding = {
  rule: "schema",
  severity: "error",
  message: "x",
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
};

describe("server parts: known charters", () => {
  let messages: { uri: string; count: number; version?: number }[];
  let known: KnownCharters;

  beforeEach(() => {
    messages = [];
    known = new KnownCharters((uri, findings, version) => messages.push({ uri, count: findings.length, version }));
  });

  it("sends nothing for a closed charter without findings, until it had some", () => {
    for (let i = 0; i < 1000; i++) known.show(`/w/c${i}`, `file:///w/c${i}`, []);
    assert.deepEqual(messages, []);
    known.show("/w/c1", "file:///w/c1", [error]);
    known.show("/w/c1", "file:///w/c1", []);
    known.show("/w/c1", "file:///w/c1", []);
    assert.deepEqual(messages, [
      { uri: "file:///w/c1", count: 1, version: undefined },
      { uri: "file:///w/c1", count: 0, version: undefined },
    ]);
  });

  it("always answers an open document, even with nothing to show", () => {
    known.show("/w/open", "file:///w/open", [], 7);
    assert.deepEqual(messages, [{ uri: "file:///w/open", count: 0, version: 7 }]);
  });

  it("clears only what is shown, and keeps counting from what was shown last", () => {
    known.show("/w/a", "file:///w/a", [error, { ...error, severity: "warning" }]);
    known.show("/w/b", "file:///w/b", []);
    assert.deepEqual(known.counts(), { errors: 1, warnings: 1 });
    messages = [];
    known.clearShown();
    assert.deepEqual(messages, [{ uri: "file:///w/a", count: 0, version: undefined }]);
    assert.deepEqual(known.counts(), { errors: 0, warnings: 0 });
    assert.equal(known.size, 2, "still known");
  });

  it("forgets a charter with a last, empty message under the URI the client uses now", () => {
    known.add("/w/a", "file:///w/a");
    known.rename("/w/a", "file:///W/a");
    assert.equal(known.remove("/w/a"), true);
    assert.deepEqual(messages, [{ uri: "file:///W/a", count: 0, version: undefined }]);
    assert.equal(known.remove("/w/a"), false);
    assert.equal(known.has("/w/a"), false);
  });
});
