import type { CharterFacts } from "../facts";
import type { Charter } from "../model/charter";
import type { Program, ProgramSetting } from "../program/program";
import type { Anchor, NodePath, Severity } from "../types";

/**
 * What a rule is: its metadata (its public contract: id, severity, options; the source of
 * docs/rules/<id>.md) beside its check. The registry, the docs pages, the README table and config validation
 * are all derived from this metadata.
 */

export type RuleCategory =
  | "Structure"
  | "Skin in the game"
  | "Three-sided value"
  | "Leverage"
  | "Tiers"
  | "Crawl, walk, run"
  | "Charter"
  | "Launch"
  | "Build vs partner"
  | "Partner program"
  | "Configuration";

/** A JSON Schema fragment describing one rule option. */
export type OptionSchema = Record<string, unknown>;

export interface RuleOption<T> {
  description: string;
  default: T;
  schema: OptionSchema;
}

export type RuleOptions<O> = { [K in keyof O]: RuleOption<O[K]> };

export interface RuleMeta<O> {
  /** Stable kebab-case id: users write it in config and suppression comments. */
  id: string;
  category: RuleCategory;
  defaultSeverity: Severity;
  /** One sentence: what the rule checks (tables, hovers). */
  summary: string;
  /** Why it matters, in a partnership manager's words (Markdown, the doc page's body). */
  rationale: string;
  options: RuleOptions<O>;
  /**
   * The charter nodes the rule reads, at the finest level (dotted paths; `*` stands for any list
   * item or key, e.g. `measurement.metrics.*.target`; a trailing `?` when only whether the node
   * is there matters, e.g. `phases.walk?`). A node the schema reported, or whose value is
   * exactly `TODO` (undecided), is not read: a finding of the rule that depends on it is
   * dropped (see `subjects`), and the rule sees the charter without it. One problem, one finding.
   */
  reads: string[];
  /**
   * The parts a rule judges one by one (a phase, a side, a metric: dotted paths, `*` allowed).
   * A finding inside one of them depends only on the reads inside that part and the reads
   * outside every part, so a problem in the crawl phase does not hide the walk phase's finding.
   * A finding outside every part depends on all the reads. Default: none.
   */
  subjects?: string[];
  /**
   * True for the rules that judge progress against today (a decision due, a launch coming, a
   * review owed): they do not run on an `ended` charter, which is history.
   */
  judgesProgress?: boolean;
  /**
   * The rules this one wins over on the node it reports (one problem, one finding): their
   * findings on the same range are dropped. `"*"`: every other rule.
   */
  supersedes?: readonly string[] | "*";
  /** Short YAML excerpts for the doc page: one that triggers the rule, one that does not. */
  examples: { failing: string; passing: string };
  /**
   * False for findings a suppression comment must never silence (findings about the
   * configuration and the suppressions themselves, unreadable YAML). Default: true.
   */
  suppressible?: boolean;
}

export interface RelatedReport {
  at: NodePath;
  anchor?: Anchor;
  message: string;
}

/**
 * An edit expressed against the charter's structure; the engine (core/src/engine/fixes.ts)
 * turns it into text edits that keep the file's layout, comments and line ends.
 */
export type StructuralEdit =
  /** Replace the value (or key) at a path with YAML text. */
  | { kind: "replace"; at: NodePath; anchor?: Anchor; text: string }
  /** Add `key: <yaml>` to the mapping at `into` (created from its parents when absent). */
  | { kind: "insert"; into: NodePath; key: string; yaml: string }
  /**
   * Make the list item at `at` (a mapping) hold exactly `value`: entries that change are
   * rewritten in place (their comments stay), new ones are added, absent ones removed.
   */
  | { kind: "replace-item"; at: NodePath; value: Record<string, unknown> }
  /** Add `value` as the last item of the list at `to` (the list is created when absent). */
  | { kind: "append-item"; to: NodePath; value: unknown }
  /**
   * Give the key at `at` the value `yaml` when it is missing or empty (`key:`, `[]`, `""`):
   * inserted into its section (created when absent), or written in place of the empty value.
   */
  | { kind: "fill"; at: NodePath; yaml: string }
  /** Remove the mapping entry at `at` (its key, its value and its lines). */
  | { kind: "remove"; at: NodePath };

export interface FixReport {
  title: string;
  edits: StructuralEdit[];
  /**
   * The fix changes no agreed term (a misspelt key renamed, an unused suppression removed):
   * fix-all (`source.fixAll.partnerCharter`, e.g. on save) may apply it without review. A fix
   * that writes or changes a value the two sides agree on (a tier, a date, a version) is never safe.
   */
  safe?: boolean;
}

export interface Report {
  message: string;
  /** Where: the engine resolves the path to the smallest existing node (the range of docs/rules/<id>.md). */
  at: NodePath;
  anchor?: Anchor;
  /** Overrides the default severity for this finding (e.g. an error for strategic tiers). */
  severity?: Severity;
  related?: RelatedReport[];
  fixes?: FixReport[];
}

export interface RuleContext<O> {
  /** The charter as data, without the values the schema flagged or left undecided (`TODO`): what it holds passed the schema. */
  readonly charter: Charter;
  /**
   * The charter's facts (phase lengths, the exchange's balance, signature states…), the same
   * the code lenses, the preview and the diff show: read a fact here rather than recompute it.
   */
  readonly facts: CharterFacts;
  /** "Today" as YYYY-MM-DD: injected, never read from the clock inside a rule. */
  readonly today: string;
  readonly options: O;
  /** The partner program the charter belongs to (the nearest program file), if any. */
  readonly program: ProgramSetting;
  report(report: Report): void;
}

/** What a rule about a program file (`*.partner-program.yaml`) is given. */
export interface ProgramRuleContext<O> {
  /** The program as data, without the values the schema flagged or left undecided (`TODO`). */
  readonly program: Program;
  readonly today: string;
  readonly options: O;
  report(report: Report): void;
}

export interface Rule<O = Record<string, never>> {
  meta: RuleMeta<O>;
  /**
   * The check. Absent only for the rules whose findings the engine itself produces while
   * parsing, validating, applying config or comparing files (yaml-syntax, schema,
   * duplicate-id, config, unused-suppression, program-conflict, tier-capacity), and for the
   * rules about program files (`checkProgram`): they still need metadata for config and docs.
   */
  check?(context: RuleContext<O>): void;
  /**
   * The check of a program rule that reads the program file itself (`program-tiers`,
   * `ecosystem-model`…): it runs on program files only, and `reads` are program paths.
   */
  checkProgram?(context: ProgramRuleContext<O>): void;
}

/** Declares a rule; the identity function gives the type checker the rule's option type. */
export function defineRule<O = Record<string, never>>(rule: Rule<O>): Rule<O> {
  return rule;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<any>;
