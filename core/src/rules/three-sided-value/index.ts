import type { AnyRule } from "../rule";
import mutualGoals from "./mutual-goals";
import salesChannelOnly from "./sales-channel-only";
import threeSidedValue from "./three-sided-value";
import vanityPartnership from "./vanity-partnership";

export const threeSidedValueRules: AnyRule[] = [threeSidedValue, vanityPartnership, salesChannelOnly, mutualGoals];
