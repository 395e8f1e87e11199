/**
 * Validation of the charters that are not open (the workspace pass at start, after a settings
 * or config change, files changed on disk): a queue drained in time slices, yielding to the
 * event loop between slices so that a workspace of thousands of charters never keeps the
 * server from answering. A pass (a set of files to validate) reports its progress and
 * resolves when all its files are done.
 */

/** Closed files are validated in slices of at most this many milliseconds, yielding in between. */
export const SLICE_MS = 15;

export interface Progress {
  report(done: number, total: number): void;
  done(): void;
  /** Cancelled when the user cancels the progress report in the editor. */
  cancelled?: Cancellation;
}

/** A cancellation token (vscode-jsonrpc's `CancellationToken` fits). */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => void): { dispose(): void };
}

export interface ClosedFileValidation {
  enabled(): boolean;
  /** Validates one file from disk and publishes its findings. */
  validate(key: string): void;
  error(message: string): void;
  /** A progress report in the editor; undefined when the editor shows none. */
  createProgress(title: string, total: number): Promise<Progress | undefined>;
}

interface Pass {
  remaining: Set<string>;
  total: number;
  resolve: () => void;
  progress?: Progress;
}

export class ClosedFileQueue {
  private readonly pending = new Set<string>();
  private readonly passes = new Set<Pass>();
  private working = false;

  constructor(private readonly validation: ClosedFileValidation) {}

  /** Validates these files soon (a file already waiting keeps its place). */
  enqueue(keys: Iterable<string>): void {
    if (!this.validation.enabled()) return;
    for (const key of keys) this.pending.add(key);
    if (!this.working && this.pending.size > 0) {
      this.working = true;
      setImmediate(() => void this.work());
    }
  }

  /** The file no longer needs validating from disk (it was opened, or is gone). */
  drop(key: string): void {
    this.pending.delete(key);
  }

  /**
   * Validates these files; resolves when all are done. Shows progress when it can. Cancelled
   * (by `cancel`, or by the user from the progress report), the pass ends at once: its files not
   * yet checked are dropped, unless another pass still wants them.
   */
  runPass(keys: readonly string[], cancel?: Cancellation): Promise<void> {
    if (keys.length === 0 || !this.validation.enabled() || cancel?.isCancellationRequested) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const pass: Pass = { remaining: new Set(keys), total: keys.length, resolve };
      this.passes.add(pass);
      const listener = cancel?.onCancellationRequested(() => this.cancelPass(pass));
      pass.resolve = () => {
        listener?.dispose();
        resolve();
      };
      this.enqueue(keys);
      this.validation
        .createProgress(
          `Checking ${keys.length} partnership ${keys.length === 1 ? "charter" : "charters"}`,
          keys.length,
        )
        .then(
          (progress) => {
            if (!progress) return;
            if (this.passes.has(pass)) {
              pass.progress = progress;
              progress.cancelled?.onCancellationRequested(() => this.cancelPass(pass));
            } else progress.done();
          },
          (error: unknown) => this.validation.error(`Progress report failed: ${String(error)}`),
        );
    });
  }

  /** Forgets every waiting file and ends every pass (validation turned off, shutdown). */
  stop(): void {
    this.pending.clear();
    this.finishPasses(true);
  }

  /** Drains the queue in time slices, yielding to the event loop between slices. */
  private async work(): Promise<void> {
    try {
      while (this.pending.size > 0 && this.validation.enabled()) {
        // A slice: as many files as fit in SLICE_MS (at least one), then let requests through.
        const deadline = Date.now() + SLICE_MS;
        for (const key of this.pending) {
          if (Date.now() >= deadline) break;
          this.pending.delete(key);
          try {
            this.validation.validate(key);
          } catch (error) {
            this.validation.error(`Validating ${key} failed: ${(error as Error).stack ?? error}`);
          }
          this.markDone(key);
        }
        for (const pass of this.passes) pass.progress?.report(pass.total - pass.remaining.size, pass.total);
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    } finally {
      this.working = false;
      if (this.pending.size > 0 && this.validation.enabled()) this.enqueue([]);
      else this.finishPasses(true);
    }
  }

  private cancelPass(pass: Pass): void {
    if (!this.passes.has(pass)) return;
    this.passes.delete(pass);
    for (const key of pass.remaining) {
      if (![...this.passes].some((other) => other.remaining.has(key))) this.pending.delete(key);
    }
    pass.progress?.done();
    pass.resolve();
  }

  private markDone(key: string): void {
    for (const pass of this.passes) pass.remaining.delete(key);
    this.finishPasses(false);
  }

  private finishPasses(all: boolean): void {
    for (const pass of [...this.passes]) {
      if (all || pass.remaining.size === 0) {
        this.passes.delete(pass);
        pass.progress?.done();
        pass.resolve();
      }
    }
  }
}
