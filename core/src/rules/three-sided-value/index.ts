import type { AnyRule } from "../rule";

export const threeSidedValueRules: AnyRule[] = [];
