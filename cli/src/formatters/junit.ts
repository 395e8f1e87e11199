import { XMLBuilder } from "fast-xml-parser";
import type { Finding } from "../../../core/src";
import type { ReportFile } from "../report";
import type { Formatter } from "./formatter";

/**
 * `--format junit`: JUnit XML for CI test reports. One `<testcase>` per file (classname and
 * name are its path); a `<failure>` per error finding; other findings in `<system-out>`.
 * `tests` counts the files, `failures` the files with at least one error.
 */

/** Characters XML 1.0 cannot carry at all, even escaped. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function clean(text: string): string {
  return text.replace(NOT_XML, "\uFFFD");
}

function where(finding: Finding): string {
  return `line ${finding.range.start.line + 1}, column ${finding.range.start.character + 1}`;
}

function testcase(file: ReportFile) {
  const errors = file.findings.filter((finding) => finding.severity === "error");
  const others = file.findings.filter((finding) => finding.severity !== "error");
  const node: Record<string, unknown> = {
    "@_classname": clean(file.path),
    "@_name": clean(file.path),
    "@_time": "0",
  };
  if (errors.length) {
    node.failure = errors.map((finding) => ({
      "@_message": clean(`${finding.rule}: ${finding.message}`.replace(/\s*[\r\n]+\s*/g, " ")),
      "@_type": finding.rule,
      "#text": clean(`${file.path} ${where(finding)}: ${finding.message} (${finding.rule})`),
    }));
  }
  if (others.length) {
    node["system-out"] = clean(
      others
        .map((finding) => `${file.path} ${where(finding)}: ${finding.severity}: ${finding.message} (${finding.rule})`)
        .join("\n"),
    );
  }
  return node;
}

export const formatJunit: Formatter = (report) => {
  const tests = report.files.length;
  const failures = report.files.filter((file) => file.findings.some((finding) => finding.severity === "error")).length;
  const counts = { "@_tests": tests, "@_failures": failures, "@_errors": 0, "@_time": "0" };
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@_", format: true, indentBy: "  " });
  const xml = builder.build({
    "?xml": { "@_version": "1.0", "@_encoding": "UTF-8" },
    testsuites: {
      "@_name": "partner-charter",
      ...counts,
      testsuite: {
        "@_name": "partner-charter",
        ...counts,
        "@_skipped": 0,
        testcase: report.files.map(testcase),
      },
    },
  }) as string;
  return xml.endsWith("\n") ? xml : `${xml}\n`;
};
