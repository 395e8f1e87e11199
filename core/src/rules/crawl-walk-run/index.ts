import type { AnyRule } from "../rule";

export const crawlWalkRunRules: AnyRule[] = [];
