import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type * as sarif from "sarif";
import { RULES, type Finding, type Range, type Severity } from "../../../core/src";
import { rulePage, withoutRelativeLinks } from "../../../core/src/rules/docs-page";
import type { AnyRule } from "../../../core/src/rules/rule";
import { contentFingerprint, keyFindings } from "../baseline";
import { relativePath } from "../report";
import type { Formatter } from "./formatter";

/**
 * `--format sarif`: SARIF 2.1.0 for code-scanning tools (GitHub code scanning and others).
 * Every rule of the catalog is described in `tool.driver.rules`; results point at files
 * relative to `%SRCROOT%` (the current folder) and carry content-based fingerprints, so an
 * alert survives lines being inserted above it.
 */

export const SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
/** The key of our `partialFingerprints` entry; bump the version if the recipe changes. */
export const FINGERPRINT_KEY = "partnerCharterContent/v1";

const LEVELS: Record<Severity, sarif.ReportingConfiguration.level> = {
  error: "error",
  warning: "warning",
  info: "note",
  hint: "note",
};

/** A relative path as a URI reference: each segment percent-encoded (`<stdin>` → `%3Cstdin%3E`). */
function uriOf(relative: string): string {
  return relative.split("/").map(encodeURIComponent).join("/");
}

function region(range: Range): sarif.Region {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

function pascalCase(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, __, char: string) => char.toUpperCase());
}

/**
 * Each rule with its documentation page as `help` (the same text as docs/rules/<id>.md). No
 * `helpUri`: the pages are shipped with the package, not published at an address of their own.
 */
function helpMarkdown(rule: AnyRule): string {
  return withoutRelativeLinks(rulePage(rule).replace(/^<!--.*-->\n/, "")).trim();
}

function ruleDescriptors(): sarif.ReportingDescriptor[] {
  return RULES.map((rule): sarif.ReportingDescriptor => {
    const { meta } = rule;
    return {
      id: meta.id,
      name: pascalCase(meta.id),
      shortDescription: { text: meta.summary },
      fullDescription: { text: meta.rationale },
      help: { text: `${meta.summary}\n\n${meta.rationale}`, markdown: helpMarkdown(rule) },
      defaultConfiguration: { level: LEVELS[meta.defaultSeverity] },
      properties: { category: meta.category, tags: ["partnership", meta.category] },
    };
  });
}

function relatedLocations(finding: Finding, cwd: string, ownUri: string): sarif.Location[] | undefined {
  if (!finding.related?.length) return undefined;
  return finding.related.map((related, i) => {
    let uri = ownUri;
    if (related.file) {
      const file = related.file.startsWith("file:") ? fileURLToPath(related.file) : path.resolve(cwd, related.file);
      uri = uriOf(relativePath(cwd, file));
    }
    return {
      id: i + 1,
      message: { text: related.message },
      physicalLocation: { artifactLocation: { uri, uriBaseId: "%SRCROOT%" }, region: region(related.range) },
    };
  });
}

export const formatSarif: Formatter = (report, context) => {
  const rules = ruleDescriptors();
  const ruleIndex = new Map(rules.map((rule, i) => [rule.id, i]));
  const results: sarif.Result[] = [];
  for (const file of report.files) {
    const uri = uriOf(file.path);
    for (const keyed of keyFindings(file)) {
      const { finding } = keyed;
      const result: sarif.Result = {
        ruleId: finding.rule,
        ruleIndex: ruleIndex.get(finding.rule),
        level: LEVELS[finding.severity],
        message: { text: finding.message },
        locations: [
          { physicalLocation: { artifactLocation: { uri, uriBaseId: "%SRCROOT%" }, region: region(finding.range) } },
        ],
        partialFingerprints: { [FINGERPRINT_KEY]: contentFingerprint(file.path, keyed) },
      };
      if (result.ruleIndex === undefined) delete result.ruleIndex;
      const related = relatedLocations(finding, context.cwd, uri);
      if (related) result.relatedLocations = related;
      results.push(result);
    }
  }
  const log: sarif.Log = {
    $schema: SARIF_SCHEMA_URI,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "partner-charter",
            version: context.version,
            semanticVersion: /^\d+\.\d+\.\d+/.test(context.version) ? context.version : undefined,
            rules,
          },
        },
        originalUriBaseIds: { "%SRCROOT%": { uri: pathToFileURL(`${context.cwd}${path.sep}`).href } },
        columnKind: "utf16CodeUnits",
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
