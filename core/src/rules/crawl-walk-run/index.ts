import type { AnyRule } from "../rule";
import crawlFirst from "./crawl-first";
import decisionOverdue from "./decision-overdue";
import goNoGoRequired from "./go-no-go-required";
import goNoGoThreshold from "./go-no-go-threshold";
import phaseCustomers from "./phase-customers";
import phaseDuration from "./phase-duration";
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
  decisionOverdue,
];
