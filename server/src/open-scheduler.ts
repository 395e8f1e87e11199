import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Finding } from "../../core/src";
import { fileKey } from "./uris";

/**
 * When open documents are validated: a while after the last edit of a burst (one validation
 * for the burst, not one per keystroke), and never published when the editor has a newer
 * version by then.
 */

/** How long the server waits after the last keystroke before validating (milliseconds): long
 * enough to skip the keystrokes of a burst, short enough that a 100-line charter shows its
 * findings well within 100 ms of the last edit (measured by `npm run bench`). */
export const DEBOUNCE_MS = 50;

/** The delay policy, in one place: how long an edited document waits before validation. */
export function validationDelay(): number {
  return DEBOUNCE_MS;
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

export class OpenDocumentScheduler {
  /** Scheduled validations: key → how to cancel it. */
  private readonly pending = new Map<string, () => void>();

  constructor(private readonly validation: OpenDocumentValidation) {}

  /** Validates the document after `delay` ms, replacing a validation already scheduled. */
  schedule(uri: string, delay = validationDelay()): void {
    const key = fileKey(uri);
    this.cancel(uri);
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
    try {
      findings = this.validation.check(document);
    } catch (error) {
      this.validation.error(`Validating ${uri} failed: ${(error as Error).stack ?? error}`);
      return;
    }
    if (this.validation.current(uri)?.version !== document.version) return; // stale: a newer edit arrived
    this.validation.publish(uri, findings, document.version);
  }

  cancel(uri: string): void {
    const key = fileKey(uri);
    this.pending.get(key)?.();
    this.pending.delete(key);
  }

  cancelAll(): void {
    for (const cancel of this.pending.values()) cancel();
    this.pending.clear();
  }
}
