import { PHASE_NAMES } from "../../facts/phases";

/** The `reads` of the rules that judge phase dates: every phase's start and end. */
export const PHASE_DATE_READS: string[] = PHASE_NAMES.flatMap((name) => [`phases.${name}.start`, `phases.${name}.end`]);
