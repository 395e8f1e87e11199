import type { Integration } from "../../model/charter";
import { defineRule } from "../rule";

/** The integrations that contradict each stage, with what the stage calls for. */
const MISFITS = {
  crawl: {
    wrong: ["formal", "native"],
    advice: "a pilot needs a manual or lightweight integration, not a production build",
    fits: "lightweight",
  },
  walk: { wrong: ["manual"], advice: "walk is where the formal integration gets built", fits: "formal" },
  run: {
    wrong: ["manual", "lightweight"],
    advice: "run at scale needs a formal or native integration",
    fits: "formal",
  },
} as const satisfies Record<string, { wrong: readonly Integration[]; advice: string; fits: Integration }>;

export default defineRule({
  meta: {
    id: "phase-integration",
    category: "Crawl, walk, run",
    defaultSeverity: "warning",
    summary:
      "A phase's integration contradicts its stage: crawl formal or native, walk manual, run manual or lightweight.",
    rationale:
      "Each stage has its integration. Crawl tests the idea cheaply: manual work or a lightweight hook, thrown away if the pilot fails; building a production integration before the go/no-go spends walk's budget on an idea nobody has proven. Walk builds the formal integration that more customers can use; staying manual there cannot scale past a handful of accounts. Run means APIs and native integrations; a run on manual or lightweight plumbing breaks under real volume. Set `integration` to what the stage calls for, or move the work to the right phase.",
    options: {},
    reads: ["phases.crawl.integration", "phases.walk.integration", "phases.run.integration"],
    subjects: ["phases.crawl", "phases.walk", "phases.run"],
    examples: {
      failing: "phases:\n  crawl:\n    integration: native",
      passing: "phases:\n  crawl:\n    integration: manual",
    },
  },
  check({ charter, report }) {
    for (const [name, { wrong, advice, fits }] of Object.entries(MISFITS)) {
      const integration = charter.phases?.[name as keyof typeof MISFITS]?.integration;
      if (!integration || !(wrong as readonly string[]).includes(integration)) continue;
      report({
        message: `A ${integration} integration does not fit the ${name} phase: ${advice}.`,
        at: ["phases", name, "integration"],
        anchor: "value",
        fixes: [
          {
            title: `Set the ${name} integration to ${fits}`,
            safe: false,
            edits: [{ kind: "replace", at: ["phases", name, "integration"], text: fits }],
          },
        ],
      });
    }
  },
});
