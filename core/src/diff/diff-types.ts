import type { CharterFacts, DurationVerdict } from "../facts";
import type { Charter } from "../model/charter";
import type { PhaseKey } from "../render/format";
import type { Finding, Severity } from "../types";

/**
 * The shape of a charter diff (`partner-charter diff --format json` prints it as is): what
 * a reviewer must see between two versions, in the charter's own terms.
 */

export interface DiffSide {
  /** How the user named this version (a path or `git:REV:PATH`). */
  label: string;
  /** The charter data; undefined when the file could not be read as a charter. */
  charter: Charter | undefined;
  findings: readonly Finding[];
  /** The facts of the check that produced `findings` (the same thresholds and today). */
  facts?: CharterFacts;
  /** True when this version does not exist (BASE of a charter new in a pull request). */
  missing?: boolean;
}

export interface AmountValue {
  value: number;
  unit: string;
}

export interface CommitmentState {
  type: string;
  detail?: string;
  amount?: AmountValue;
}

export interface CommitmentChange {
  side: "us" | "partner";
  change: "added" | "removed" | "changed";
  from?: CommitmentState;
  to?: CommitmentState;
  /** For a changed amount in the same unit: head minus base. */
  amountDelta?: number;
}

export interface ValueChange<T = string> {
  from?: T;
  to?: T;
}

export interface FieldChange extends ValueChange {
  field: "title" | "status" | "partner";
}

export interface RiskChange extends ValueChange {
  side: "us" | "partner";
}

export type PhaseChange =
  | { phase: PhaseKey; change: "added" | "removed"; start?: string; end?: string }
  | { phase: PhaseKey; change: "moved"; field: "start" | "end"; from?: string; to?: string; days?: number }
  | { phase: PhaseKey; change: "outcome"; from?: string; to?: string }
  | {
      phase: PhaseKey;
      change: "length";
      /** The lengths in the framework's units ("6 months", "5 months and 29 days"). */
      from?: string;
      to?: string;
      /** HEAD's length against the `phase-duration` window, when outside it. */
      outside?: { verdict: DurationVerdict; min: number; max: number; unit: "week" | "month" };
    };

export type GateMeasure = "improvement" | "adoption" | "target";

export type GateChange =
  | { phase: PhaseKey; metric: string; change: "criterion-added" | "criterion-removed"; bar: string }
  | {
      phase: PhaseKey;
      metric: string;
      change: "lowered" | "raised" | "changed" | "bar-added" | "bar-removed";
      measure: GateMeasure;
      from?: string;
      to?: string;
    };

export interface SignatureRef {
  party: string;
  name: string;
  date?: string;
}

export interface FindingRef {
  rule: string;
  severity: Severity;
  message: string;
  /** 1-based line in the version the finding belongs to (HEAD for introduced, BASE for fixed). */
  line: number;
}

export interface CharterDiff {
  version: 1;
  /** `missing`: BASE does not exist, so HEAD is a new charter and everything in it is added. */
  base: { label: string; readable: boolean; digest?: string; missing?: true };
  head: { label: string; readable: boolean; digest?: string };
  fields: FieldChange[];
  tier?: ValueChange & { direction: "up" | "down" | "changed" };
  leverage?: ValueChange & { direction: "stronger" | "weaker" | "changed" };
  commitments: CommitmentChange[];
  risk: RiskChange[];
  balanced?: ValueChange<boolean>;
  /** The balance verdict in words (what the code lens and `unbalanced-exchange` say), when it changed. */
  balance?: ValueChange;
  phases: PhaseChange[];
  goNoGo: GateChange[];
  exitCriteria: { added: string[]; removed: string[] };
  signatures: {
    /** Signed BASE exactly, and no longer match HEAD: the change voids them. */
    invalidated: SignatureRef[];
    added: SignatureRef[];
    removed: SignatureRef[];
  };
  findings: { introduced: FindingRef[]; fixed: FindingRef[] };
  /** Other changed places (dotted paths), for changes none of the sections above covers. */
  other: string[];
}
