import type { RulesConfig } from "../config/rules-config";
import { charterDigest } from "../digest";
import { exchangeFacts, type ExchangeFacts } from "./exchange";
import { phaseFacts, type PhaseFacts } from "./phases";
import { placeholderFacts, withoutPlaceholders, type PlaceholderFact } from "./placeholders";
import { record, text } from "./read";
import { factSettings, type FactSettings } from "./settings";
import { signatureFacts, type SignatureFact } from "./signatures";
import { tierHistoryFact, type TierHistoryFact } from "./tiers";
import {
  currentStage,
  launchFact,
  milestones,
  nextMilestone,
  reviewFact,
  type LaunchFact,
  type Milestone,
  type ReviewFact,
  type Stage,
} from "./timeline";

/**
 * The facts of one charter, decided once: what rules, code lenses, the preview, the diff and
 * the portfolio say about phases, stage, milestones, the value exchange and signatures. The
 * reader is lenient (any data, of any shape while the author types: a wrong type reads as
 * absent) and lazy (each group is computed on first use, then kept). It is plain data: the
 * language server sends it to the preview inside `CharterView` as JSON. A value that is
 * exactly `TODO` is undecided: every fact but the digest reads it as absent.
 *
 * To add a fact: compute it in the module of its kind (one file per kind, below), add it to
 * `CharterFacts` and to `charterFacts`, and read it from there everywhere it is shown or judged.
 */

export interface CharterFacts {
  /** The "today" the date facts are relative to (YYYY-MM-DD). */
  readonly today: string;
  readonly status?: string;
  /** The status is `ended`: the charter is history, and progress against today is not judged. */
  readonly ended: boolean;
  readonly phases: PhaseFacts;
  readonly stage: Stage;
  readonly exchange: ExchangeFacts;
  readonly review: ReviewFact;
  readonly launch: LaunchFact;
  /** Every milestone, by date (see `Milestone`). */
  readonly milestones: readonly Milestone[];
  /** The first milestone on or after today. */
  readonly nextMilestone?: Milestone;
  /** The digest of the charter's current content (`sha256:…`). */
  readonly digest: string;
  readonly signatures: readonly SignatureFact[];
  /** Every value holding a `TODO` marker, in document order. */
  readonly placeholders: readonly PlaceholderFact[];
  /** The tiers held (`tierHistory`) and the graduation from integration. */
  readonly tierHistory: TierHistoryFact;
}

export interface FactOptions {
  today: string;
  /** The rules configuration: thresholds shared with rules (ratio, phase windows, review days). */
  rules?: RulesConfig;
  /** Already resolved thresholds (instead of `rules`). */
  settings?: FactSettings;
}

type Getters<T> = { [K in keyof T]-?: () => T[K] };

/** An object whose properties are computed on first read, then kept (and serialise as JSON). */
function lazily<T extends object>(getters: Getters<T>): T {
  const target = {} as T;
  for (const key of Object.keys(getters) as (keyof T & string)[]) {
    Object.defineProperty(target, key, {
      enumerable: true,
      configurable: true,
      get() {
        const value = getters[key]();
        Object.defineProperty(target, key, { value, enumerable: true, writable: false, configurable: false });
        return value;
      },
    });
  }
  return target;
}

/** The facts of a charter's parsed data (any value: what the file holds). */
export function charterFacts(data: unknown, options: FactOptions): CharterFacts {
  const settings = options.settings ?? factSettings(options.rules);
  const { today } = options;
  let decided: Record<string, unknown> | undefined;
  // The data with its undecided values (exactly `TODO`) left out: what the facts read.
  const charter = (): Record<string, unknown> => (decided ??= record(withoutPlaceholders(data, facts.placeholders)));
  const facts: CharterFacts = lazily<CharterFacts>({
    today: () => today,
    status: () => text(charter().status),
    ended: () => facts.status === "ended",
    phases: () => phaseFacts(charter().phases, today, settings),
    stage: () => currentStage(facts.status, facts.phases),
    exchange: () => exchangeFacts(charter().commitments, settings, charter().tier),
    review: () => reviewFact(facts.status, charter().updated, today, settings),
    launch: () => launchFact(charter().launch, today),
    milestones: () => milestones(facts.status, facts.phases, facts.launch, facts.review, today),
    nextMilestone: () => nextMilestone(facts.milestones),
    digest: () => charterDigest(data),
    signatures: () => signatureFacts(charter(), () => facts.digest),
    placeholders: () => placeholderFacts(data),
    tierHistory: () => tierHistoryFact(charter().tierHistory),
  });
  return facts;
}

export { factSettings, type FactSettings } from "./settings";
export * from "./dates";
export * from "./exchange";
export * from "./free-text";
export * from "./health";
export * from "./money";
export * from "./phases";
export * from "./placeholders";
export * from "./read";
export * from "./signatures";
export * from "./tiers";
export * from "./timeline";
export * from "./units";
