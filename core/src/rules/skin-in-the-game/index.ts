import type { AnyRule } from "../rule";
import executiveSponsors from "./executive-sponsors";
import mutualRisk from "./mutual-risk";
import noSkinInTheGame from "./no-skin-in-the-game";
import oneSidedCommitment from "./one-sided-commitment";
import roadmapAlignment from "./roadmap-alignment";
import unbalancedExchange from "./unbalanced-exchange";

export const skinInTheGameRules: AnyRule[] = [
  noSkinInTheGame,
  oneSidedCommitment,
  unbalancedExchange,
  mutualRisk,
  executiveSponsors,
  roadmapAlignment,
];
