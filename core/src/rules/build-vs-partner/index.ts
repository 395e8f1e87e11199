import type { AnyRule } from "../rule";
import buildVsPartner from "./build-vs-partner";

export const buildVsPartnerRules: AnyRule[] = [buildVsPartner];
