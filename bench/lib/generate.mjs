// Generates the benchmark's inputs: realistic charters of an exact number of lines, and
// corpora of many charters in nested folders (unique ids, ~10% with typical mistakes).
// Deterministic (seeded), so that two runs measure the same bytes.
import { mkdirSync, rmSync, writeFileSync, existsSync, readFileSync } from "node:fs";
import { join, dirname } from "node:path";

/** The fixed "today" every checker is told, so that date-relative rules are reproducible. */
export const TODAY = "2026-06-01";

/** mulberry32: a tiny seeded PRNG. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PARTNERS = ["CloudCo", "Northwind", "Globex", "Initech", "Umbrella", "Stark Industries", "Wayne Ent", "Hooli"];
const TOPICS = ["MSP certification stack", "marketplace listing", "co-sell motion", "embedded analytics", "SSO bundle"];
const US_BENEFITS = ["distribution", "credibility", "revenue", "product-leverage", "other"];
const PARTNER_BENEFITS = ["revenue", "retention", "differentiation", "support-reduction", "other"];
const CUSTOMER_BENEFITS = ["workflow", "integration", "single-vendor", "cost", "other"];
const ECONOMIC = ["engineering", "spend", "revenue-share", "co-investment", "roadmap"];
const WORDS = ["MSP", "cohort", "pilot", "region", "API", "billing", "seat", "tenant", "partner", "webinar", "SKU"];

/**
 * The lists a charter grows when it gets long, with the lines each item takes. One "round"
 * adds one item to each list in turn; the remainder is padded with one-line items.
 */
function item(kind, n) {
  const w = WORDS[n % WORDS.length];
  switch (kind) {
    case "tag":
      return [`  - ${w.toLowerCase()}-${n}`];
    case "us":
      return [`    - benefit: ${US_BENEFITS[n % 4]}`, `      detail: ${w} reach ${n}`];
    case "partner":
      return [`    - benefit: ${PARTNER_BENEFITS[n % 5]}`, `      detail: ${w} churn ${n}`];
    case "customers":
      return [`    - benefit: ${CUSTOMER_BENEFITS[n % 5]}`, `      detail: ${w} setup ${n}`];
    case "commitment":
      return [
        `    - type: ${ECONOMIC[n % 5]}`,
        `      detail: ${w} work item ${n}`,
        `      amount:`,
        `        value: ${(n % 9) + 1}`,
        `        unit: engineer-months`,
      ];
    case "crawlDeliverable":
      return [`      - ${w} prototype ${n}`];
    case "walkDeliverable":
      return [`      - ${w} rollout ${n}`];
    case "runDeliverable":
      return [`      - ${w} scale-out ${n}`];
    case "crawlGate":
      return [`      - metric: ${w} time ${n}`, `        improvement: ${20 + (n % 30)}%`];
    case "walkGate":
      return [`      - metric: ${w} adoption ${n}`, `        adoption: ${70 + (n % 25)}%`];
    case "metric":
      return [`    - name: ${w} ARR ${n}`, `      target: $${(n % 90) + 10}k`, `      source: CRM report ${n}`];
    case "escalation":
      return [`    - ${w} lead ${n}`];
    case "exit":
      return [`    - fewer than ${n} ${w} live`];
    default:
      throw new Error(kind);
  }
}

const ROUND = [
  "tag",
  "us",
  "partner",
  "customers",
  "commitment", // us
  "commitment", // partner (same amounts: the exchange stays balanced)
  "crawlDeliverable",
  "walkDeliverable",
  "runDeliverable",
  "crawlGate",
  "walkGate",
  "metric",
  "escalation",
  "exit",
];

function renderCharter({ id, partner, topic, lists }) {
  const L = [];
  const push = (...lines) => L.push(...lines);
  const each = (key) => lists[key].forEach((lines) => push(...lines));
  push(
    "# A generated charter for the benchmark (bench/lib/generate.mjs).",
    "apiVersion: partner-charter/v1",
    "kind: Charter",
    `id: ${id}`,
    `title: Acme × ${partner} — ${topic}`,
    "status: active",
    "owner: priya.shah@acme.example",
    "updated: 2026-05-20",
  );
  if (lists.tag.length) {
    push("tags:");
    each("tag");
  }
  push(
    "partner:",
    `  name: ${partner}`,
    "  engineeringCapacity: false",
    "  marquee: true",
    "tier: strategic",
    "decision:",
    "  coreDifferentiator: false",
    "  buildDelayMonths: 9",
    "  partnerNeedsUs: true",
    "  choice: partner",
    "leverage:",
    "  type: requirement",
    `  evidence: ${partner}'s MSP program requires an identity product in the certified stack.`,
    "  ifWeWalkAway: Their MSPs lose certification.",
    "valueProposition:",
    "  us:",
    "    - { benefit: distribution, detail: 400 certified MSPs }",
    `    - { benefit: product-leverage, detail: ${partner} billing and provisioning APIs }`,
  );
  each("us");
  push("  partner:", "    - { benefit: retention, detail: MSPs keep certification }");
  each("partner");
  push("  customers:", "    - { benefit: single-vendor, detail: one bill through the marketplace }");
  each("customers");
  push(
    "goals:",
    "  us: 120 MSPs live and $1.2M partner-sourced ARR in year one",
    "  partner: certified stack complete for all Gold MSPs",
    "  customers: identity set up in under one day",
    "commitments:",
    "  us:",
    "    - { type: engineering, detail: two engineers on the integration, amount: { value: 12, unit: engineer-months } }",
    "    - { type: revenue-share, detail: 15% of marketplace revenue, amount: { value: 15, unit: percent } }",
  );
  lists.commitment.filter((_, i) => i % 2 === 0).forEach((lines) => push(...lines));
  push(
    "  partner:",
    "    - { type: spend, detail: MSP enablement fund, amount: { value: 300000, unit: USD } }",
    "    - { type: roadmap, detail: marketplace billing API built for this partnership }",
    "    - { type: engineering, detail: two partner engineers, amount: { value: 12, unit: engineer-months } }",
  );
  lists.commitment.filter((_, i) => i % 2 === 1).forEach((lines) => push(...lines));
  push(
    "  ifItFails:",
    "    us: 12 engineer-months and the MSP channel",
    "    partner: the enablement fund and a gap in its certified stack",
    "  balanced: true",
    "phases:",
    "  crawl:",
    "    start: 2026-01-05",
    "    end: 2026-02-27",
    "    customers: 2",
    "    integration: manual",
  );
  if (lists.crawlDeliverable.length) {
    push("    deliverables:");
    each("crawlDeliverable");
  }
  push("    goNoGo:", "      - { metric: MSP onboarding time, improvement: 25% }");
  each("crawlGate");
  push(
    "    outcome: passed",
    "    decidedOn: 2026-03-02",
    "  walk:",
    "    start: 2026-03-09",
    "    end: 2026-05-29",
    "    customers: 8",
    "    integration: formal",
  );
  if (lists.walkDeliverable.length) {
    push("    deliverables:");
    each("walkDeliverable");
  }
  push("    goNoGo:", "      - { metric: invited MSPs live, adoption: 70% }");
  each("walkGate");
  push("    outcome: passed", "    decidedOn: 2026-06-01", "  run:", "    start: 2026-06-08");
  if (lists.runDeliverable.length) {
    push("    deliverables:");
    each("runDeliverable");
  }
  push(
    "    reviewCadence: quarterly",
    "    roiValidated: true",
    "measurement:",
    "  metrics:",
    "    - { name: partner-sourced ARR, target: $1.2M, source: CRM partner pipeline report }",
    '    - { name: MSPs live, target: "120" }',
  );
  each("metric");
  push(
    "  reviewCadence: monthly",
    "  dashboard: Partner health dashboard",
    "governance:",
    `  owners: { us: Priya Shah, partner: Tom Lee }`,
    "  sponsors: { us: Chief Revenue Officer, partner: VP Channels }",
    "  partnerManager: Dana Ortiz",
    "  syncCadence: biweekly",
    "  escalation:",
    "    - partner managers",
    "    - VPs of partnerships",
    "    - executive sponsors",
  );
  each("escalation");
  push(
    "  exitCriteria:",
    "    - fewer than 40 MSPs live by the end of Q3",
    "    - either side misses two QBRs in a row",
  );
  each("exit");
  push(
    "signatures:",
    "  - { party: us, name: Priya Shah, title: Head of Partnerships, date: 2025-12-15 }",
    "  - { party: partner, name: Tom Lee, title: Alliances Director, date: 2025-12-18 }",
  );
  return L.join("\n") + "\n";
}

function emptyLists() {
  return Object.fromEntries(ROUND.map((kind) => [kind, []]));
}

/**
 * A complete, valid charter of exactly `lines` lines (≥ the base of 90 lines): the FORMAT.md
 * example whose lists (tags, value items, commitments, deliverables, go/no-go criteria,
 * metrics, escalation, exit criteria) grow round-robin until the count is reached.
 */
export function generateCharter(lines, { id = `bench-${lines}`, seed = lines } = {}) {
  const random = rng(seed);
  const partner = PARTNERS[Math.floor(random() * PARTNERS.length)];
  const topic = TOPICS[Math.floor(random() * TOPICS.length)];
  const lists = emptyLists();
  const count = () => renderCharter({ id, partner, topic, lists }).split("\n").length - 1;
  const base = count();
  if (lines < base) throw new Error(`a charter needs at least ${base} lines`);
  const perRound = ROUND.reduce((n, kind) => n + item(kind, 0).length, 0);
  let n = 0;
  // The list headers (tags:, deliverables:) appear with their first item: do one round first
  // (and take it back when it overshoots).
  for (const kind of ROUND) lists[kind].push(item(kind, n++));
  let current = count();
  let rounds = Math.floor((lines - current) / perRound);
  if (current > lines) {
    for (const kind of ROUND) lists[kind].pop();
    current = base;
    rounds = 0;
  }
  for (let r = 0; r < rounds; r++) for (const kind of ROUND) lists[kind].push(item(kind, n++));
  current = count();
  // Pad with one-line items (exit criteria, escalation steps), alternating.
  for (let i = 0; current < lines; i++, current++) {
    const kind = i % 2 === 0 ? "exit" : "escalation";
    lists[kind].push(item(kind, n++));
  }
  const text = renderCharter({ id, partner, topic, lists });
  const actual = text.split("\n").length - 1;
  if (actual !== lines) throw new Error(`generated ${actual} lines instead of ${lines}`);
  return text;
}

/** Typical mistakes, each a small edit of a valid charter: schema, rule and syntax problems. */
export const MISTAKES = [
  ["enum typo (schema, with did-you-mean)", (t) => t.replace("tier: strategic", "tier: stratgic")],
  ["missing required key (schema)", (t) => t.replace(/^owner: .*\n/m, "")],
  ["unknown key (schema)", (t) => t.replace("commitments:", "comitments:")],
  ["bad date (schema)", (t) => t.replace("updated: 2026-05-20", "updated: 2026-13-20")],
  ["no exit criteria (rule)", (t) => t.replace(/ {2}exitCriteria:\n(?: {4}- .*\n)+/, "")],
  ["crawl go/no-go bar too low (rule)", (t) => t.replace("improvement: 25%", "improvement: 5%")],
  ["no sponsors (rule)", (t) => t.replace(/^ {2}sponsors: .*\n/m, "")],
  ["phase dates overlap (rule)", (t) => t.replace("start: 2026-03-09", "start: 2026-02-09")],
  ["tab indentation (yaml-syntax)", (t) => t.replace("\n  name: ", "\n\tname: ")],
  [
    "unclosed flow map (yaml-syntax)",
    (t) => t.replace("{ us: Priya Shah, partner: Tom Lee }", "{ us: Priya Shah, partner: Tom Lee"),
  ],
];

/**
 * A corpus of `files` charters in nested folders (region/segment/team, 15 per team folder), unique ids, sizes
 * 90–220 lines (most near the small end, like real charters), ~10% with one typical mistake.
 * Returns the list of files and a manifest; re-uses the folder when its manifest matches.
 */
export function generateCorpus(dir, files, seed = files) {
  const manifestPath = join(dir, "manifest.json");
  const version = 4;
  if (existsSync(manifestPath)) {
    try {
      const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
      if (manifest.version === version && manifest.files === files && manifest.seed === seed) return manifest;
    } catch {
      // regenerate
    }
  }
  rmSync(dir, { recursive: true, force: true });
  const random = rng(seed * 7919);
  let lines = 0;
  let bytes = 0;
  let withMistakes = 0;
  const mistakeCounts = {};
  const paths = [];
  for (let i = 0; i < files; i++) {
    // Leaf folders of 15 charters, 6 teams per segment, 4 segments per region.
    const t = Math.floor(i / 15);
    const team = `team-${String(t).padStart(3, "0")}`;
    const segment = `segment-${String(Math.floor(t / 6)).padStart(3, "0")}`;
    const region = `region-${String(Math.floor(t / 24)).padStart(2, "0")}`;
    const size = 90 + Math.floor(random() * random() * 131); // skewed towards small (mean ~123)
    const id = `p${String(i).padStart(5, "0")}-${PARTNERS[i % PARTNERS.length].toLowerCase().replace(/\s+/g, "-")}`;
    let text = generateCharter(size, { id, seed: seed * 100003 + i });
    if (random() < 0.1) {
      const [name, mistake] = MISTAKES[Math.floor(random() * MISTAKES.length)];
      const mutated = mistake(text);
      if (mutated !== text) {
        text = mutated;
        withMistakes++;
        mistakeCounts[name] = (mistakeCounts[name] ?? 0) + 1;
      }
    }
    const relative = join(region, segment, team, `${id}.partner.yaml`);
    const file = join(dir, relative);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    paths.push(relative);
    lines += text.split("\n").length - 1;
    bytes += Buffer.byteLength(text);
  }
  const manifest = { version, files, seed, lines, bytes, withMistakes, mistakeCounts };
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return manifest;
}
