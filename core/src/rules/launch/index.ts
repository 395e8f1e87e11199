import type { AnyRule } from "../rule";
import integrationBeforeLaunch from "./integration-before-launch";
import launchBeforeSignature from "./launch-before-signature";
import launchReadiness from "./launch-readiness";
import postLaunchFollowThrough from "./post-launch-follow-through";

export const launchRules: AnyRule[] = [
  launchReadiness,
  integrationBeforeLaunch,
  launchBeforeSignature,
  postLaunchFollowThrough,
];
