import type { AnyRule } from "../rule";

export const skinInTheGameRules: AnyRule[] = [];
