import type { AnyRule } from "../rule";

export const leverageRules: AnyRule[] = [];
