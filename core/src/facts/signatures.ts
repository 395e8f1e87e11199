import { list, record, text } from "./read";

/**
 * Facts about the signatures: each one with whether the text it signed is still the
 * charter's text. The state compares the recorded `digest` with `charterDigest` of the
 * charter as it is now; nothing else decides it.
 */

/** `current`: signed text unchanged; `outdated`: the charter changed since; `none`: no digest recorded. */
export type SignatureState = "current" | "outdated" | "none";

export interface SignatureFact {
  /** Position in `signatures`. */
  index: number;
  party?: string;
  name?: string;
  title?: string;
  /** The date as written. */
  date?: string;
  digest?: string;
  state: SignatureState;
}

/** The signatures of `data`; `digest` gives the charter's current digest (computed only when a signature has one). */
export function signatureFacts(data: unknown, digest: () => string): SignatureFact[] {
  return list(record(data).signatures).map((item, index) => {
    const entry = record(item);
    const recorded = text(entry.digest);
    return {
      index,
      party: text(entry.party),
      name: text(entry.name),
      title: text(entry.title),
      date: text(entry.date),
      digest: recorded,
      state: recorded === undefined ? "none" : recorded === digest() ? "current" : "outdated",
    };
  });
}
