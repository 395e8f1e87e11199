import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import { fileURLToPath } from "node:url";
import type {
  CodeAction,
  CompletionItem,
  CompletionList,
  Diagnostic,
  TextEdit,
} from "vscode-languageserver-protocol/node";
import { RULE_IDS } from "../../core/src";
import { snippetToPlainText } from "../../server/src/convert";
import { CLIENT_CAPABILITIES, editsOf } from "./support/lsp-client";
import { useServer, type ServerSession } from "./support/server-session";
import { lineOf, replaceLine, VALID, withId, withoutSection } from "./support/samples";

/**
 * Editing a charter over LSP as an editor does: completion at any indentation, quick fixes
 * applied and the charter checked again, fix-all, "Show documentation", and only what the
 * client declared it supports.
 */

const STRUCTURAL = new Set(["schema", "yaml-syntax"]);

function structural(diagnostics: Diagnostic[]): string[] {
  return diagnostics.filter((d) => STRUCTURAL.has(String(d.code))).map((d) => `${d.code}: ${d.message}`);
}

/** The session's helpers: open, ask for code actions, apply one as an editor does. */
function editor(server: ServerSession) {
  let count = 0;
  const name = (): string => `edit-${++count}.partner.yaml`;
  return {
    async open(text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
      const published = await server.open(name(), text);
      return { uri: published.uri, diagnostics: published.diagnostics };
    },
    codeActions(uri: string, diagnostic: Diagnostic, only?: string[]): Promise<CodeAction[]> {
      return server.client.request<CodeAction[]>("textDocument/codeAction", {
        textDocument: { uri },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic], only },
      });
    },
    async apply(uri: string, edits: TextEdit[]): Promise<Diagnostic[]> {
      assert.ok(edits.length > 0, "the action has edits");
      const ordered = [...edits].sort(
        (a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character,
      );
      const version = await server.client.edit(uri, ordered);
      return (await server.client.waitForDiagnostics(uri, (p) => p.version === version)).diagnostics;
    },
    completion(uri: string, line: number, character: number): Promise<CompletionList> {
      return server.client.request<CompletionList>("textDocument/completion", {
        textDocument: { uri },
        position: { line, character },
      });
    },
  };
}

describe("language server: editing (completion, quick fixes, documentation)", function () {
  this.timeout(60_000);

  describe("as our VS Code extension (snippets and the documentation command on the client)", () => {
    const server = useServer({ initializationOptions: { clientSnippets: true, showDocumentationCommand: true } });
    const ed = editor(server);

    /** Applies a completion item's text edit, snippet syntax turned into its plain text. */
    async function accept(uri: string, item: CompletionItem): Promise<Diagnostic[]> {
      const edit = item.textEdit as TextEdit;
      return ed.apply(uri, [{ range: edit.range, newText: snippetToPlainText(edit.newText) }]);
    }

    it("completes the keys of a section at an odd indent, never a present key, and accepting keeps the YAML valid", async () => {
      const base = withId("odd-indent", VALID.replace(/^ {2}syncCadence: biweekly\n/m, ""));
      const line = lineOf(base, /^governance:$/) + 1;
      const lines = base.split("\n");
      lines.splice(line, 0, " ");
      const { uri } = await ed.open(lines.join("\n"));
      const list = await ed.completion(uri, line, 1);
      const labels = list.items.map((item) => item.label);
      assert.ok(labels.includes("syncCadence"), labels.join(", "));
      for (const present of ["owners", "sponsors", "partnerManager", "escalation", "exitCriteria"]) {
        assert.ok(!labels.includes(present), `${present} is already there: ${labels.join(", ")}`);
      }
      assert.ok(!list.items.some((item) => item.kind === 15), "no snippet from the server to our extension");
      const item = list.items.find((candidate) => candidate.label === "syncCadence")!;
      assert.equal((item.textEdit as TextEdit).range.start.character, 0, "the line's indentation is replaced too");
      assert.equal(item.filterText, " syncCadence", "filtered by what is typed from the line start");
      const after = await accept(uri, item);
      const text = server.client.text(uri);
      assert.match(text, /^governance:\n {2}syncCadence: weekly\n {2}owners:/m, "at the section's column");
      assert.deepEqual(structural(after), [], "no schema or syntax finding after accepting");
    });

    it("completes a partly typed key at a deeper indent than its section, and keeps the existing keys where they are", async () => {
      const base = withId("deeper-indent", VALID.replace(/^ {2}syncCadence: biweekly\n/m, ""));
      const line = lineOf(base, /^governance:$/) + 1;
      const lines = base.split("\n");
      lines.splice(line, 0, "     sy");
      const { uri } = await ed.open(lines.join("\n"));
      const list = await ed.completion(uri, line, 7);
      const item = list.items.find((candidate) => candidate.label === "syncCadence");
      assert.ok(item, list.items.map((i) => i.label).join(", "));
      assert.ok(!list.items.some((i) => i.label === "exitCriteria"));
      const after = await accept(uri, item);
      assert.deepEqual(structural(after), []);
      assert.match(server.client.text(uri), /^governance:\n {2}syncCadence: weekly\n {2}owners: \{ us: Priya Shah/m);
    });

    it("offers only values after `tier: `, no snippets", async () => {
      const text = withId("tier-value");
      const { uri } = await ed.open(text);
      const line = lineOf(text, /^tier:/);
      const list = await ed.completion(uri, line, "tier: ".length);
      assert.deepEqual(
        list.items.map((item) => item.label),
        ["integration", "partnership", "strategic"],
      );
    });

    it("offers Show documentation for every finding: the shipped page, as a file", async () => {
      const text = withoutSection("governance", withId("docs-action"));
      const { uri, diagnostics } = await ed.open(text);
      assert.ok(diagnostics.length > 0);
      for (const diagnostic of diagnostics) {
        const actions = await ed.codeActions(uri, diagnostic);
        const show = actions.find((action) => action.title === `Show documentation for ${diagnostic.code}`);
        assert.ok(show, `${diagnostic.code}: ${actions.map((a) => a.title).join(" | ")}`);
        assert.equal(show.command!.command, "partnerCharter.showRuleDocumentation");
        const href = show.command!.arguments![0] as string;
        assert.equal(href, diagnostic.codeDescription!.href, "the same page the diagnostic links to");
        assert.match(href, new RegExp(`^file://.*/docs/rules/${diagnostic.code}\\.md$`));
        assert.ok(fs.existsSync(fileURLToPath(href)), `${href} exists`);
      }
    });
  });

  describe("quick fixes (each applied, the charter checked again)", () => {
    const server = useServer();
    const ed = editor(server);

    /** Opens `text`, applies the action titled `title` (or matching it) on the `rule` finding, re-checks. */
    async function fix(
      text: string,
      rule: string,
      title: string | RegExp,
    ): Promise<{ after: Diagnostic[]; text: string }> {
      const { uri, diagnostics } = await ed.open(text);
      const diagnostic = diagnostics.find((d) => d.code === rule);
      assert.ok(diagnostic, `a ${rule} finding: ${diagnostics.map((d) => d.code).join(", ")}`);
      const actions = await ed.codeActions(uri, diagnostic);
      const action = actions.find((a) => (typeof title === "string" ? a.title === title : title.test(a.title)));
      assert.ok(action, actions.map((a) => a.title).join(" | "));
      const after = await ed.apply(uri, editsOf(action.edit, uri));
      assert.deepEqual(structural(after), [], "no schema or yaml-syntax finding after the fix");
      assert.ok(
        !after.some((d) => d.code === rule && d.message === diagnostic.message),
        `the ${rule} finding is gone: ${after.map((d) => d.message).join(" | ")}`,
      );
      return { after, text: server.client.text(uri) };
    }

    it("exit-criteria: adds the list with a TODO (missing key and empty list alike)", async () => {
      const missing = VALID.replace(/^ {2}exitCriteria:\n( {4}- .*\n)+/m, "");
      const a = await fix(withId("exit-missing", missing), "exit-criteria", "Add exit criteria with a TODO to decide");
      assert.match(a.text, /^ {2}exitCriteria:\n {4}- TODO — what result ends the partnership$/m);
      const empty = VALID.replace(/^ {2}exitCriteria:\n( {4}- .*\n)+/m, "  exitCriteria: []\n");
      const b = await fix(withId("exit-empty", empty), "exit-criteria", "Add exit criteria with a TODO to decide");
      assert.match(b.text, /^ {2}exitCriteria:\n {4}- TODO/m);
    });

    it("decision-owners: adds the missing side inside a one-line { … } mapping", async () => {
      const text = replaceLine(/^ {2}owners: .*$/m, "  owners: { us: Priya Shah }", withId("owner-missing"));
      const { text: after } = await fix(text, "decision-owners", /^Add the decision owner for/);
      assert.match(after, /^ {2}owners: \{ us: Priya Shah, partner: TODO \}$/m);
    });

    it("mutual-goals: an empty goal becomes a TODO", async () => {
      const text = replaceLine(/^ {2}customers: identity.*$/m, '  customers: ""', withId("goal-empty"));
      const { text: after } = await fix(text, "mutual-goals", "Add the goal for shared customers as TODO");
      assert.match(after, /^goals:\n(?: {2}.*\n)* {2}customers: TODO$/m);
    });

    it("schema: a missing required section is added as valid YAML (partner)", async () => {
      const { text } = await fix(withoutSection("partner", withId("no-partner")), "schema", /^Add "partner"/);
      assert.match(text, /^partner:\n {2}name: TODO — partner name$/m);
    });

    it("schema: `tier: 2` becomes partnership", async () => {
      const text = replaceLine(/^tier: strategic$/m, "tier: 2", withId("tier-number"));
      const { text: after } = await fix(text, "schema", 'Change to "partnership"');
      assert.match(after, /^tier: partnership$/m);
    });

    it("schema: an unknown key is removed, a misspelt one renamed", async () => {
      const unknown = VALID.replace(/^measurement:$/m, "notes:\n  - call Tom in May\nmeasurement:");
      const { text } = await fix(withId("unknown-key", unknown), "schema", 'Remove "notes"');
      assert.doesNotMatch(text, /notes|call Tom/);
      const misspelt = VALID.replace(/^ {2}exitCriteria:$/m, "  exitCritera:");
      const { text: renamed } = await fix(withId("misspelt-key", misspelt), "schema", 'Change to "exitCriteria"');
      assert.match(renamed, /^ {2}exitCriteria:$/m);
    });

    it("unused-suppression: the comment is removed, or only its unused rule", async () => {
      const whole = VALID.replace(
        /^tier: strategic$/m,
        "# partner-charter-disable-next-line exit-criteria\ntier: strategic",
      );
      const { text } = await fix(
        withId("unused-whole", whole),
        "unused-suppression",
        "Remove the unused suppression comment",
      );
      assert.doesNotMatch(text, /partner-charter-disable/);
      assert.match(text, /^tier: strategic$/m);
    });

    it("schema: a number where text belongs is put in quotes", async () => {
      const text = VALID.replace('{ name: MSPs live, target: "120" }', "{ name: MSPs live, target: 120 }");
      const { text: after } = await fix(withId("quote-number", text), "schema", 'Put "120" in quotes');
      assert.match(after, /\{ name: MSPs live, target: "120" \}/);
    });

    it("unused-suppression: only the unused rule goes from a comment that still suppresses another", async () => {
      const partly = VALID.replace(
        /^tier: strategic$/m,
        "# partner-charter-disable-next-line exit-criteria, schema\ntier: stratgic",
      );
      const { text } = await fix(
        withId("unused-part", partly),
        "unused-suppression",
        "Remove exit-criteria from the suppression comment",
      );
      assert.match(text, /^# partner-charter-disable-next-line schema\ntier: stratgic$/m);
    });

    /** A finding per rule, made from VALID by one change; its first quick fix must clear it. */
    const change = (pattern: RegExp, by: string) => (text: string) => {
      assert.match(text, pattern);
      return text.replace(pattern, by);
    };
    const CASES: [rule: string, make: (text: string) => string][] = [
      ["go-no-go-required", change(/^ {4}goNoGo:\n {6}- \{ metric: MSP onboarding time, improvement: 25% \}\n/m, "")],
      ["go-no-go-threshold", change(/improvement: 25%/, "improvement: 5%")],
      ["go-no-go-threshold", change(/improvement: 25%/, "adoption: 25%")],
      ["phase-customers", change(/customers: 2\n/, "customers: 12\n")],
      ["leverage-evidence", change(/^ {2}evidence: .*\n/m, "")],
      ["qualification-answer", change(/^ {2}ifWeWalkAway: .*\n/m, "")],
      ["mutual-risk", change(/^ {4}partner: the enablement fund.*\n/m, "")],
      ["tier-provisions", change(/^ {2}partnerManager: Dana Ortiz\n/m, "")],
      ["tier-provisions", change(/partner-sourced ARR, target: \$1.2M/, 'partner NPS, target: "40"')],
      ["roadmap-alignment", change(/type: roadmap/, "type: engineering")],
      ["sales-channel-only", change(/benefit: product-leverage/, "benefit: distribution")],
      [
        "one-sided-commitment",
        change(
          /^ {2}partner:\n {4}- \{ type: spend.*\n {4}- \{ type: roadmap.*\n/m,
          "  partner:\n    - { type: co-marketing, detail: logo }\n",
        ),
      ],
      [
        "recurring-touchpoints",
        (t) => change(/^ {2}reviewCadence: monthly\n/m, "")(change(/^ {4}reviewCadence: quarterly\n/m, "")(t)),
      ],
      ["three-sided-value", change(/^ {2}customers:\n {4}- \{ benefit: single-vendor.*\n/m, "  customers: []\n")],
      ["escalation-path", change(/^ {2}escalation: .*\n/m, "")],
      ["decision-owners", change(/^ {2}owners: .*\n/m, "")],
      ["executive-sponsors", change(/^ {2}sponsors: .*\n/m, "  sponsors: { us: Chief Revenue Officer }\n")],
      ["measurable-metrics", change(/^ {2}metrics:\n.*\n.*\n/m, "  metrics: []\n")],
      ["measurable-metrics", change(/\{ name: MSPs live, target: "120" \}/, "{ name: MSPs live }")],
      ["crawl-first", change(/^ {2}crawl:\n( {4}.*\n)+/m, "")],
      [
        "moderate-leverage-untested",
        (t) => change(/^ {2}type: requirement$/m, "  type: customer")(change(/^ {2}crawl:\n( {4}.*\n)+/m, "")(t)),
      ],
      ["crawl-first", change(/^ {2}walk:\n( {4}.*\n)+/m, "")],
      ["phase-integration", change(/integration: manual/, "integration: native")],
      ["tier-treatment", change(/^tier: strategic$/m, "tier: integration")],
      ["yaml-syntax", change(/^tier: strategic$/m, "tier: strategic\ntier: partnership")],
      ["yaml-syntax", change(/^ {2}evidence: CloudCo/m, '  evidence: "CloudCo')],
    ];
    CASES.forEach(([rule, make], index) => {
      it(`${rule}: its quick fix clears the finding and leaves valid YAML (case ${index + 1})`, async () => {
        const text = withId(`case-${index}`, make(VALID));
        const { uri, diagnostics } = await ed.open(text);
        const diagnostic = diagnostics.find((d) => d.code === rule);
        assert.ok(diagnostic, `a ${rule} finding: ${diagnostics.map((d) => d.code).join(", ")}`);
        const [action] = (await ed.codeActions(uri, diagnostic)).filter(
          (a) => a.edit && !a.title.startsWith("Disable"),
        );
        assert.ok(action, `a quick fix that edits content for ${rule}`);
        const after = await ed.apply(uri, editsOf(action.edit, uri));
        assert.deepEqual(structural(after), [], `no schema or yaml-syntax finding after "${action.title}"`);
        assert.ok(
          !after.some((d) => d.code === rule && d.message === diagnostic.message),
          `"${action.title}" clears it`,
        );
      });
    });

    it("fix-all applies only fixes that change no agreed term: a misspelt key, never the apiVersion", async () => {
      const text = withId(
        "fix-all-terms",
        VALID.replace(/^apiVersion: .*$/m, "apiVersion: partner-charter/v2").replace(
          /^ {2}exitCriteria:$/m,
          "  exitCritera:",
        ),
      );
      const { uri, diagnostics } = await ed.open(text);
      const [action] = await ed.codeActions(uri, diagnostics[0]!, ["source.fixAll.partnerCharter"]);
      assert.ok(action, "a fix-all action");
      await ed.apply(uri, editsOf(action.edit, uri));
      const after = server.client.text(uri);
      assert.match(after, /^apiVersion: partner-charter\/v2$/m, "the version is a term: left for the authors");
      assert.match(after, /^ {2}exitCriteria:$/m, "the misspelt key renamed");
    });

    it("a client that did not announce the documentation command is not offered it", async () => {
      const { uri, diagnostics } = await ed.open(withoutSection("governance", withId("no-docs-command")));
      const actions = await ed.codeActions(uri, diagnostics[0]!);
      assert.ok(!actions.some((action) => action.command), actions.map((a) => a.title).join(" | "));
    });

    it("offers the server's snippets to a client that brings none, only where a key may start", async () => {
      const text = withId("server-snippets", withoutSection("governance"));
      const { uri } = await ed.open(`${text.trimEnd()}\n`);
      const keyLine = text.trimEnd().split("\n").length;
      await server.client.edit(uri, [
        { range: { start: { line: keyLine, character: 0 }, end: { line: keyLine, character: 0 } }, newText: "\n" },
      ]);
      const list = await ed.completion(uri, keyLine, 0);
      assert.ok(
        list.items.some((item) => item.kind === 15 && item.label === "Governance"),
        "the Governance snippet",
      );
      const tier = await ed.completion(uri, lineOf(text, /^tier:/), "tier: ".length);
      assert.ok(!tier.items.some((item) => item.kind === 15), "no snippet in value position");
    });
  });

  describe("config files", () => {
    const CONFIG = "rules:\n  exit-criteria: warn\n";
    const server = useServer({ files: { ".partner-charter.yaml": CONFIG, "a.partner.yaml": VALID } });
    const ed = editor(server);

    it("a severity near miss in .partner-charter.yaml is corrected (warn → warning)", async () => {
      const uri = server.uri(".partner-charter.yaml");
      await server.client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
      await server.client.open(uri, CONFIG, "yaml");
      const published = await server.client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
      const diagnostic = published.diagnostics.find((d) => d.code === "config")!;
      const actions = await ed.codeActions(uri, diagnostic);
      const action = actions.find((a) => a.title === 'Change to "warning"');
      assert.ok(action, actions.map((a) => a.title).join(" | "));
      await server.client.edit(uri, editsOf(action.edit, uri));
      assert.equal(server.client.text(uri), "rules:\n  exit-criteria: warning\n");
      await server.client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
    });
  });

  describe("a client that declares little", () => {
    const server = useServer({
      capabilities: {
        ...CLIENT_CAPABILITIES,
        textDocument: {
          ...CLIENT_CAPABILITIES.textDocument,
          publishDiagnostics: { versionSupport: true },
          codeAction: {},
        },
      },
    });

    it("gets no related information, no documentation link and no code action literals", async () => {
      const text = withId("plain-client", replaceLine(/^tier: strategic$/m, "tier: stratgic"));
      const { uri, diagnostics } = await server.open("plain.partner.yaml", text);
      assert.ok(diagnostics.length > 0);
      for (const diagnostic of diagnostics) {
        assert.equal(diagnostic.codeDescription, undefined);
        assert.equal(diagnostic.relatedInformation, undefined);
      }
      const actions = await server.client.request<CodeAction[]>("textDocument/codeAction", {
        textDocument: { uri },
        range: diagnostics[0]!.range,
        context: { diagnostics: [diagnostics[0]] },
      });
      assert.deepEqual(actions, []);
    });
  });

  it("every rule id has a shipped documentation page", () => {
    for (const id of RULE_IDS) assert.ok(fs.existsSync(`docs/rules/${id}.md`), id);
  });
});
