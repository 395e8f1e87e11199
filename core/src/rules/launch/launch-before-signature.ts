import { defineRule } from "../rule";
import { IMMINENT_DAYS, launchWhen } from "../support/launch";

export default defineRule({
  meta: {
    id: "launch-before-signature",
    category: "Launch",
    defaultSeverity: "error",
    summary:
      "The launch is a week away or past while the charter is still a `draft` or `proposed`: nobody has signed it.",
    rationale:
      "A launch announces a partnership to customers, sales teams and the market. If either side won't commit to paper before that, there is no real partnership yet, and the launch promises something neither company has agreed to. Sign the charter before the final week (`partner-charter sign`, then set the status to `signed`), or move the launch date. A `signed` or `active` charter that lacks a party's signature is reported by `signatures` instead. Like a missing signature, this finding does not stop `partner-charter sign`: signing is what resolves it.",
    options: {},
    reads: ["status", "launch.date"],
    judgesProgress: true,
    examples: {
      failing: "# today: 2026-11-24\nstatus: proposed\nlaunch:\n  date: 2026-11-27",
      passing: "# today: 2026-11-24\nstatus: signed\nlaunch:\n  date: 2026-11-27",
    },
  },
  check({ facts, report }) {
    const status = facts.status;
    if (status !== "draft" && status !== "proposed") return;
    const { date, daysUntil } = facts.launch;
    if (date === undefined || daysUntil === undefined || daysUntil > IMMINENT_DAYS) return;
    report({
      message: `${launchWhen(date, daysUntil)}, but the charter is still ${status}, unsigned: sign it first, or move the launch.`,
      at: ["launch", "date"],
    });
  },
});
