import type { AnyRule } from "../rule";
import tierFit from "./tier-fit";
import tierProvisions from "./tier-provisions";
import tierTreatment from "./tier-treatment";

export const tiersRules: AnyRule[] = [tierFit, tierProvisions, tierTreatment];
