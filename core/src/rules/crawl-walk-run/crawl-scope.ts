import { listPhrase } from "../../text/words";
import { defineRule } from "../rule";

const SCOPE = ["start", "end", "customers"] as const;

export default defineRule({
  meta: {
    id: "crawl-scope",
    category: "Crawl, walk, run",
    defaultSeverity: "error",
    summary:
      "A signed or active charter (a proposed one: warning) has no scoped crawl phase: its start, end and pilot customers.",
    rationale:
      "The crawl phase is the first commitment both sides make: a pilot with dates and one or two named customers. It has to be scoped before the partnership starts, because a pilot without an end never reaches its go/no-go, and one without customers tests nothing. A `draft` may still leave it open; once the charter is `proposed` it is a warning, and once it is `signed` or `active`, an error. The finding names everything missing from `phases.crawl` (`start`, `end`, `customers`), or the whole phase. When a later phase exists without crawl, `crawl-first` reports it instead; and a missing crawl is reported here rather than by `moderate-leverage-untested`.",
    options: {},
    reads: [
      "status",
      "phases?",
      "phases.crawl?",
      "phases.crawl.start?",
      "phases.crawl.end?",
      "phases.crawl.customers?",
      "phases.walk?",
      "phases.run?",
    ],
    supersedes: ["moderate-leverage-untested"],
    examples: {
      failing: "status: active\nphases:\n  crawl:\n    start: 2026-01-05\n    integration: manual",
      passing: "status: active\nphases:\n  crawl:\n    start: 2026-01-05\n    end: 2026-02-27\n    customers: 2",
    },
  },
  check({ charter, facts, report }) {
    const status = charter.status;
    if (status !== "proposed" && status !== "signed" && status !== "active") return;
    const severity = status === "proposed" ? "warning" : undefined;
    const phases = facts.phases;
    if (!phases.crawl.present) {
      if (phases.walk.present || phases.run.present) return; // crawl-first's finding
      report({
        message: "No crawl phase: scope the pilot (start, end, one or two customers) before the partnership starts.",
        at: ["phases", "crawl"],
        anchor: "key",
        severity,
        fixes: [
          {
            title: "Add a crawl phase to scope",
            edits: [
              { kind: "insert", into: ["phases"], key: "crawl", yaml: "start: TODO\nend: TODO\ncustomers: TODO" },
            ],
            safe: false,
          },
        ],
      });
      return;
    }
    const crawl = charter.phases?.crawl ?? {};
    const missing = SCOPE.filter((key) => crawl[key] === undefined);
    if (missing.length === 0) return;
    report({
      message: `The crawl phase has no ${listPhrase([...missing], "or")}: scope the pilot before the partnership starts.`,
      at: ["phases", "crawl"],
      anchor: "key",
      severity,
      fixes: [
        {
          title: `Add the crawl ${listPhrase([...missing])} to fill in`,
          edits: missing.map((key) => ({ kind: "insert" as const, into: ["phases", "crawl"], key, yaml: "TODO" })),
          safe: false,
        },
      ],
    });
  },
});
