import type * as Crypto from "node:crypto";

/**
 * The signature digest (docs/rules/signature-outdated.md): SHA-256 of the canonical form — the
 * parsed document without `signatures`, `status` and `updated` and without its progress
 * records (the go/no-go outcomes and their dates, the ROI validation, the launch checklist),
 * as JSON with keys sorted by code point at every level and no insignificant whitespace.
 * Comments, key order, layout and recorded progress never change it; any change of the agreed
 * terms does.
 */

const EXCLUDED_TOP_LEVEL_KEYS = new Set(["signatures", "status", "updated"]);

/**
 * The progress records: what the partners write down as the partnership moves on, not what
 * they agreed. Each is a section's path and the keys left out of it; a section emptied by
 * their removal stays, as an empty mapping.
 */
export const PROGRESS_RECORDS: readonly { section: readonly string[]; keys: readonly string[] }[] = [
  { section: ["phases", "crawl"], keys: ["outcome", "decidedOn"] },
  { section: ["phases", "walk"], keys: ["outcome", "decidedOn"] },
  { section: ["phases", "run"], keys: ["roiValidated"] },
  { section: ["launch"], keys: ["checklist"] },
];

type Mapping = Record<string, unknown>;

function isMapping(value: unknown): value is Mapping {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** A copy of `value` whose mapping at `path` lacks `keys` (only the mappings on the way are copied). */
function withoutKeys(value: unknown, path: readonly string[], keys: readonly string[]): unknown {
  if (!isMapping(value)) return value;
  const [head, ...rest] = path;
  // Object.fromEntries defines own properties, so even a key named "__proto__" is kept as data.
  if (head === undefined) return Object.fromEntries(Object.entries(value).filter(([key]) => !keys.includes(key)));
  if (!Object.hasOwn(value, head)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, key === head ? withoutKeys(item, rest, keys) : item]),
  );
}

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  // As JSON.stringify does: a value with toJSON (a Date from a YAML 1.1 timestamp) is serialised as its JSON form.
  if (typeof (value as { toJSON?: unknown }).toJSON === "function") {
    return canonicalJson((value as { toJSON: () => unknown }).toJSON());
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.keys(value as Record<string, unknown>)
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    // Default sort compares UTF-16 code units; compare code points as the format says.
    .sort(compareCodePoints)
    .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
  return `{${entries.join(",")}}`;
}

function compareCodePoints(a: string, b: string): number {
  const left = Array.from(a);
  const right = Array.from(b);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const diff = left[i]!.codePointAt(0)! - right[i]!.codePointAt(0)!;
    if (diff !== 0) return diff;
  }
  return left.length - right.length;
}

export function canonicalForm(charter: unknown): string {
  if (charter === null || typeof charter !== "object" || Array.isArray(charter)) return canonicalJson(charter);
  // Object.fromEntries defines own properties, so even a key named "__proto__" is kept as data.
  let kept: unknown = Object.fromEntries(
    Object.entries(charter as Record<string, unknown>).filter(([key]) => !EXCLUDED_TOP_LEVEL_KEYS.has(key)),
  );
  for (const { section, keys } of PROGRESS_RECORDS) kept = withoutKeys(kept, section, keys);
  return canonicalJson(kept);
}

/** `sha256:<hex>` of the charter's canonical form. */
export function charterDigest(charter: unknown): string {
  // Loaded on first use: node:crypto costs ~4 ms at start, and most checks compute no digest.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createHash } = require("node:crypto") as typeof Crypto;
  return `sha256:${createHash("sha256").update(canonicalForm(charter), "utf8").digest("hex")}`;
}
