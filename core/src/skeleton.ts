import { parse } from "yaml";
import { PLACEHOLDER } from "./facts/read";
import type { Tier } from "./model/charter";
import { deref, schemaAt, type SchemaNode } from "./schema/charter-schema";
import type { NodePath } from "./types";

/**
 * Charter skeletons with TODO markers: the whole charter written by `partner-charter init`
 * and the editor's "New Charter…" command, and single sections inserted by quick fixes.
 * Every skeleton passes the schema; wherever the authors must still decide, it writes `TODO`
 * (docs/rules/todo-placeholder.md), so `check` lists each open decision and `sign` refuses
 * the charter until none is left.
 */

/** True when the schema accepts the placeholder `TODO` for the value at this node. */
function acceptsPlaceholder(node: SchemaNode | undefined): boolean {
  const target = deref(node);
  if (!target) return false;
  if (target.const !== undefined) return target.const === PLACEHOLDER;
  if (target.enum) return target.enum.includes(PLACEHOLDER);
  const alternatives = [...(target.anyOf ?? []), ...((target as { oneOf?: SchemaNode[] }).oneOf ?? [])];
  if (alternatives.length) return alternatives.some(acceptsPlaceholder);
  const types = Array.isArray(target.type) ? target.type : [target.type];
  if (!types.includes("string") || target.format) return false;
  return target.pattern === undefined || new RegExp(target.pattern, "u").test(PLACEHOLDER);
}

/**
 * `TODO` for a decision at `path` (a date, a number, a choice), where the schema accepts the
 * placeholder there; otherwise the framework's default, so the skeleton still passes the schema.
 */
export function decisionPlaceholder(path: NodePath, fallback: string): string {
  return acceptsPlaceholder(schemaAt(path)) ? PLACEHOLDER : fallback;
}

/** The decision at `path`: `TODO # hint`, or its default followed by a `# TODO: hint` comment. */
function decisionValue(path: NodePath, fallback: string, hint: string): string {
  const value = decisionPlaceholder(path, fallback);
  return value === PLACEHOLDER ? `${value} # ${hint}` : `${value} # TODO: ${hint}`;
}

function leverageSkeleton(): string {
  return [
    `type: ${decisionValue(["leverage", "type"], "economic", "requirement | economic | competitive | customer | co-marketing")}`,
    "evidence: TODO — why the partner needs us (the requirement, their ROI, ticket volume…)",
    "ifWeWalkAway: TODO — the partner's answer to 'if we don't do this, what happens to you?'",
  ].join("\n");
}

/** The crawl phase: the framework's defaults, with its dates to decide. */
function crawlSkeleton(): string[] {
  const dates = ["start", "end"].flatMap((key) => {
    const value = decisionPlaceholder(["phases", "crawl", key], "");
    return value ? [`  ${key}: ${value}${key === "end" ? " # 4 to 8 weeks after the start" : ""}`] : [];
  });
  return [
    "crawl:",
    ...dates,
    "  customers: 2",
    "  integration: manual",
    "  goNoGo:",
    "    - { metric: TODO — the outcome pilots must improve, improvement: 20% }",
    "  outcome: pending",
  ];
}

/** Hand-written skeletons of the top-level sections (YAML, relative to the section key). */
const SECTION_SKELETONS: Record<string, () => string> = {
  apiVersion: () => "partner-charter/v1",
  kind: () => "Charter",
  id: () => "todo-partner-id",
  title: () => "TODO — partnership title",
  status: () => "draft",
  owner: () => "TODO — who keeps this charter current",
  partner: () => "name: TODO — partner name",
  tier: () => decisionValue(["tier"], "partnership", "integration | partnership | strategic"),
  leverage: leverageSkeleton,
  valueProposition: () =>
    [
      "us:",
      "  - { benefit: product-leverage, detail: TODO — what we gain }",
      "partner:",
      "  - { benefit: revenue, detail: TODO — what the partner gains }",
      "customers:",
      "  - { benefit: workflow, detail: TODO — what shared customers gain }",
    ].join("\n"),
  goals: () =>
    [
      "us: TODO — what success looks like for us",
      "partner: TODO — what success looks like for the partner",
      "customers: TODO — what success looks like for customers",
    ].join("\n"),
  commitments: () => commitmentsSkeleton("partnership"),
  phases: () => crawlSkeleton().join("\n"),
  measurement: () =>
    ["metrics:", "  - { name: TODO — partner-sourced revenue, target: TODO }", "reviewCadence: monthly"].join("\n"),
  governance: () => governanceSkeleton("partnership"),
};

/** The walk phase: the framework's defaults, with its dates and what is measured to decide. */
const WALK_SKELETON = [
  "start: TODO",
  "end: TODO # 2 to 3 months after the start",
  "customers: 5",
  "integration: formal",
  "goNoGo:",
  "  - { metric: TODO — what invited customers adopt, adoption: 70% }",
  "outcome: pending",
].join("\n");

/** Nested sections whose generic skeleton would be too thin to help. */
const NESTED_SKELETONS: Record<string, string> = {
  "governance.exitCriteria": "- TODO — what result ends the partnership",
  "governance.escalation": "- TODO — first step\n- TODO — next step",
  "governance.owners": "us: TODO\npartner: TODO",
  "governance.sponsors": "us: TODO\npartner: TODO",
  "commitments.ifItFails": "us: TODO — what we lose if it fails\npartner: TODO — what the partner loses if it fails",
  "measurement.metrics": "- { name: TODO, target: TODO }",
};

/**
 * What each side commits at each tier, so a fresh charter already has the shape of its tier:
 * at Tier 1 the partner builds and we support it (the self-serve model); above it, both sides
 * invest and the partner's roadmap moves for the partnership.
 */
function commitmentsSkeleton(tier: Tier): string {
  const sides =
    tier === "integration"
      ? [
          "us:",
          "  - { type: support, detail: TODO — documentation and office hours for the partner }",
          "partner:",
          "  - { type: engineering, detail: TODO — the integration the partner builds on our API }",
        ]
      : [
          "us:",
          "  - { type: engineering, detail: TODO — what we build and invest }",
          "partner:",
          "  - { type: roadmap, detail: TODO — what the partner builds for this partnership }",
        ];
  return [
    ...sides,
    "ifItFails:",
    "  us: TODO — what we lose if it fails",
    "  partner: TODO — what the partner loses if it fails",
  ].join("\n");
}

/** Governance at each tier: sponsors from Tier 2, a sync cadence at Tier 2, a partner manager at Tier 3. */
function governanceSkeleton(tier: Tier): string {
  return [
    "owners: { us: TODO, partner: TODO }",
    ...(tier === "integration" ? [] : ["sponsors: { us: TODO, partner: TODO }"]),
    ...(tier === "strategic" ? ["partnerManager: TODO — dedicated partner manager"] : []),
    ...(tier === "partnership" ? ["syncCadence: biweekly"] : []),
    "escalation: [TODO — first step, TODO — next step]",
    "exitCriteria:",
    "  - TODO — what result ends the partnership",
  ].join("\n");
}

function genericPath(path: NodePath): string {
  return path.map((segment) => (typeof segment === "number" ? "*" : segment)).join(".");
}

function scalarPlaceholder(node: SchemaNode | undefined, today: string): string {
  if (!node) return PLACEHOLDER;
  if (node.const !== undefined) return String(node.const);
  // A decision (a date, a number, a choice) is the authors' to take: TODO where the schema allows it.
  if (acceptsPlaceholder(node)) return PLACEHOLDER;
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
      return node.pattern ? "todo" : PLACEHOLDER;
  }
}

/** A schema-derived skeleton: required keys with placeholders, recursively. */
function genericSkeleton(node: SchemaNode | undefined, today: string, depth = 0): string {
  if (!node || depth > 4) return PLACEHOLDER;
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
  // The crawl phase on its own: the lines under `crawl:`, one level up.
  if (generic === "phases.crawl")
    return crawlSkeleton()
      .slice(1)
      .map((line) => line.slice(2))
      .join("\n");
  if (generic === "phases.walk") return WALK_SKELETON;
  return SECTION_SKELETONS[generic]?.() ?? NESTED_SKELETONS[generic] ?? genericSkeleton(schemaAt(path), today);
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

/** Words YAML 1.1 tools still read as booleans or null: quoted so every reader sees text. */
const YAML_11_WORDS = /^(?:y|n|yes|no|on|off|true|false|null|~)$/i;

/** Text as a YAML scalar: plain when every YAML reader would read it back as this very text, else quoted. */
export function yamlString(text: string): string {
  const plain =
    /^[\p{L}\p{N}][\p{L}\p{N} .,'()&×/+—-]*$/u.test(text) &&
    !/\s$/.test(text) &&
    !YAML_11_WORDS.test(text) &&
    // Numbers, dates and times in any notation (`1e3`, `2026-01-05`, `12:30`).
    !/^[\d.:+-]+$|^\d+e\d+$/i.test(text) &&
    readsAsText(text);
  return plain ? text : JSON.stringify(text);
}

function readsAsText(text: string): boolean {
  try {
    return parse(text) === text;
  } catch {
    return false;
  }
}

/** What the tier says about the partner: Tier 1 self-serves, Tier 3 is a marquee logo (the tier decision tree). */
const TIER_PARTNER: Record<Tier, { engineeringCapacity: boolean; marquee: boolean; note: string }> = {
  integration: {
    engineeringCapacity: true,
    marquee: false,
    note: "Tier 1: the partner self-serves on our public API with its own engineers.",
  },
  partnership: {
    engineeringCapacity: false,
    marquee: false,
    note: "Tier 2: joint development with regular syncs.",
  },
  strategic: {
    engineeringCapacity: false,
    marquee: true,
    note: "Tier 3: a marquee partner; co-development with a partner manager and executive sponsors.",
  },
};

/**
 * A whole new charter: passes the schema, agrees with its tier (the tier decision tree, the
 * tier's provisions), and carries TODO where the authors must decide — so a fresh skeleton's
 * only findings are its open decisions.
 */
export function charterSkeleton(input: CharterSkeletonInput): string {
  const name = input.partnerName.trim();
  const partner = TIER_PARTNER[input.tier];
  const indent = (yaml: string): string =>
    yaml
      .split("\n")
      .map((line) => `  ${line}`)
      .join("\n");
  const lines = [
    "# Partnership charter — fill in every TODO, then run `partner-charter check`.",
    "apiVersion: partner-charter/v1",
    "kind: Charter",
    `id: ${yamlString(slugify(name))}`,
    `title: ${yamlString(`Partnership with ${name || "TODO"}`)}`,
    "status: draft",
    `owner: ${input.owner?.trim() ? yamlString(input.owner.trim()) : SECTION_SKELETONS.owner!()}`,
    `updated: ${input.today}`,
    "partner:",
    `  name: ${name ? yamlString(name) : "TODO — partner name"}`,
    `  engineeringCapacity: ${partner.engineeringCapacity} # can they build on our public API on their own?`,
    `  marquee: ${partner.marquee} # is this a logo that shifts our positioning?`,
    `tier: ${input.tier} # ${partner.note}`,
    "leverage:",
    indent(leverageSkeleton()),
    "valueProposition:",
    indent(SECTION_SKELETONS.valueProposition!()),
    "goals:",
    indent(SECTION_SKELETONS.goals!()),
    "commitments:",
    indent(commitmentsSkeleton(input.tier)),
    "phases:",
    indent(crawlSkeleton().join("\n")),
    "measurement:",
    indent(SECTION_SKELETONS.measurement!()),
    "governance:",
    indent(governanceSkeleton(input.tier)),
  ];
  return `${lines.join("\n")}\n`;
}
