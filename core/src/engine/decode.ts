import type { Finding } from "../types";

/**
 * Charters are UTF-8 text. Bytes that are not UTF-8 are reported at the first bad byte
 * instead of being silently replaced (which would corrupt names and amounts).
 */

export type Decoded = { text: string; finding?: undefined } | { text?: undefined; finding: Finding };

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let extra = 0;
    if (b < 0x80) extra = 0;
    else if (b >= 0xc2 && b <= 0xdf) extra = 1;
    else if (b >= 0xe0 && b <= 0xef) extra = 2;
    else if (b >= 0xf0 && b <= 0xf4) extra = 3;
    else return i;
    for (let k = 1; k <= extra; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += extra + 1;
  }
  return -1;
}

export function decodeCharterBytes(bytes: Uint8Array): Decoded {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    const at = Math.max(0, firstInvalidUtf8(bytes));
    const before = new TextDecoder("utf-8").decode(bytes.subarray(0, at));
    const lines = before.split("\n");
    const line = lines.length - 1;
    const character = lines[line]!.length;
    const hex = bytes[at]?.toString(16).padStart(2, "0") ?? "??";
    return {
      finding: {
        rule: "yaml-syntax",
        severity: "error",
        message: `This file is not UTF-8 text (byte 0x${hex} here). Save it as UTF-8 — most editors offer "Save with Encoding" — and check the accented names afterwards.`,
        range: { start: { line, character }, end: { line, character: character + 1 } },
      },
    };
  }
}
