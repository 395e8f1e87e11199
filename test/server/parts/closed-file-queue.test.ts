import * as assert from "node:assert/strict";
import { ClosedFileQueue, SLICE_MS, type Progress } from "../../../server/src/closed-file-queue";

/**
 * The background pass over closed files: in slices that let other work run in between (a
 * request must not wait for a whole workspace), with progress that always ends. The LSP tests
 * see the end result; here the interleaving and the progress reports are visible.
 */

/** Busy for `ms` milliseconds, as validating a large charter is. */
function busy(ms: number): void {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    // spinning on purpose: validation is synchronous work
  }
}

const keys = (count: number): string[] => Array.from({ length: count }, (_, i) => `/w/c${i}.partner.yaml`);

interface Recorder extends Progress {
  title?: string;
  reports: [number, number][];
  ended: number;
}

function recorder(): Recorder {
  const progress: Recorder = {
    reports: [],
    ended: 0,
    report: (done, total) => progress.reports.push([done, total]),
    done: () => progress.ended++,
  };
  return progress;
}

describe("server parts: closed-file queue", () => {
  let events: string[];
  let errors: string[];
  let enabled: boolean;
  let progress: Recorder;
  let progressDelay: Promise<void>;
  let validate: (key: string) => void;
  let queue: ClosedFileQueue;

  beforeEach(() => {
    events = [];
    errors = [];
    enabled = true;
    progress = recorder();
    progressDelay = Promise.resolve();
    validate = (key) => events.push(key);
    queue = new ClosedFileQueue({
      enabled: () => enabled,
      validate: (key) => validate(key),
      error: (message) => errors.push(message),
      createProgress: async (title) => {
        await progressDelay;
        progress.title = title;
        return progress;
      },
    });
  });

  afterEach(() => queue.stop());

  it("validates a long pass in slices, letting other work run in between", async () => {
    validate = (key) => {
      busy(SLICE_MS / 3);
      events.push(key);
    };
    const pass = queue.runPass(keys(30));
    // Another piece of work (a request) asking for its turn again and again meanwhile.
    let waiting = true;
    const request = (): void => {
      events.push("request");
      if (waiting) setImmediate(request);
    };
    setImmediate(request);
    await pass;
    waiting = false;
    const validated = events.filter((event) => event !== "request");
    assert.deepEqual(validated, keys(30), "every file once, in order");
    const first = events.indexOf(keys(30)[0]!);
    const last = events.lastIndexOf(keys(30)[29]!);
    const between = events.slice(first, last).filter((event) => event === "request").length;
    assert.ok(between >= 3, `requests answered between slices: ${between} in ${events.join(" ")}`);
  });

  it("reports a pass's progress and ends it once", async () => {
    validate = (key) => {
      busy(SLICE_MS / 3);
      events.push(key);
    };
    await queue.runPass(keys(12));
    assert.equal(progress.title, "Checking 12 partnership charters");
    assert.ok(progress.reports.length >= 1);
    assert.ok(progress.reports.every(([, total]) => total === 12));
    const done = progress.reports.map(([count]) => count);
    assert.deepEqual(
      done,
      [...done].sort((a, b) => a - b),
      "never backwards",
    );
    assert.equal(progress.ended, 1);
  });

  it("ends a progress report that arrives after its pass is over", async () => {
    let arrive!: () => void;
    progressDelay = new Promise((resolve) => (arrive = resolve));
    await queue.runPass(keys(1));
    assert.equal(progress.ended, 0);
    arrive();
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(progress.title, "Checking 1 partnership charter");
    assert.equal(progress.ended, 1, "no progress left spinning in the editor");
  });

  it("reports a file that fails and goes on with the others", async () => {
    validate = (key) => {
      if (key === keys(3)[1]) throw new Error("unreadable");
      events.push(key);
    };
    await queue.runPass(keys(3));
    assert.deepEqual(events, [keys(3)[0], keys(3)[2]]);
    assert.equal(errors.length, 1);
    assert.match(errors[0]!, /^Validating \/w\/c1\.partner\.yaml failed: Error: unreadable/);
  });

  it("passes over a file dropped while it waits (opened in the editor meanwhile)", async () => {
    const pass = queue.runPass(keys(3));
    queue.drop(keys(3)[1]!);
    await pass;
    assert.deepEqual(events, [keys(3)[0], keys(3)[2]]);
  });

  it("a cancelled pass ends at once and drops its files, but keeps those another pass wants", async () => {
    validate = (key) => {
      busy(SLICE_MS / 3);
      events.push(key);
    };
    const listeners: (() => void)[] = [];
    let cancelled = false;
    const token = {
      get isCancellationRequested() {
        return cancelled;
      },
      onCancellationRequested: (listener: () => void) => {
        listeners.push(listener);
        return { dispose: () => listeners.splice(listeners.indexOf(listener), 1) };
      },
    };
    const cancelledPass = queue.runPass(keys(30), token);
    const other = queue.runPass(keys(30).slice(25));
    await new Promise((resolve) => setImmediate(resolve));
    cancelled = true;
    for (const listener of [...listeners]) listener();
    await cancelledPass;
    const atCancel = events.length;
    assert.ok(atCancel < 25, `stopped early: ${atCancel} of 30 checked`);
    await other;
    assert.deepEqual(events.slice(atCancel), keys(30).slice(25), "the other pass's files only");
    assert.equal(listeners.length, 0, "no listener left on the token");
    // A pass cancelled before it starts checks nothing.
    events = [];
    await queue.runPass(keys(3), token);
    assert.deepEqual(events, []);
  });

  it("a pass stops when the user cancels its progress report", async () => {
    validate = (key) => {
      busy(SLICE_MS / 3);
      events.push(key);
    };
    let cancel!: () => void;
    progress.cancelled = {
      isCancellationRequested: false,
      onCancellationRequested: (listener) => {
        cancel = listener;
        return { dispose: () => undefined };
      },
    };
    const pass = queue.runPass(keys(30));
    await new Promise((resolve) => setImmediate(resolve));
    cancel();
    await pass;
    assert.ok(events.length < 30, `${events.length} of 30 checked`);
    assert.equal(progress.ended, 1);
  });

  it("stop ends every pass at once, and nothing runs with validation off", async () => {
    const pass = queue.runPass(keys(3));
    queue.stop();
    await pass;
    assert.deepEqual(events, []);
    enabled = false;
    await queue.runPass(keys(2));
    queue.enqueue(keys(2));
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(events, []);
  });
});
