import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { Finding, RulesConfig } from "../../../core/src";
import { ConfigCache } from "../../../server/src/config-cache";
import { makeWorkspace, uriOf, writeFile } from "../support/lsp-client";

/**
 * The config cache reads each `.partner-charter.yaml` once until told it changed, and keeps
 * the Problems panel free of config files without problems: what the LSP tests cannot tell
 * apart from reading every file at every check.
 */

describe("server parts: config cache", () => {
  let dir: string;
  let root: string;
  let open: TextDocument[];
  let settings: { rules: RulesConfig | undefined; validateEnabled: boolean };
  let published: { uri: string; rules: string[] }[];
  let cache: ConfigCache;

  const severityOf = (rules: RulesConfig, rule: string): string | undefined => rules[rule]?.severity;

  beforeEach(() => {
    dir = makeWorkspace();
    root = path.join(dir, "workspace");
    fs.mkdirSync(root);
    open = [];
    settings = { rules: undefined, validateEnabled: true };
    published = [];
    cache = new ConfigCache({
      documents: { all: () => open },
      rootFor: (file) => (file.startsWith(root + path.sep) ? root : undefined),
      settings: () => settings,
      publish: (uri: string, findings: readonly Finding[]) =>
        published.push({ uri, rules: findings.map((finding) => finding.rule) }),
    });
  });

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("applies the nearest config file, never one above the workspace folder", () => {
    writeFile(dir, ".partner-charter.yaml", "rules:\n  schema: off\n");
    writeFile(root, "teams/.partner-charter.yaml", "rules:\n  schema: warning\n");
    assert.equal(severityOf(cache.rulesFor(path.join(root, "teams/deep/a.partner.yaml")), "schema"), "warning");
    assert.equal(severityOf(cache.rulesFor(path.join(root, "b.partner.yaml")), "schema"), undefined);
  });

  it("reads a config file once for all its charters, and again only when told it changed", () => {
    const config = writeFile(root, ".partner-charter.yaml", "rules:\n  schema: warning\n");
    assert.equal(severityOf(cache.rulesFor(path.join(root, "a.partner.yaml")), "schema"), "warning");
    fs.writeFileSync(config, "rules:\n  schema: info\n");
    assert.equal(severityOf(cache.rulesFor(path.join(root, "b.partner.yaml")), "schema"), "warning", "cached");
    cache.reload(config);
    assert.equal(severityOf(cache.rulesFor(path.join(root, "b.partner.yaml")), "schema"), "info");
  });

  it("puts the config file above the editor setting, and follows a change of the setting", () => {
    writeFile(root, ".partner-charter.yaml", "rules:\n  schema: warning\n");
    settings = { ...settings, rules: { schema: { severity: "off", options: {} }, "stale-charter": { options: {} } } };
    cache.settingsChanged();
    const rules = cache.rulesFor(path.join(root, "a.partner.yaml"));
    assert.equal(severityOf(rules, "schema"), "warning");
    assert.ok("stale-charter" in rules);
    settings = { ...settings, rules: undefined };
    cache.settingsChanged();
    assert.ok(!("stale-charter" in cache.rulesFor(path.join(root, "a.partner.yaml"))));
  });

  it("uses the editor's text of an open config file rather than the file on disk", () => {
    const config = writeFile(root, ".partner-charter.yaml", "rules:\n  schema: warning\n");
    open.push(TextDocument.create(uriOf(config), "yaml", 3, "rules:\n  schema: hint\n"));
    assert.equal(severityOf(cache.rulesFor(path.join(root, "a.partner.yaml")), "schema"), "hint");
  });

  it("shows a config file's problems, clears them once fixed, and says nothing about a clean one", () => {
    const clean = writeFile(root, "clean/.partner-charter.yaml", "rules:\n  schema: warning\n");
    const broken = writeFile(root, "broken/.partner-charter.yaml", "rules:\n  no-such-rule: off\n");
    cache.load(clean);
    cache.load(broken);
    assert.deepEqual(published, [{ uri: uriOf(broken), rules: ["config"] }]);
    assert.deepEqual(cache.shownCounts(), { errors: 1, warnings: 0 });

    fs.writeFileSync(broken, "rules:\n  schema: off\n");
    published = [];
    cache.reload(broken);
    assert.deepEqual(published, [{ uri: uriOf(broken), rules: [] }]);
    published = [];
    cache.reload();
    assert.deepEqual(published, [], "nothing to clear a second time");
  });

  it("clears the problems of a deleted config file and forgets it", () => {
    const broken = writeFile(root, ".partner-charter.yaml", "rules: [\n");
    cache.known.add(broken);
    cache.load(broken);
    fs.rmSync(broken);
    published = [];
    cache.reload();
    assert.deepEqual(published, [{ uri: uriOf(broken), rules: [] }]);
    assert.ok(!cache.known.has(broken));
  });

  it("with validation off, shows nothing until it is turned on again", () => {
    const broken = writeFile(root, "a/.partner-charter.yaml", "rules:\n  no-such-rule: off\n");
    cache.load(broken);
    settings = { ...settings, validateEnabled: false };
    cache.clearShown();
    assert.deepEqual(published.at(-1), { uri: uriOf(broken), rules: [] });
    published = [];
    const other = writeFile(root, "b/.partner-charter.yaml", "rules:\n  other-missing-rule: off\n");
    cache.load(other);
    assert.deepEqual(published, []);
    settings = { ...settings, validateEnabled: true };
    cache.showAll();
    assert.deepEqual(published, [
      { uri: uriOf(broken), rules: ["config"] },
      { uri: uriOf(other), rules: ["config"] },
    ]);
  });
});
