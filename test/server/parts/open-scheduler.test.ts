import * as assert from "node:assert/strict";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { Finding } from "../../../core/src";
import { OpenDocumentScheduler, validationDelay } from "../../../server/src/open-scheduler";

/**
 * When open documents are validated: once per burst of edits, and never with a result older
 * than the editor's text. The LSP tests see the published versions; here the number of
 * validations and the race of an edit arriving mid-validation are visible.
 */

const URI = "file:///acme.partner.yaml";
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const finding = (message: string): Finding => ({
  rule: "schema",
  severity: "error",
  message,
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
});

describe("server parts: open-document scheduler", () => {
  let documents: Map<string, TextDocument>;
  let checked: number[];
  let published: { version: number; messages: string[] }[];
  let errors: string[];
  let enabled: boolean;
  /** Runs during a check, as an edit arriving meanwhile would. */
  let duringCheck: (() => void) | undefined;
  let scheduler: OpenDocumentScheduler;

  const edit = (text: string): void => {
    const document = documents.get(URI)!;
    documents.set(URI, TextDocument.create(URI, "partner-charter", document.version + 1, text));
  };

  beforeEach(() => {
    documents = new Map([[URI, TextDocument.create(URI, "partner-charter", 1, "v1")]]);
    checked = [];
    published = [];
    errors = [];
    enabled = true;
    duringCheck = undefined;
    scheduler = new OpenDocumentScheduler({
      enabled: () => enabled,
      current: (uri) => documents.get(uri),
      check: (document) => {
        checked.push(document.version);
        duringCheck?.();
        if (document.getText() === "boom") throw new Error("the check failed");
        return [finding(document.getText())];
      },
      publish: (_uri, findings, version) => published.push({ version, messages: findings.map((f) => f.message) }),
      error: (message) => errors.push(message),
    });
  });

  afterEach(() => scheduler.cancelAll());

  it("validates a burst of edits once, with the latest text, after the delay", async () => {
    for (const text of ["v2", "v3", "v4", "v5"]) {
      edit(text);
      scheduler.schedule(URI);
    }
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(checked, [], "nothing before the delay");
    await sleep(validationDelay() + 40);
    assert.deepEqual(checked, [5]);
    assert.deepEqual(published, [{ version: 5, messages: ["v5"] }]);
  });

  it("never publishes a result the editor's text has already moved past", async () => {
    duringCheck = () => {
      duringCheck = undefined;
      edit("v2"); // the user typed while version 1 was being checked
      scheduler.schedule(URI);
    };
    scheduler.schedule(URI, 0);
    await sleep(validationDelay() + 40);
    assert.deepEqual(checked, [1, 2]);
    assert.deepEqual(published, [{ version: 2, messages: ["v2"] }]);
  });

  it("a delay of 0 validates at the next turn of the event loop", async () => {
    scheduler.schedule(URI, 0);
    assert.deepEqual(checked, []);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(checked, [1]);
  });

  it("does nothing for a document closed, or with validation off, before its turn", async () => {
    scheduler.schedule(URI);
    scheduler.cancel(URI);
    enabled = false;
    scheduler.schedule(URI, 0);
    await sleep(validationDelay() + 40);
    assert.deepEqual(checked, []);
    enabled = true;
    scheduler.schedule(URI, 0);
    documents.delete(URI);
    await sleep(10);
    assert.deepEqual(published, []);
  });

  it("reports a failing check instead of throwing, and publishes nothing for it", () => {
    edit("boom");
    scheduler.validateNow(URI);
    assert.deepEqual(published, []);
    assert.equal(errors.length, 1);
    assert.match(errors[0]!, /^Validating file:\/\/\/acme\.partner\.yaml failed: Error: the check failed/);
  });
});
