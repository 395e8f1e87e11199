import {
  balanceWords,
  countSeverities,
  isRecord,
  list,
  record,
  strings,
  text,
  type CharterFacts,
  type CommitmentFact,
  type Data,
  type ExchangeFacts,
  type SeverityCounts,
  type SideExchange,
  type UnitComparison,
} from "../facts";
import { ourCompanyName, type CharterView } from "../model/charter-view";
import { signingBlockers } from "../signing";
import { formatNumber } from "../text/numbers";
import { capitalize, plural } from "../text/words";
import { benefitLabel, commitmentLabel, formatUnitAmount, LEVERAGE_SCALE, tierLabel } from "./format";
import { timelineView } from "./view-timeline";
import {
  NOT_STATED,
  type Audience,
  type Companies,
  type CommitmentLine,
  type Exchange,
  type ExchangeSide,
  type RenderModel,
  type SignatureBlock,
  type SignatureView,
  type ValueColumn,
} from "./view-types";

export * from "./view-types";

/**
 * What the page shows, decided once for both renderers (HTML and Markdown): the charter read
 * leniently (a section may be missing or the wrong shape while the author types), with
 * labels and formatted amounts. Every judgement (phase lengths, the balance, signature
 * states) is a fact of `view.facts`, the same the rules and code lenses state; verdicts on
 * the rest come from the findings. The page names both companies wherever the YAML says `us`
 * and `partner`: the partner's people read it too, and to them "we" is the other company.
 */

/** The partner's name as the page says it. */
export const THE_PARTNER = "the partner";

export function companyNames(view: CharterView): Companies {
  return { us: ourCompanyName(view), partner: text(record(record(view.charter).partner).name) ?? THE_PARTNER };
}

function valueColumns(data: Data, companies: Companies): ValueColumn[] {
  const value = record(data.valueProposition);
  const goals = record(data.goals);
  const labels = { ...companies, customers: "shared customers" };
  return (["us", "partner", "customers"] as const).map((side) => ({
    side,
    label: labels[side],
    items: list(value[side]).map((item) => {
      const entry = record(item);
      return { benefit: benefitLabel(entry.benefit), detail: text(entry.detail) };
    }),
    goal: text(goals[side]),
  }));
}

function commitmentLine(commitment: CommitmentFact): CommitmentLine {
  return {
    type: commitment.type ?? "",
    label: commitmentLabel(commitment.type),
    economic: commitment.economic,
    detail: commitment.detail,
    amount: commitment.amount && formatUnitAmount(commitment.amount.value, commitment.amount.unit.label),
  };
}

function exchangeSide(side: SideExchange, companies: Companies): ExchangeSide {
  const gives = side.commitments.map(commitmentLine);
  return {
    side: side.side,
    label: companies[side.side],
    gives,
    loses: side.loses,
    economicCount: gives.filter((line) => line.economic).length,
    totals: side.totals.map(({ unit, total }) => formatUnitAmount(total, unit.label)),
  };
}

/** "USD: Acme 100,000 · CloudCo 300,000 (1 : 3)". */
function comparisonLine({ unit, us, partner }: UnitComparison, companies: Companies): string {
  let ratio = "";
  if (us > 0 && partner > 0) {
    ratio = us >= partner ? ` (${formatNumber(us / partner)} : 1)` : ` (1 : ${formatNumber(partner / us)})`;
  }
  return `${unit.label}: ${companies.us} ${formatUnitAmount(us, unit.label)} · ${companies.partner} ${formatUnitAmount(partner, unit.label)}${ratio}`;
}

/**
 * The balance verdict of the facts in the page's words: the same verdict as `balanceWords`
 * (what the code lens and `unbalanced-exchange` say), naming the company that puts in more.
 */
function verdictWords(exchange: ExchangeFacts, companies: Companies): string {
  const lopsided = exchange.comparisons.find((comparison) => comparison.lopsided);
  if (exchange.verdict !== "unbalanced" || !lopsided?.larger) return balanceWords(exchange);
  const times = lopsided.times === undefined ? "far" : `${formatNumber(Math.round(lopsided.times * 10) / 10)}×`;
  return `unbalanced: ${companies[lopsided.larger]} puts in ${times} more ${lopsided.unit.label}`;
}

function balanceLine(exchange: ExchangeFacts, us: ExchangeSide, partner: ExchangeSide, companies: Companies): string {
  const skin = (side: ExchangeSide): string => {
    const who = `${side.label} makes`;
    if (side.economicCount === 0) return `${who} no economic commitment`;
    const totals = side.totals.length ? ` (${side.totals.join(", ")})` : "";
    return `${who} ${plural(side.economicCount, "economic commitment")}${totals}`;
  };
  const answer =
    exchange.balanced === undefined
      ? "the authors have not said whether it is balanced"
      : exchange.balanced
        ? "the authors say both sides would still do this if the other walked"
        : "the authors say it is not balanced";
  return `${capitalize(verdictWords(exchange, companies))} — ${skin(us)}; ${skin(partner)}; ${answer}.`;
}

function exchangeView(exchange: ExchangeFacts, companies: Companies): Exchange {
  const us = exchangeSide(exchange.us, companies);
  const partner = exchangeSide(exchange.partner, companies);
  return {
    stated: exchange.stated,
    sides: [us, partner],
    comparisons: exchange.comparisons.map((comparison) => comparisonLine(comparison, companies)),
    balanced: exchange.balanced,
    verdict: exchange.verdict,
    balanceLine: balanceLine(exchange, us, partner, companies),
  };
}

/** The signatures with the state of the facts (`charterDigest` against each recorded digest). */
function signatureViews(facts: CharterFacts, companies: Companies): SignatureView[] {
  return facts.signatures.map((signature) => ({
    party:
      signature.party === "us" || signature.party === "partner"
        ? companies[signature.party]
        : (signature.party ?? NOT_STATED),
    ...(signature.party === "us" || signature.party === "partner" ? { side: signature.party } : {}),
    name: signature.name,
    title: signature.title,
    date: signature.date,
    digest: signature.digest,
    state: signature.state,
  }));
}

function launchView(data: Data, facts: CharterFacts): RenderModel["launch"] {
  if (!isRecord(data.launch)) return undefined;
  const { checklist, open } = facts.launch;
  return {
    date: text(data.launch.date),
    done: checklist.length - open.length,
    total: checklist.length,
    open,
  };
}

function leverageView(data: Data): RenderModel["leverage"] {
  const leverage = record(data.leverage);
  return {
    type: text(leverage.type),
    evidence: text(leverage.evidence),
    ifWeWalkAway: text(leverage.ifWeWalkAway),
    scale: LEVERAGE_SCALE.map((step) => ({ ...step, selected: step.type === leverage.type })),
  };
}

function measurementView(data: Data): RenderModel["measurement"] {
  const measurement = record(data.measurement);
  return {
    metrics: list(measurement.metrics).map((item) => {
      const metric = record(item);
      return { name: text(metric.name) ?? NOT_STATED, target: text(metric.target), source: text(metric.source) };
    }),
    reviewCadence: text(measurement.reviewCadence),
    dashboard: text(measurement.dashboard),
  };
}

function governanceView(data: Data): RenderModel["governance"] {
  const governance = record(data.governance);
  const owners = record(governance.owners);
  const sponsors = record(governance.sponsors);
  return {
    owners: { us: text(owners.us), partner: text(owners.partner) },
    sponsors: { us: text(sponsors.us), partner: text(sponsors.partner) },
    partnerManager: text(governance.partnerManager),
    syncCadence: text(governance.syncCadence),
    escalation: strings(governance.escalation),
    exitCriteria: strings(governance.exitCriteria),
  };
}

/** Our block, then the partner's: each party's latest signature, or lines to sign on. */
function signatureBlocks(signatures: SignatureView[], companies: Companies): [SignatureBlock, SignatureBlock] {
  const block = (side: "us" | "partner"): SignatureBlock => {
    const signature = signatures.filter((entry) => entry.side === side).at(-1);
    return { side, company: companies[side], ...(signature ? { signature } : {}) };
  };
  return [block("us"), block("partner")];
}

export function renderModel(view: CharterView, audience: Audience = "internal"): RenderModel {
  const data = record(view.charter);
  const partner = record(data.partner);
  const companies = companyNames(view);
  const blocking = signingBlockers(view.findings).length;
  const signatures = signatureViews(view.facts, companies);
  return {
    audience,
    companies,
    ...(blocking > 0 ? { draft: { blocking } } : {}),
    readable: view.charter !== undefined,
    fileName: view.fileName,
    title: text(data.title) ?? view.fileName,
    partner: text(partner.name),
    website: text(partner.website),
    // A program names its tiers: "Premier (…)", with the level in the format's words.
    tier: view.program?.tierName ? `${view.program.tierName} (${tierLabel(data.tier)})` : tierLabel(data.tier),
    status: text(data.status),
    owner: text(data.owner),
    updated: text(data.updated),
    id: text(data.id),
    health: view.health,
    counts: countSeverities(view.findings),
    suppressed: view.suppressed,
    today: view.today,
    value: valueColumns(data, companies),
    exchange: exchangeView(view.facts.exchange, companies),
    leverage: leverageView(data),
    timeline: timelineView(data, view.facts, view.today),
    measurement: measurementView(data),
    governance: governanceView(data),
    signatures,
    signatureBlocks: signatureBlocks(signatures, companies),
    launch: launchView(data, view.facts),
    findings: view.findings.map((finding) => ({
      severity: finding.severity,
      rule: finding.rule,
      message: finding.message,
      line: finding.range.start.line,
      character: finding.range.start.character,
    })),
  };
}

/** "2 errors, 1 warning, 0 infos" (and hints when there are any). */
export function countsLine(counts: SeverityCounts): string {
  const parts = [plural(counts.errors, "error"), plural(counts.warnings, "warning"), plural(counts.infos, "info")];
  if (counts.hints) parts.push(plural(counts.hints, "hint"));
  return parts.join(", ");
}
