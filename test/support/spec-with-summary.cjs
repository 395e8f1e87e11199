// Mocha's spec reporter plus a last line "N passed, N failed" that CI reads as the count.
const Mocha = require("mocha");
const { EVENT_RUN_END } = Mocha.Runner.constants;

class SpecWithSummary extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(EVENT_RUN_END, () => {
      const { passes = 0, failures = 0, pending = 0 } = runner.stats ?? {};
      // After the spec reporter's own epilogue.
      process.nextTick(() =>
        console.log(`${passes} passed, ${failures} failed${pending ? `, ${pending} skipped` : ""}`),
      );
    });
  }
}
module.exports = SpecWithSummary;
