import type { AnyRule } from "../rule";
import integrationBeforeLaunch from "./integration-before-launch";
import launchReadiness from "./launch-readiness";

export const launchRules: AnyRule[] = [launchReadiness, integrationBeforeLaunch];
