import type { AnyRule } from "../rule";
import config from "./config";
import duplicateId from "./duplicate-id";
import schema from "./schema";
import unusedSuppression from "./unused-suppression";
import yamlSyntax from "./yaml-syntax";

export const structureRules: AnyRule[] = [yamlSyntax, schema, duplicateId, config, unusedSuppression];
