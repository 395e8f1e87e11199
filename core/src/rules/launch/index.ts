import type { AnyRule } from "../rule";

export const launchRules: AnyRule[] = [];
