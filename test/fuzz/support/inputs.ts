import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { stringify } from "yaml";
import { FIXTURES, REPO_ROOT } from "../../support/paths";

/**
 * What the fuzz suite feeds the product: mutations of valid charters (the examples and the
 * fixtures' base) and small random YAML, seasoned with the names and values a careless or
 * hostile user writes: built-in property names, control characters, huge numbers, deep (but
 * small) nesting, markup and links.
 */

/** The charters every mutation starts from: clean ones and the examples with mistakes. */
export const BASE_CHARTERS: readonly { name: string; text: string }[] = [
  path.join(FIXTURES, "bases", "strategic.partner.yaml"),
  path.join(FIXTURES, "structure", "format-md-example.partner.yaml"),
  ...fs
    .readdirSync(path.join(REPO_ROOT, "examples"), { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".partner.yaml"))
    .sort()
    .map((name) => path.join(REPO_ROOT, "examples", name)),
].map((file) => ({ name: path.relative(REPO_ROOT, file), text: fs.readFileSync(file, "utf8") }));

/** Names every JavaScript object answers to, and a few that tools treat specially. */
export const BUILT_IN_NAMES = [
  "constructor",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "__proto__",
  "__defineGetter__",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "toLocaleString",
  "prototype",
  "length",
  "then",
  "$ref",
] as const;

const CONTROL = [
  "\u0000",
  "\u0007",
  "\u001b[31m",
  "\u001b]8;;https://x.example\u0007",
  "\u007f",
  "\u0085",
  "\u2028",
  "\u202e",
];

/** Scalars as they would be typed after `key: ` (YAML text, not data). */
export const HOSTILE_SCALARS: readonly string[] = [
  ...BUILT_IN_NAMES,
  '"constructor"',
  "1e400",
  "-1e400",
  "9007199254740993",
  "0x7fffffffffffffff",
  "-0",
  ".nan",
  ".inf",
  "-.inf",
  "0o17",
  "~",
  "null",
  "true",
  "''",
  '""',
  "2026-02-30",
  "0000-00-00",
  "9999-12-31",
  "2026-13-01T25:61:61Z",
  '"\\u0000 nul"',
  '"\\x1b[2J\\x1b[31mred"',
  '"x\\n::error file=INJECTED::pwned"',
  '"line\\r\\nbreak"',
  '"\\u202eevil"',
  '"\\ud800 lone surrogate"',
  "<script>alert(1)</script>",
  '"<img src=x onerror=alert(1)>"',
  '"[click](javascript:alert(1))"',
  "https://evil.example/phish",
  '"| a | b |"',
  '"`code` **bold** _x_ # heading"',
  "'%0A%25 percent'",
  "a: b",
  "[1, [2, [3, [4]]]]",
  "{ a: { b: { c: {} } } }",
  "[]",
  "{}",
  "!!binary aGVsbG8=",
  "!!js/function 'function(){}'",
  "!custom x",
  "!!set { a, b }",
  "!!omap [ a: 1 ]",
  "&anchor value",
  "*anchor",
  "*undefinedalias",
  "|\n  block text",
  ">-\n  folded",
  "x".repeat(300),
  "😀🏳️‍🌈 ünïcödé",
  "TODO",
];

export const HOSTILE_KEYS: readonly string[] = [
  ...BUILT_IN_NAMES,
  '"__proto__"',
  "? complex",
  '"x\\n::error file=INJECTED::pwned"',
  '"\\u001b[31mred"',
  "<b>key</b>",
  "[a, b]",
  "{ a: 1 }",
  "1",
  "null",
  "true",
  "''",
  "<<",
  "-",
  "k".repeat(120),
];

const hostileScalar = fc.constantFrom(...HOSTILE_SCALARS);
const hostileKey = fc.constantFrom(...HOSTILE_KEYS);
const controlText = fc
  .array(fc.oneof(fc.constantFrom(...CONTROL), fc.string({ maxLength: 4 })), { maxLength: 4 })
  .map((parts) => parts.join(""));

/** Characters that change the meaning of YAML, for insertions at random offsets. */
const yamlNoise = fc.constantFrom(
  ":",
  ": ",
  "- ",
  "-",
  "[",
  "]",
  "{",
  "}",
  ",",
  "#",
  "'",
  '"',
  "&a ",
  "*a",
  "!",
  "|",
  ">",
  "? ",
  "\t",
  "\r",
  "\n",
  "\n  ",
  "\n- ",
  "---\n",
  "...\n",
  "%YAML 1.2\n",
  "\uFEFF",
  "\u0000",
  "  ",
  "<<: *a\n",
);

type Mutation = (text: string) => string;

function lines(text: string): string[] {
  return text.split("\n");
}

/** A line index in range for this text. */
const lineAt = (text: string, pick: number): number => pick % Math.max(1, lines(text).length);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  // Replace a value after `key: ` with a hostile scalar.
  fc.tuple(fc.nat(), hostileScalar).map(([pick, value]): Mutation => (text) => {
    const all = lines(text);
    const candidates = all.flatMap((line, i) => (/^\s*(- )?[^#\s][^:#]*: \S/.test(line) ? [i] : []));
    if (candidates.length === 0) return text;
    const i = candidates[pick % candidates.length]!;
    all[i] = all[i]!.replace(/^(\s*(?:- )?[^#\s][^:#]*: ).*$/, (_, head: string) => {
      const indent = " ".repeat(head.length);
      return head + value.replace(/\n/g, `\n${indent}`);
    });
    return all.join("\n");
  }),
  // Rename a key.
  fc.tuple(fc.nat(), hostileKey).map(([pick, key]): Mutation => (text) => {
    const all = lines(text);
    const candidates = all.flatMap((line, i) => (/^\s*(- )?[A-Za-z][\w-]*:/.test(line) ? [i] : []));
    if (candidates.length === 0) return text;
    const i = candidates[pick % candidates.length]!;
    all[i] = all[i]!.replace(/^(\s*(?:- )?)[A-Za-z][\w-]*:/, `$1${key}:`);
    return all.join("\n");
  }),
  // Delete, duplicate or swap lines.
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 6 })).map(([pick, count]): Mutation => (text) => {
    const all = lines(text);
    all.splice(lineAt(text, pick), count);
    return all.join("\n");
  }),
  fc.nat().map((pick): Mutation => (text) => {
    const all = lines(text);
    const i = lineAt(text, pick);
    all.splice(i, 0, all[i]!);
    return all.join("\n");
  }),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]): Mutation => (text) => {
    const all = lines(text);
    const i = lineAt(text, a);
    const j = lineAt(text, b);
    [all[i], all[j]] = [all[j]!, all[i]!];
    return all.join("\n");
  }),
  // Re-indent a line.
  fc.tuple(fc.nat(), fc.integer({ min: -4, max: 4 })).map(([pick, shift]): Mutation => (text) => {
    const all = lines(text);
    const i = lineAt(text, pick);
    all[i] = shift > 0 ? " ".repeat(shift) + all[i] : all[i]!.replace(new RegExp(`^ {0,${-shift}}`), "");
    return all.join("\n");
  }),
  // Insert a hostile entry or list item at some indentation.
  fc
    .tuple(fc.nat(), fc.integer({ min: 0, max: 8 }), hostileKey, hostileScalar, fc.boolean())
    .map(([pick, indent, key, value, dash]): Mutation => (text) => {
      const all = lines(text);
      all.splice(lineAt(text, pick), 0, `${" ".repeat(indent)}${dash ? "- " : ""}${key}: ${value.split("\n")[0]}`);
      return all.join("\n");
    }),
  // Noise at a random offset, control characters inside a line, truncation.
  fc.tuple(fc.nat(), yamlNoise).map(([pick, noise]): Mutation => (text) => {
    const at = pick % (text.length + 1);
    return text.slice(0, at) + noise + text.slice(at);
  }),
  fc.tuple(fc.nat(), controlText).map(([pick, noise]): Mutation => (text) => {
    const at = pick % (text.length + 1);
    return text.slice(0, at) + noise + text.slice(at);
  }),
  fc.nat().map(
    (pick): Mutation =>
      (text) =>
        text.slice(0, pick % (text.length + 1)),
  ),
  // A cyclic or repeated alias on a section.
  fc.nat().map((pick): Mutation => (text) => {
    const all = lines(text);
    const candidates = all.flatMap((line, i) => (/^[A-Za-z][\w-]*:\s*$/.test(line) ? [i] : []));
    if (candidates.length === 0) return text;
    const i = candidates[pick % candidates.length]!;
    all[i] = `${all[i]} &loop`;
    all.splice(i + 1, 0, "  self: *loop");
    return all.join("\n");
  }),
);

/** A valid charter with one to four mutations, and the charter it came from. */
export const mutatedCharter: fc.Arbitrary<{ base: string; text: string }> = fc
  .tuple(fc.constantFrom(...BASE_CHARTERS.map((base) => base.text)), fc.array(mutation, { minLength: 1, maxLength: 4 }))
  .map(([base, mutations]) => ({ base, text: mutations.reduce((current, mutate) => mutate(current), base) }));

/** Nested lists or mappings, small in size but deep. */
const deepNesting = fc
  .tuple(fc.integer({ min: 1, max: 60 }), fc.boolean(), fc.constantFrom("flow", "block"))
  .map(([depth, mapping, style]) => {
    if (style === "flow")
      return mapping ? "{a: ".repeat(depth) + "1" + "}".repeat(depth) : "[".repeat(depth) + "]".repeat(depth);
    return Array.from({ length: depth }, (_, i) => `${"  ".repeat(i)}${mapping ? "k:" : "-"}`).join("\n") + " x";
  });

const jsonish: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.constantFrom<unknown>(...BUILT_IN_NAMES, 1e308, -0, 0.1, 2 ** 53 + 1, "", "TODO", null, true),
    fc.string({ maxLength: 8 }),
    fc.integer(),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...BUILT_IN_NAMES), fc.string({ maxLength: 6 })), tie("value"), {
      maxKeys: 4,
    }),
  ),
})).value;

/** Small random YAML: random data in either style, deep nesting, or random text. */
export const randomYaml: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(jsonish, fc.constantFrom("block", "flow") as fc.Arbitrary<"block" | "flow">)
    .map(([data, style]) => stringify(data, { collectionStyle: style })),
  // A charter's head with random sections under it.
  fc
    .dictionary(
      fc.oneof(
        fc.constantFrom(
          "partner",
          "tier",
          "commitments",
          "phases",
          "signatures",
          "leverage",
          "governance",
          "measurement",
          "valueProposition",
          "launch",
          "status",
          "id",
          "title",
        ),
        fc.constantFrom(...BUILT_IN_NAMES),
      ),
      jsonish,
      { maxKeys: 5 },
    )
    .map((sections) => `apiVersion: partner-charter/v1\nkind: Charter\n${stringify(sections)}`),
  deepNesting,
  fc.string({ maxLength: 200 }),
  fc
    .array(fc.oneof(yamlNoise, fc.constantFrom(...HOSTILE_KEYS), fc.constantFrom(...HOSTILE_SCALARS)), {
      maxLength: 20,
    })
    .map((parts) => parts.join("")),
);

/** The ways a signatures section is written: block or flow items, with comments, or none at all. */
const SIGNATURE_LAYOUTS = [
  "signatures:\n  - { party: us, name: Priya Shah, title: Head of Partnerships, date: 2025-12-15 } # ours\n",
  "signatures:\n  # our side\n  - party: us   # us\n    # inside the item\n    name: Priya Shah\n    date: 2025-12-15 # in Paris\n  - title: Alliances Director # theirs\n    party: partner\n    name: Tom Lee\n    date: 2025-12-18\n",
  "signatures: [{ party: partner, name: Tom Lee, date: 2025-12-18 }] # flow\n",
  "signatures:\n  - { party: us,  # ours\n      name: Priya Shah, title: Head,\n      date: 2025-12-15 }\n",
  "signatures: []\n",
  "# no signatures yet\n",
  "",
];

/**
 * A charter that can be signed (no errors): a clean base, proposed (so signatures are not
 * required yet), with comments, blank lines, another signatures layout, CRLF line ends or no
 * final newline. Signing it must change nothing but its signatures.
 */
export const signableCharter: fc.Arbitrary<{ base: string; text: string }> = fc
  .tuple(
    fc.constantFrom(...BASE_CHARTERS.slice(0, 2).map((base) => base.text)),
    fc.constantFrom(...SIGNATURE_LAYOUTS),
    fc.array(fc.tuple(fc.nat(), fc.constantFrom("# a note", "", "   # indented note", "#")), { maxLength: 5 }),
    fc.constantFrom("\n", "\r\n"),
    fc.boolean(),
  )
  .map(([base, layout, notes, eol, finalNewline]) => {
    const proposed = base.replace(/^status: .*$/m, "status: proposed").replace(/^signatures:[\s\S]*$/m, layout);
    const all = proposed.replace(/\n$/, "").split("\n");
    for (const [pick, note] of notes) {
      const at = pick % (all.length + 1);
      // A comment inside block text would be text: only between lines that are not block text.
      if (!/[|>][-+]?\s*$/.test(all[at - 1] ?? "")) all.splice(at, 0, note);
    }
    const text = all.join(eol) + (finalNewline ? eol : "");
    return { base, text };
  });

/** Positions to probe (completion, hover, code actions): any line, any column, a little past the end too. */
export const probePositions = fc.array(fc.tuple(fc.nat(), fc.nat({ max: 120 })), { minLength: 1, maxLength: 3 });

export interface FuzzCase {
  text: string;
  /** The charter the text was made from (diffed against it); none for random YAML. */
  base?: string;
  positions: [number, number][];
}

/** One case of the suite: mostly mutated charters, some random YAML, with positions to probe. */
export const fuzzCase: fc.Arbitrary<FuzzCase> = fc
  .tuple(
    fc.oneof(
      { weight: 8, arbitrary: mutatedCharter },
      { weight: 1, arbitrary: signableCharter },
      { weight: 2, arbitrary: randomYaml.map((text) => ({ text, base: undefined })) },
    ),
    probePositions,
  )
  .map(([{ text, base }, positions]) => ({ text, base, positions }));
