import type { AnyRule } from "../rule";

export const buildVsPartnerRules: AnyRule[] = [];
