import { defineRule } from "../rule";

export default defineRule({
  meta: {
    id: "program-conflict",
    category: "Partner program",
    defaultSeverity: "error",
    summary: "Two program files sit in the same folder, so a charter could belong to either.",
    rationale:
      "A charter belongs to the program file in its folder or the nearest folder above it. Two program files in one folder leave every charter below it with two sets of tiers and requirements, and no way to tell which one the partnership signed up to. Until the conflict is resolved, those charters are judged against no program at all. Keep one program per folder: move the other program, with its charters, into a folder of its own. The finding sits on each program's `id`, pointing at the other file. (The engine compares the program files' folders; this rule has no check of its own.)",
    options: {},
    reads: [],
    examples: {
      failing:
        "# acme.partner-program.yaml\napiVersion: partner-charter/v1\nkind: Program\nid: acme-partner-network\ntitle: Acme Partner Network\nowner: head-of-partnerships@acme.example\ntiers: [{ tier: strategic, name: Premier, provides: [partner-manager] }]\n# resellers.partner-program.yaml\napiVersion: partner-charter/v1\nkind: Program\nid: acme-resellers\ntitle: Acme Resellers\nowner: channel@acme.example\ntiers: [{ tier: strategic, name: Gold, provides: [partner-manager] }]",
      passing:
        "# acme.partner-program.yaml\napiVersion: partner-charter/v1\nkind: Program\nid: acme-partner-network\ntitle: Acme Partner Network\nowner: head-of-partnerships@acme.example\ntiers: [{ tier: strategic, name: Premier, provides: [partner-manager] }]",
    },
  },
});
