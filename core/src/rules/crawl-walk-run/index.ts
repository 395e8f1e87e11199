import type { AnyRule } from "../rule";
import crawlFirst from "./crawl-first";
import crawlScope from "./crawl-scope";
import decisionOverdue from "./decision-overdue";
import failedPhaseOpen from "./failed-phase-open";
import goNoGoRequired from "./go-no-go-required";
import goNoGoThreshold from "./go-no-go-threshold";
import phaseCustomers from "./phase-customers";
import phaseDuration from "./phase-duration";
import phaseIntegration from "./phase-integration";
import phaseOrder from "./phase-order";
import runGate from "./run-gate";
import sunkCost from "./sunk-cost";

export const crawlWalkRunRules: AnyRule[] = [
  crawlFirst,
  phaseOrder,
  phaseDuration,
  phaseCustomers,
  goNoGoRequired,
  goNoGoThreshold,
  runGate,
  sunkCost,
  failedPhaseOpen,
  decisionOverdue,
  crawlScope,
  phaseIntegration,
];
