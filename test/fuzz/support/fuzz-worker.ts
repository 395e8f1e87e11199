import fc from "fast-check";
import { probeCore } from "./core-probe";
import { fuzzCase, type FuzzCase } from "./inputs";

/**
 * A child process of `npm run fuzz`: runs the cases it is sent, one at a time, and answers
 * each with its violations. The parent times every case and kills this process on a hang.
 */

export interface CaseRequest {
  index: number;
  seed: number;
}

export interface CaseAnswer {
  index: number;
  ms: number;
  violations: ReturnType<typeof probeCore>;
}

/** The case of a seed: each case has its own, so any case can be replayed alone. */
export function caseOf(seed: number): FuzzCase {
  return fc.sample(fuzzCase, { seed, numRuns: 1 })[0]!;
}

if (process.send) {
  process.on("message", ({ index, seed }: CaseRequest) => {
    const started = performance.now();
    const { text, base, positions } = caseOf(seed);
    const violations = probeCore(text, positions, base);
    process.send!({ index, ms: performance.now() - started, violations } satisfies CaseAnswer);
  });
  // Warm up (modules loaded, code compiled) before the first timed case: a cold start is not a hang.
  const warmUp = caseOf(0);
  probeCore(warmUp.text, warmUp.positions, warmUp.base);
  process.send({ ready: true });
}
