import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { isKnownElsewhere, ownerOf } from "./support/areas";
import { probeCore } from "./support/core-probe";
import { fuzzCase } from "./support/inputs";

/**
 * The quick fuzz run of the core (part of `npx mocha`): a fixed seed, a few thousand mutated
 * charters and random YAML through check, facts, render, diff, navigation, the quick fixes and
 * signing (test/fuzz/support/core-probe.ts lists the invariants). `npm run fuzz` runs the long
 * one with a random seed and a per-case time limit.
 */

const SEED = 20261124;
const RUNS = 2000;

describe("fuzz: the core never crashes, never locates a finding outside the file, never breaks YAML", function () {
  this.timeout(120_000);

  it(`${RUNS} cases from seed ${SEED}`, () => {
    const tolerated = new Set<string>();
    fc.assert(
      fc.property(fuzzCase, ({ text, base, positions }) => {
        const violations = probeCore(text, positions, base);
        for (const violation of violations.filter(isKnownElsewhere))
          tolerated.add(`${violation.area}: ${violation.invariant}`);
        const open = violations.filter((violation) => !isKnownElsewhere(violation));
        assert.deepEqual(
          open.map(
            (violation) => `[${ownerOf(violation)}] ${violation.area}: ${violation.invariant}\n${violation.detail}`,
          ),
          [],
        );
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    if (tolerated.size) console.log(`      (known, owned elsewhere: ${[...tolerated].join("; ")})`);
  });
});

/** Inputs the long run (`npm run fuzz`) found, kept as cases of their own once fixed. */
describe("fuzz: cases found by the long run", () => {
  const regression = (name: string): string =>
    fs.readFileSync(path.join(__dirname, "regressions", `${name}.yaml`), "utf8");
  const cases: [string, [number, number][]][] = [
    // A "-" glued to a key (`-x`) asked for an item snippet at column -1 (seed 583226967).
    [
      "completion-dash-glued-to-key",
      [
        [69318272, 115],
        [764842011, 1],
      ],
    ],
    // "Disable … for this file" put its comment before a byte order mark (seed 583253710).
    [
      "disable-file-after-bom",
      [
        [838616938, 115],
        [5, 114],
      ],
    ],
  ];
  for (const [name, positions] of cases) {
    it(name, () => assert.deepEqual(probeCore(regression(name), positions), []));
  }
});
