import type { AnyRule } from "../rule";

export const tiersRules: AnyRule[] = [];
