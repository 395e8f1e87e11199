import { LineIndex } from "../text/line-index";
import type { Finding } from "../types";

/**
 * Charters are UTF-8 text. Bytes that are not UTF-8 are reported at the first bad byte
 * instead of being silently replaced (which would corrupt names and amounts).
 */

export type Decoded = { text: string; finding?: undefined } | { text?: undefined; finding: Finding };

/**
 * The byte ranges of well-formed UTF-8 (the Unicode standard's table 3-7): the second byte's
 * range depends on the first, which rules out overlong forms, encoded surrogates (ED A0…)
 * and code points past U+10FFFF. [first byte low, high, second byte low, high, length].
 */
const SEQUENCES: readonly (readonly [number, number, number, number, number])[] = [
  [0xc2, 0xdf, 0x80, 0xbf, 2],
  [0xe0, 0xe0, 0xa0, 0xbf, 3],
  [0xe1, 0xec, 0x80, 0xbf, 3],
  [0xed, 0xed, 0x80, 0x9f, 3],
  [0xee, 0xef, 0x80, 0xbf, 3],
  [0xf0, 0xf0, 0x90, 0xbf, 4],
  [0xf1, 0xf3, 0x80, 0xbf, 4],
  [0xf4, 0xf4, 0x80, 0x8f, 4],
];

/** The first ill-formed sequence: where it starts and its bytes before the one that breaks it. */
function firstInvalidUtf8(bytes: Uint8Array): { at: number; length: number } | undefined {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const sequence = SEQUENCES.find(([low, high]) => lead >= low && lead <= high);
    if (!sequence) return { at: i, length: 1 };
    const [, , secondLow, secondHigh, length] = sequence;
    for (let k = 1; k < length; k++) {
      const byte = bytes[i + k];
      const [low, high] = k === 1 ? [secondLow, secondHigh] : [0x80, 0xbf];
      if (byte === undefined || byte < low || byte > high) return { at: i, length: k };
    }
    i += length;
  }
  return undefined;
}

function hex(bytes: Uint8Array): string {
  return [...bytes].map((byte) => `0x${byte.toString(16).toUpperCase().padStart(2, "0")}`).join(" ");
}

export function decodeCharterBytes(bytes: Uint8Array): Decoded {
  const invalid = firstInvalidUtf8(bytes);
  if (!invalid) return { text: new TextDecoder("utf-8", { ignoreBOM: false }).decode(bytes) };
  const before = new TextDecoder("utf-8").decode(bytes.subarray(0, invalid.at));
  const { line, character } = new LineIndex(before).position(before.length);
  const shown = hex(bytes.subarray(invalid.at, invalid.at + invalid.length));
  const what = invalid.length > 1 ? `the bytes ${shown} here are` : `the byte ${shown} here is`;
  return {
    finding: {
      rule: "yaml-syntax",
      severity: "error",
      message: `This file is not UTF-8 text: ${what} not a character in UTF-8. Save it as UTF-8 — most editors offer "Save with Encoding" — and check the accented names afterwards.`,
      range: { start: { line, character }, end: { line, character: character + 1 } },
    },
  };
}
