import type { AnyRule } from "../rule";
import decisionOwners from "./decision-owners";
import escalationPath from "./escalation-path";
import exitCriteria from "./exit-criteria";
import measurableMetrics from "./measurable-metrics";
import recurringTouchpoints from "./recurring-touchpoints";
import signatureOutdated from "./signature-outdated";
import signatures from "./signatures";
import staleCharter from "./stale-charter";
import todoPlaceholder from "./todo-placeholder";

export const charterRules: AnyRule[] = [
  exitCriteria,
  decisionOwners,
  escalationPath,
  measurableMetrics,
  recurringTouchpoints,
  signatures,
  signatureOutdated,
  staleCharter,
  todoPlaceholder,
];
