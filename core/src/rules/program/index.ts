import type { AnyRule } from "../rule";
import ecosystemModel from "./ecosystem-model";
import graduationPath from "./graduation-path";
import programConflict from "./program-conflict";
import programTiers from "./program-tiers";
import programUnknown from "./program-unknown";
import tierBenefits from "./tier-benefits";
import tierCapacity from "./tier-capacity";
import tierNotOffered from "./tier-not-offered";
import tierRequirements from "./tier-requirements";
import trustLayers from "./trust-layers";

/** In the order of RULES.md "Partner program". */
export const programRules: AnyRule[] = [
  programTiers,
  ecosystemModel,
  trustLayers,
  graduationPath,
  tierBenefits,
  programConflict,
  programUnknown,
  tierNotOffered,
  tierRequirements,
  tierCapacity,
];
