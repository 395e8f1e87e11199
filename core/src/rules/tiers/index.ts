import type { AnyRule } from "../rule";
import tierFit from "./tier-fit";
import tierProvisions from "./tier-provisions";

export const tiersRules: AnyRule[] = [tierFit, tierProvisions];
