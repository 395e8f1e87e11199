import type { Tier } from "./model/charter";
import { deref, schemaAt, type SchemaNode } from "./schema/charter-schema";
import type { NodePath } from "./types";

/**
 * Charter skeletons with TODO markers: the whole charter written by `partner-charter init`
 * and the editor's "New Charter…" command, and single sections inserted by quick fixes.
 * Every skeleton passes the schema; the TODOs are what the authors must still decide.
 */

/** Hand-written skeletons of the top-level sections (YAML, relative to the section key). */
const SECTION_SKELETONS: Record<string, string> = {
  apiVersion: "partner-charter/v1",
  kind: "Charter",
  id: "todo-partner-id",
  title: "TODO — partnership title",
  status: "draft",
  owner: "TODO — who keeps this charter current",
  partner: "name: TODO — partner name",
  tier: "partnership # TODO: integration | partnership | strategic",
  leverage: [
    "type: economic # TODO: requirement | economic | competitive | customer | co-marketing",
    "evidence: TODO — why the partner needs us (the requirement, their ROI, ticket volume…)",
    "ifWeWalkAway: TODO — the partner's answer to 'if we don't do this, what happens to you?'",
  ].join("\n"),
  valueProposition: [
    "us:",
    "  - { benefit: product-leverage, detail: TODO — what we gain }",
    "partner:",
    "  - { benefit: revenue, detail: TODO — what the partner gains }",
    "customers:",
    "  - { benefit: workflow, detail: TODO — what shared customers gain }",
  ].join("\n"),
  goals: [
    "us: TODO — what success looks like for us",
    "partner: TODO — what success looks like for the partner",
    "customers: TODO — what success looks like for customers",
  ].join("\n"),
  commitments: [
    "us:",
    "  - { type: engineering, detail: TODO — what we invest }",
    "partner:",
    "  - { type: spend, detail: TODO — what the partner invests }",
    "ifItFails:",
    "  us: TODO — what we lose if it fails",
    "  partner: TODO — what the partner loses if it fails",
  ].join("\n"),
  phases: [
    "crawl:",
    "  customers: 2",
    "  integration: manual",
    "  goNoGo:",
    "    - { metric: TODO — the outcome pilots must improve, improvement: 20% }",
    "  outcome: pending",
  ].join("\n"),
  measurement: [
    "metrics:",
    "  - { name: TODO — partner-sourced revenue, target: TODO }",
    "reviewCadence: monthly",
  ].join("\n"),
  governance: [
    "owners: { us: TODO, partner: TODO }",
    "sponsors: { us: TODO, partner: TODO }",
    "escalation: [TODO — first step, TODO — next step]",
    "exitCriteria:",
    "  - TODO — what result ends the partnership",
  ].join("\n"),
};

/** Nested sections whose generic skeleton would be too thin to help. */
const NESTED_SKELETONS: Record<string, string> = {
  "governance.exitCriteria": "- TODO — what result ends the partnership",
  "governance.escalation": "- TODO — first step\n- TODO — next step",
  "governance.owners": "us: TODO\npartner: TODO",
  "governance.sponsors": "us: TODO\npartner: TODO",
  "commitments.ifItFails": "us: TODO — what we lose if it fails\npartner: TODO — what the partner loses if it fails",
  "measurement.metrics": "- { name: TODO, target: TODO }",
};

function genericPath(path: NodePath): string {
  return path.map((segment) => (typeof segment === "number" ? "*" : segment)).join(".");
}

function scalarPlaceholder(node: SchemaNode | undefined, today: string): string {
  if (!node) return "TODO";
  if (node.const !== undefined) return String(node.const);
  if (node.enum?.length) return String(node.enum[0]);
  if (node.format === "date") return today;
  if (node.anyOf) return scalarPlaceholder(deref(node.anyOf[0]), today);
  switch (node.type) {
    case "integer":
    case "number":
      return "0";
    case "boolean":
      return "false";
    default:
      return node.pattern ? "todo" : "TODO";
  }
}

/** A schema-derived skeleton: required keys with placeholders, recursively. */
function genericSkeleton(node: SchemaNode | undefined, today: string, depth = 0): string {
  if (!node || depth > 4) return "TODO";
  if (node.type === "array") {
    const item = deref(node.items);
    const inner = genericSkeleton(item, today, depth + 1);
    return `- ${inner.split("\n").join("\n  ")}`;
  }
  if (node.type === "object") {
    const keys = node.required?.length ? node.required : Object.keys(node.properties ?? {}).slice(0, 1);
    return keys
      .map((key) => {
        const child = deref(node.properties?.[key]);
        const body = genericSkeleton(child, today, depth + 1);
        return child?.type === "object" || child?.type === "array"
          ? `${key}:\n  ${body.split("\n").join("\n  ")}`
          : `${key}: ${body}`;
      })
      .join("\n");
  }
  return scalarPlaceholder(node, today);
}

/** YAML for the value of the key at `path` (relative indentation, no key). */
export function sectionSkeleton(path: NodePath, today: string): string {
  const generic = genericPath(path);
  return SECTION_SKELETONS[generic] ?? NESTED_SKELETONS[generic] ?? genericSkeleton(schemaAt(path), today);
}

export interface CharterSkeletonInput {
  tier: Tier;
  partnerName: string;
  /** YYYY-MM-DD, for `updated`. */
  today: string;
  owner?: string;
}

export function slugify(text: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug || "new-partner";
}

/** Quotes text for a plain YAML scalar when it needs it. */
export function yamlString(text: string): string {
  return /^[\w][\w .,'()&×/-]*$/u.test(text) && !/:\s|\s#/.test(text) && !/^(true|false|null|yes|no|~)$/i.test(text)
    ? text
    : JSON.stringify(text);
}

const TIER_NOTES: Record<Tier, string> = {
  integration: "Tier 1: the partner self-serves on our public API; start here when they have engineers.",
  partnership: "Tier 2: joint development with regular syncs.",
  strategic: "Tier 3: co-development with a dedicated partner manager and executive sponsors.",
};

/** A whole new charter: passes the schema, with TODO where the authors must decide. */
export function charterSkeleton(input: CharterSkeletonInput): string {
  const partner = yamlString(input.partnerName.trim() || "TODO — partner name");
  const indent = (yaml: string): string =>
    yaml
      .split("\n")
      .map((line) => `  ${line}`)
      .join("\n");
  const lines = [
    "# Partnership charter — fill in every TODO, then run `partner-charter check`.",
    "apiVersion: partner-charter/v1",
    "kind: Charter",
    `id: ${slugify(input.partnerName)}`,
    `title: ${yamlString(`Partnership with ${input.partnerName.trim() || "TODO"}`)}`,
    "status: draft",
    `owner: ${input.owner ? yamlString(input.owner) : SECTION_SKELETONS.owner}`,
    `updated: ${input.today}`,
    "partner:",
    `  name: ${partner}`,
    "  engineeringCapacity: false # TODO: can they build on our public API on their own?",
    "  marquee: false # TODO: is this a logo that shifts our positioning?",
    `tier: ${input.tier} # ${TIER_NOTES[input.tier]}`,
  ];
  for (const section of [
    "leverage",
    "valueProposition",
    "goals",
    "commitments",
    "phases",
    "measurement",
    "governance",
  ]) {
    lines.push(`${section}:`, indent(SECTION_SKELETONS[section]!));
  }
  if (input.tier === "strategic") {
    lines.push("  partnerManager: TODO — dedicated partner manager");
  } else if (input.tier === "partnership") {
    lines.push("  syncCadence: biweekly");
  }
  return `${lines.join("\n")}\n`;
}
