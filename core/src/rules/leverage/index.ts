import type { AnyRule } from "../rule";
import leverageEvidence from "./leverage-evidence";
import leverageTierFit from "./leverage-tier-fit";
import moderateLeverageUntested from "./moderate-leverage-untested";
import noLeverage from "./no-leverage";
import qualificationAnswer from "./qualification-answer";
import weakLeverage from "./weak-leverage";

export const leverageRules: AnyRule[] = [
  weakLeverage,
  moderateLeverageUntested,
  leverageEvidence,
  qualificationAnswer,
  noLeverage,
  leverageTierFit,
];
