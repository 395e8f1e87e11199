import type { AnyRule } from "../rule";

export const charterRules: AnyRule[] = [];
