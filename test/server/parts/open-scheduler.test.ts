import * as assert from "node:assert/strict";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { Finding } from "../../../core/src";
import { DEBOUNCE_MS, OpenDocumentScheduler, validationDelay } from "../../../server/src/open-scheduler";

/**
 * When open documents are validated: once per burst of edits, and never with a result older
 * than the editor's text. The LSP tests see the published versions; here the number of
 * validations and the race of an edit arriving mid-validation are visible.
 */

const URI = "file:///acme.partner.yaml";
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe("server parts: the validation delay policy", () => {
  it("validates a document not checked yet at once", () => {
    assert.equal(validationDelay({}), 0);
    assert.equal(validationDelay({ sinceLastEditMs: 1, pending: true }), 0);
  });

  it("validates at once when the last check was quick and edits are further apart than a check", () => {
    assert.equal(validationDelay({ lastCheckMs: 2, sinceLastEditMs: 150 }), 0);
    assert.equal(validationDelay({ lastCheckMs: 2, sinceLastEditMs: 3 }), 0);
    assert.equal(validationDelay({ lastCheckMs: 2, sinceLastEditMs: undefined }), 0);
  });

  it("validates a slow document at once too when its edits are far apart", () => {
    assert.equal(validationDelay({ lastCheckMs: 120, sinceLastEditMs: 1000 }), 0);
    assert.equal(validationDelay({ lastCheckMs: 120, sinceLastEditMs: 150 }), 0, "typing slower than the check");
  });

  it("coalesces for as long as a check takes when edits come faster than checks finish", () => {
    assert.equal(validationDelay({ lastCheckMs: 2, sinceLastEditMs: 1000, pending: true }), 2);
    assert.equal(validationDelay({ lastCheckMs: 20, sinceLastEditMs: 15 }), 20);
    assert.equal(validationDelay({ lastCheckMs: 0.2, sinceLastEditMs: 0.1 }), 1, "at least a millisecond");
  });

  it("never waits longer than DEBOUNCE_MS", () => {
    assert.equal(validationDelay({ lastCheckMs: 400, sinceLastEditMs: 100 }), DEBOUNCE_MS);
    assert.equal(validationDelay({ lastCheckMs: 400, pending: true }), DEBOUNCE_MS);
  });
});
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
  /** The scheduler's clock (ms): a check costs `checkCost` of it, the test moves it between edits. */
  let clock: number;
  let checkCost: number;

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
    clock = 0;
    checkCost = 2;
    scheduler = new OpenDocumentScheduler(
      {
        enabled: () => enabled,
        current: (uri) => documents.get(uri),
        check: (document) => {
          checked.push(document.version);
          clock += checkCost;
          duringCheck?.();
          if (document.getText() === "boom") throw new Error("the check failed");
          return [finding(document.getText())];
        },
        publish: (_uri, findings, version) => published.push({ version, messages: findings.map((f) => f.message) }),
        error: (message) => errors.push(message),
      },
      () => clock,
    );
  });

  afterEach(() => scheduler.cancelAll());

  it("validates an opened document at the next turn, without a delay", async () => {
    scheduler.edited(URI);
    assert.deepEqual(checked, []);
    await nextTurn();
    assert.deepEqual(published, [{ version: 1, messages: ["v1"] }]);
  });

  it("validates each edit at once when checks are quick and edits far apart", async () => {
    scheduler.edited(URI);
    await nextTurn();
    for (const text of ["v2", "v3", "v4"]) {
      clock += 150; // a keystroke every 150 ms; a check takes 2 ms
      edit(text);
      scheduler.edited(URI);
      await nextTurn();
    }
    assert.deepEqual(checked, [1, 2, 3, 4]);
    assert.deepEqual(
      published.map((p) => p.version),
      [1, 2, 3, 4],
    );
  });

  it("validates a burst of edits once, with the latest text, when edits come faster than checks", async () => {
    checkCost = 30;
    scheduler.edited(URI);
    await nextTurn();
    for (const text of ["v2", "v3", "v4", "v5"]) {
      clock += 10; // a keystroke every 10 ms; a check takes 30 ms
      edit(text);
      scheduler.edited(URI);
    }
    await nextTurn();
    assert.deepEqual(checked, [1], "nothing before the delay");
    await sleep(30 + 40);
    assert.deepEqual(checked, [1, 5]);
    assert.deepEqual(published.at(-1), { version: 5, messages: ["v5"] });
  });

  it("a document closed and opened again starts with no history", async () => {
    checkCost = 30;
    scheduler.edited(URI);
    await nextTurn();
    scheduler.cancel(URI);
    edit("v2");
    scheduler.edited(URI);
    await nextTurn();
    assert.deepEqual(checked, [1, 2]);
  });

  it("never publishes a result the editor's text has already moved past", async () => {
    duringCheck = () => {
      duringCheck = undefined;
      edit("v2"); // the user typed while version 1 was being checked
      scheduler.edited(URI);
    };
    scheduler.schedule(URI, 0);
    await sleep(DEBOUNCE_MS + 40);
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
    scheduler.schedule(URI, 10);
    scheduler.cancel(URI);
    enabled = false;
    scheduler.schedule(URI, 0);
    await sleep(DEBOUNCE_MS + 40);
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
