// Run by bench/sections/core.mjs as `node --expose-gc core-child.cjs CONFIG_JSON`: measures
// the core in process (checkCharter from the bundled core) against the floor
// (yaml.parseDocument + the precompiled validator on doc.toJS()), interleaved pair by pair,
// alternating which goes first. One full GC before each size, none per call: a forced GC
// before every call resets V8's feedback and makes both sides several times slower than in
// real use (measured: 100 lines, 1.5 ms → 6 ms); GC that the calls themselves cause is part
// of their cost. Prints JSON.
"use strict";
const { readFileSync } = require("node:fs");
const config = JSON.parse(process.argv[2]);
const core = require(config.coreBundle);
const { parseDocument } = require(require.resolve("yaml", { paths: [config.root] }));
const validate = require(`${config.root}/core/generated/charter-validator.js`);

const now = () => Number(process.hrtime.bigint()) / 1e6;
const gc = global.gc ?? (() => {});

function ours(text) {
  return core.checkCharter(text, { today: config.today }).findings.length;
}
function floor(text) {
  const doc = parseDocument(text);
  if (doc.errors.length) return doc.errors.length;
  return validate(doc.toJS()) ? 0 : validate.errors.length;
}
function time(fn, text) {
  const start = now();
  const out = fn(text);
  return [now() - start, out];
}

const results = [];
for (const { lines, file, warmup, samples } of config.sizes) {
  const text = readFileSync(file, "utf8");
  for (let i = 0; i < warmup; i++) {
    ours(text);
    floor(text);
  }
  gc();
  const o = [];
  const f = [];
  let findings;
  let floorProblems;
  for (let i = 0; i < samples; i++) {
    if (i % 2 === 0) {
      const [a, x] = time(ours, text);
      const [b, y] = time(floor, text);
      (o.push(a), f.push(b), (findings = x), (floorProblems = y));
    } else {
      const [b] = time(floor, text);
      const [a] = time(ours, text);
      (o.push(a), f.push(b));
    }
  }
  // Where our time goes (diagnostic, not a budget): parse+toJS, schema, the rest (rules, ranges, suppressions).
  const parse = [];
  const schema = [];
  for (let i = 0; i < Math.min(samples, 9); i++) {
    let start = now();
    const parsed = core.parseCharter(text);
    parse.push(now() - start);
    start = now();
    core.validateCharterData(parsed.data);
    schema.push(now() - start);
  }
  results.push({ lines, bytes: Buffer.byteLength(text), ours: o, floor: f, findings, floorProblems, parse, schema });
}
process.stdout.write(JSON.stringify(results));
