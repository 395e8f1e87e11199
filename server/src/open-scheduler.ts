import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Finding } from "../../core/src";
import { fileKey } from "./uris";

/**
 * When open documents are validated: at once when checks are quick and edits are far apart,
 * once per burst when edits come faster than checks finish, and never published when the
 * editor has a newer version by then.
 */

/** The longest an edited document waits before validation (milliseconds): the debounce of a
 * burst of keystrokes on a document whose check is slow (also the pause before a config file
 * being typed in is applied). */
export const DEBOUNCE_MS = 50;

/** What the delay policy knows of one open document. */
export interface EditHistory {
  /** How long its last check took (ms); undefined before its first check. */
  lastCheckMs?: number;
  /** Time since its previous edit (ms); undefined for its first. */
  sinceLastEditMs?: number;
  /** A validation of it is scheduled and has not run yet. */
  pending?: boolean;
}

/**
 * The delay policy, in one place: how long an edited document waits before validation. A
 * document not checked yet, or whose edits come further apart than one of its checks takes, is
 * validated at once: what the user waits for is the check alone (1–2 ms for a charter of a
 * hundred lines, ≈ 130 ms for 10,000 lines). When edits come faster than checks finish (a
 * validation still pending, or the previous edit less than a check ago), the validation waits as long as a check takes (at most DEBOUNCE_MS), so
 * a burst of keystrokes costs one check, not one per keystroke.
 */
export function validationDelay(history: EditHistory = {}): number {
  const { lastCheckMs, sinceLastEditMs, pending } = history;
  if (lastCheckMs === undefined) return 0;
  const editsOutpaceChecks = pending === true || (sinceLastEditMs !== undefined && sinceLastEditMs < lastCheckMs);
  return editsOutpaceChecks ? Math.min(DEBOUNCE_MS, Math.max(1, Math.ceil(lastCheckMs))) : 0;
}

export interface OpenDocumentValidation {
  enabled(): boolean;
  /** The open document behind a URI; undefined once it is closed. */
  current(uri: string): TextDocument | undefined;
  /** The findings of this version of the document. */
  check(document: TextDocument): readonly Finding[];
  publish(uri: string, findings: readonly Finding[], version: number): void;
  error(message: string): void;
}

/** Per open document: when it was last edited and how long its last check took. */
interface Timing {
  lastEdit?: number;
  lastCheckMs?: number;
}

export class OpenDocumentScheduler {
  /** Scheduled validations: key → how to cancel it. */
  private readonly pending = new Map<string, () => void>();
  private readonly timings = new Map<string, Timing>();

  /** `now`: a clock in milliseconds (tests give their own). */
  constructor(
    private readonly validation: OpenDocumentValidation,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** An edit (or the opening) of the document: validates it after the delay `validationDelay` decides. */
  edited(uri: string): void {
    const key = fileKey(uri);
    const timing = this.timings.get(key) ?? {};
    const now = this.now();
    const delay = validationDelay({
      lastCheckMs: timing.lastCheckMs,
      sinceLastEditMs: timing.lastEdit === undefined ? undefined : now - timing.lastEdit,
      pending: this.pending.has(key),
    });
    timing.lastEdit = now;
    this.timings.set(key, timing);
    this.schedule(uri, delay);
  }

  /** Validates the document after `delay` ms, replacing a validation already scheduled. */
  schedule(uri: string, delay: number): void {
    const key = fileKey(uri);
    this.stop(key);
    if (!this.validation.enabled()) return;
    const run = (): void => {
      this.pending.delete(key);
      this.validateNow(uri);
    };
    // No delay: right after the pending I/O, not after a timer's ≥ 1 ms.
    if (delay <= 0) {
      const immediate = setImmediate(run);
      this.pending.set(key, () => clearImmediate(immediate));
    } else {
      const timer = setTimeout(run, delay);
      this.pending.set(key, () => clearTimeout(timer));
    }
  }

  /** Validates the document now and publishes, unless a newer version exists by then. */
  validateNow(uri: string): void {
    if (!this.validation.enabled()) return;
    const document = this.validation.current(uri);
    if (!document) return;
    let findings: readonly Finding[];
    const started = this.now();
    try {
      findings = this.validation.check(document);
      const key = fileKey(uri);
      this.timings.set(key, { ...this.timings.get(key), lastCheckMs: this.now() - started });
    } catch (error) {
      this.validation.error(`Validating ${uri} failed: ${(error as Error).stack ?? error}`);
      return;
    }
    if (this.validation.current(uri)?.version !== document.version) return; // stale: a newer edit arrived
    this.validation.publish(uri, findings, document.version);
  }

  /** The document is closed: its validation and its history are dropped. */
  cancel(uri: string): void {
    const key = fileKey(uri);
    this.stop(key);
    this.timings.delete(key);
  }

  private stop(key: string): void {
    this.pending.get(key)?.();
    this.pending.delete(key);
  }

  cancelAll(): void {
    for (const cancel of this.pending.values()) cancel();
    this.pending.clear();
  }
}
