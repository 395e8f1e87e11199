/**
 * Charters used by the language server tests. VALID is the complete example of FORMAT.md,
 * clean with "today" fixed at TEST_TODAY.
 */

export const TODAY = "2026-11-24";

export const VALID = `apiVersion: partner-charter/v1
kind: Charter
id: acme-cloudco-msp
title: Acme × CloudCo — MSP certification stack
status: active
owner: priya.shah@acme.example
updated: 2026-11-02
partner:
  name: CloudCo
  engineeringCapacity: false
  marquee: true
tier: strategic
decision:
  coreDifferentiator: false
  buildDelayMonths: 9
  partnerNeedsUs: true
  choice: partner
leverage:
  type: requirement
  evidence: CloudCo's MSP program requires an identity product in the certified stack.
  ifWeWalkAway: Their MSPs lose certification.
valueProposition:
  us:
    - { benefit: distribution, detail: 400 certified MSPs }
    - { benefit: product-leverage, detail: CloudCo billing and provisioning APIs }
  partner:
    - { benefit: retention, detail: MSPs keep certification }
  customers:
    - { benefit: single-vendor, detail: one bill through the marketplace }
goals:
  us: 120 MSPs live and $1.2M partner-sourced ARR in year one
  partner: certified stack complete for all Gold MSPs
  customers: identity set up in under one day
commitments:
  us:
    - { type: engineering, detail: two engineers on the integration, amount: { value: 12, unit: engineer-months } }
    - { type: revenue-share, detail: 15% of marketplace revenue, amount: { value: 15, unit: percent } }
  partner:
    - { type: spend, detail: MSP enablement fund, amount: { value: 300000, unit: USD } }
    - { type: roadmap, detail: marketplace billing API built for this partnership }
  ifItFails:
    us: 12 engineer-months and the MSP channel
    partner: the enablement fund and a gap in its certified stack
  balanced: true
phases:
  crawl:
    start: 2026-01-05
    end: 2026-02-27
    customers: 2
    integration: manual
    goNoGo:
      - { metric: MSP onboarding time, improvement: 25% }
    outcome: passed
    decidedOn: 2026-03-02
  walk:
    start: 2026-03-09
    end: 2026-05-29
    customers: 8
    integration: formal
    goNoGo:
      - { metric: invited MSPs live, adoption: 70% }
    outcome: passed
    decidedOn: 2026-06-01
  run:
    start: 2026-06-08
    reviewCadence: quarterly
    roiValidated: true
measurement:
  metrics:
    - { name: partner-sourced ARR, target: $1.2M, source: CRM partner pipeline report }
    - { name: MSPs live, target: "120" }
  reviewCadence: monthly
  dashboard: Partner health dashboard
governance:
  owners: { us: Priya Shah, partner: Tom Lee }
  sponsors: { us: Chief Revenue Officer, partner: VP Channels }
  partnerManager: Dana Ortiz
  syncCadence: biweekly
  escalation: [partner managers, VPs of partnerships, executive sponsors]
  exitCriteria:
    - fewer than 40 MSPs live by the end of Q3
    - either side misses two QBRs in a row
signatures:
  - { party: us, name: Priya Shah, title: Head of Partnerships, date: 2025-12-15 }
  - { party: partner, name: Tom Lee, title: Alliances Director, date: 2025-12-18 }
`;

/** VALID with `id:` set to another value. */
export function withId(id: string, text = VALID): string {
  return text.replace(/^id: .*$/m, `id: ${id}`);
}

/** VALID with one line replaced (matched by a regular expression). */
export function replaceLine(pattern: RegExp, line: string, text = VALID): string {
  if (!pattern.test(text)) throw new Error(`No line matches ${pattern}`);
  return text.replace(pattern, line);
}

/** VALID without a top-level section (the key and its indented block). */
export function withoutSection(key: string, text = VALID): string {
  const lines = text.split("\n");
  const start = lines.findIndex((line) => line.startsWith(`${key}:`));
  if (start < 0) throw new Error(`No section ${key}`);
  let end = start + 1;
  while (end < lines.length && (lines[end]!.startsWith(" ") || lines[end] === "")) end++;
  return [...lines.slice(0, start), ...lines.slice(end)].join("\n");
}

/** The 0-based line of the first line matching `pattern`. */
export function lineOf(text: string, pattern: RegExp | string): number {
  const line = text.split("\n").findIndex((l) => (typeof pattern === "string" ? l.includes(pattern) : pattern.test(l)));
  if (line < 0) throw new Error(`No line matches ${pattern}`);
  return line;
}
