// The extension in real VS Code: these tests run inside the extension host with the real
// `vscode` API, against the packaged extension and its language server (dist/server.js).
// The workspace is a temporary copy of test/e2e/workspace/ (tests create and edit files).
/* eslint-disable @typescript-eslint/no-require-imports */
/* global suite, suiteSetup, test */
"use strict";
const assert = require("assert");
const fs = require("fs");
const path = require("path");
const vscode = require("vscode");
const { gitEnv } = require("../lib/git-identity.cjs");

const EXTENSION_ID = "partner-charter.partner-charter";
const COMMANDS = [
  "partnerCharter.openPreview",
  "partnerCharter.openPreviewToSide",
  "partnerCharter.validateWorkspace",
  "partnerCharter.newCharter",
  "partnerCharter.exportHtml",
  "partnerCharter.restartServer",
  "partnerCharter.signCharter",
  "partnerCharter.compareWithHead",
  "partnerCharter.openPortfolioDashboard",
  "partnerCharter.groupPartnerships",
];

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** git in the workspace copy (lib/git-identity.cjs: a fixed identity, no user or system config). */
function git(...args) {
  return require("child_process").execFileSync("git", args, {
    cwd: workspaceRoot().fsPath,
    encoding: "utf8",
    env: gitEnv(),
  });
}

/** Polls `probe` until it returns a truthy value; fails with `what` after `timeoutMs`. */
async function waitFor(what, probe, timeoutMs = 20000, everyMs = 100) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      last = await probe();
      if (last) return last;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`,
      );
    }
    await sleep(everyMs);
  }
}

const codeOf = (diagnostic) =>
  diagnostic.code !== null && typeof diagnostic.code === "object" ? diagnostic.code.value : diagnostic.code;

function workspaceRoot() {
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  assert.ok(folder, "a workspace folder is open");
  return folder.uri;
}

const fileUri = (name) => vscode.Uri.joinPath(workspaceRoot(), name);

/** The file path of a URI the language server sent (its spelling of a file URI may differ from VS Code's). */
const fsPathOf = (uri) => (uri ? vscode.Uri.parse(uri).fsPath : undefined);

async function show(name) {
  const document = await vscode.workspace.openTextDocument(fileUri(name));
  return vscode.window.showTextDocument(document, { preview: false });
}

/** The extension's API (what activate returns), once its server is up. */
async function api() {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  const exports = extension.isActive ? extension.exports : await extension.activate();
  await exports.ready;
  return exports;
}

/** The server's model of `uri` for the document's current text. */
async function currentModel(uri) {
  const { getModel } = await api();
  const document = await vscode.workspace.openTextDocument(uri);
  return waitFor(`the model of ${path.basename(uri.path)} at version ${document.version}`, async () => {
    const view = await getModel(uri);
    return view && (view.version === undefined || view.version === document.version) ? view : undefined;
  });
}

suite("Partner Charter in VS Code", () => {
  suiteSetup(() => {
    workspaceRoot();
  });

  test("nothing runs at start-up; opening a charter activates the extension", async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    assert.strictEqual(extension.isActive, false, "not activated before a charter is opened");
    const editor = await show("acme.partner.yaml");
    assert.strictEqual(editor.document.languageId, "partner-charter");
    await waitFor("activation", () => extension.isActive);
    const { client } = await api();
    assert.ok(client.isRunning(), "the language server is running");
    const commands = await vscode.commands.getCommands(true);
    for (const command of COMMANDS) assert.ok(commands.includes(command), `${command} is registered`);
  });

  test("diagnostics appear with rule ids as codes", async () => {
    const uri = fileUri("acme.partner.yaml");
    const diagnostics = await waitFor("diagnostics of acme.partner.yaml", () => {
      const list = vscode.languages.getDiagnostics(uri);
      return list.some((d) => codeOf(d) === "mutual-risk") ? list : undefined;
    });
    const codes = diagnostics.map(codeOf).sort();
    assert.deepStrictEqual(codes, ["executive-sponsors", "go-no-go-threshold", "mutual-risk"]);
    for (const d of diagnostics) {
      assert.match(String(codeOf(d)), /^[a-z][a-z0-9-]*$/);
      if (typeof d.code === "object") assert.ok(d.code.target, "the code links to the rule's documentation");
    }
    const mutualRisk = diagnostics.find((d) => codeOf(d) === "mutual-risk");
    assert.strictEqual(mutualRisk.severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(mutualRisk.range.start.line, 38);
  });

  test("a quick fix from the server removes its diagnostic", async () => {
    const editor = await show("broken.partner.yaml");
    const uri = editor.document.uri;
    const diagnostic = await waitFor("the schema finding on the misspelt tier", () =>
      vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === "schema" && d.message.includes("stratgic")),
    );
    const actions = await vscode.commands.executeCommand(
      "vscode.executeCodeActionProvider",
      uri,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
      10,
    );
    const fix = (actions || []).find((a) => a.title === 'Change to "strategic"');
    assert.ok(fix, `a "Change to strategic" quick fix among ${JSON.stringify((actions || []).map((a) => a.title))}`);
    assert.ok(fix.edit, "the quick fix carries its edit");
    assert.ok(await vscode.workspace.applyEdit(fix.edit), "the edit applies");
    assert.match(editor.document.getText(), /^tier: strategic$/m);
    await waitFor("the schema finding to disappear", () =>
      vscode.languages.getDiagnostics(uri).every((d) => !d.message.includes("stratgic")),
    );
  });

  test("the commitment snippet inserts valid YAML where a commitment belongs", async () => {
    const uri = fileUri("snippet-host.partner.yaml");
    const host = fs.readFileSync(fileUri("acme.partner.yaml").fsPath, "utf8").replace(/^id: .*$/m, "id: snippet-host");
    await vscode.workspace.fs.writeFile(uri, Buffer.from(host));
    const editor = await show("snippet-host.partner.yaml");
    const lines = editor.document.getText().split("\n");
    const usLine = lines.findIndex((l, i) => l === "  us:" && lines[i - 1] === "commitments:");
    assert.ok(usLine > 0, "the host has commitments.us");
    let last = usLine + 1;
    while (lines[last + 1] && lines[last + 1].startsWith("    - ")) last++;
    // a new, indented line after the last commitment of `us`, then the snippet by its name
    const end = editor.document.lineAt(last).range.end;
    await editor.edit((edit) => edit.insert(end, "\n    "));
    const cursor = new vscode.Position(last + 1, 4);
    editor.selection = new vscode.Selection(cursor, cursor);
    await vscode.commands.executeCommand("editor.action.insertSnippet", {
      langId: "partner-charter",
      name: "commitment",
    });
    await vscode.commands.executeCommand("leaveSnippet");
    const text = editor.document.getText();
    assert.match(text, /^ {4}- type: engineering\n {6}detail: TODO — what is committed\n {6}amount:\n {8}value: 1\n/m);
    const YAML = require("yaml");
    const data = YAML.parse(text);
    assert.strictEqual(data.commitments.us.length, 3, "a third commitment for us");
    assert.strictEqual(data.commitments.us[2].detail, "TODO — what is committed");
    const view = await currentModel(uri);
    const bad = view.findings.filter((f) => f.rule === "schema" || f.rule === "yaml-syntax");
    assert.deepStrictEqual(bad, [], "no schema or yaml-syntax finding after the snippet");
  });

  test("a code lens's command opens the preview beside the charter, scrolled to the section it speaks of", async () => {
    const editor = await show("acme.partner.yaml");
    const uri = editor.document.uri;
    const lenses = await waitFor("the code lenses with their command", async () => {
      const found = await vscode.commands.executeCommand("vscode.executeCodeLensProvider", uri);
      return found &&
        found.length > 0 &&
        found.every((lens) => lens.command && lens.command.command === "partnerCharter.showSection")
        ? found
        : undefined;
    });
    const crawl = lenses.find(
      (lens) => lens.range.start.line === editor.document.getText().split("\n").indexOf("  crawl:"),
    );
    assert.ok(crawl, "a lens on the crawl phase");
    assert.strictEqual(crawl.command.arguments[0].section, "timeline");
    await vscode.commands.executeCommand(crawl.command.command, ...crawl.command.arguments);
    const { getPreview } = await api();
    // No preview of this charter before: the section waits for the page to load.
    const preview = await waitFor("the preview", () => getPreview(uri));
    await preview.firstRender;
    await waitFor("the page scrolled to the timeline", () => preview.scrollY > 0);
  });

  test("keys are suggested as you type under a section at an odd indent; accepting one leaves valid YAML", async () => {
    const editorConfig = vscode.workspace.getConfiguration("editor", { languageId: "partner-charter" });
    assert.strictEqual(editorConfig.get("tabSize"), 2);
    assert.strictEqual(editorConfig.get("insertSpaces"), true);
    assert.strictEqual(editorConfig.get("quickSuggestions").strings, "on", "suggestions while typing values");
    const uri = fileUri("indent-host.partner.yaml");
    const host = fs.readFileSync(fileUri("acme.partner.yaml").fsPath, "utf8").replace(/^id: .*$/m, "id: indent-host");
    await vscode.workspace.fs.writeFile(uri, Buffer.from(host));
    const editor = await show("indent-host.partner.yaml");
    const line = editor.document.getText().split("\n").indexOf("governance:") + 1;
    assert.ok(line > 0, "the host has governance");
    // one space on a new line under `governance:` (its keys are at column 2)
    await editor.edit((edit) => edit.insert(new vscode.Position(line, 0), " \n"));
    const cursor = new vscode.Position(line, 1);
    editor.selection = new vscode.Selection(cursor, cursor);
    const list = await waitFor("completion items", async () => {
      const result = await vscode.commands.executeCommand("vscode.executeCompletionItemProvider", uri, cursor);
      return result && result.items.length ? result : undefined;
    });
    const labelOf = (item) => (typeof item.label === "string" ? item.label : item.label.label);
    const labels = list.items.map(labelOf);
    assert.ok(labels.includes("partnerManager"), `partnerManager among ${labels.join(", ")}`);
    for (const present of ["owners", "sponsors", "syncCadence", "escalation", "exitCriteria"]) {
      assert.ok(!labels.includes(present), `${present} is already there`);
    }
    const item = list.items.find((candidate) => labelOf(candidate) === "partnerManager");
    const range = item.range && item.range.replacing ? item.range.replacing : item.range;
    const body = typeof item.insertText === "string" ? item.insertText : item.insertText.value;
    await editor.insertSnippet(new vscode.SnippetString(body), range);
    await editor.edit((edit) => edit.insert(editor.selection.active, "Dana Ortiz"));
    await vscode.commands.executeCommand("leaveSnippet");
    const text = editor.document.getText();
    assert.match(text, /^governance:\n {2}partnerManager: Dana Ortiz\n {2}owners: \{/m, "at the section's column");
    const YAML = require("yaml");
    const data = YAML.parse(text);
    assert.strictEqual(data.governance.partnerManager, "Dana Ortiz");
    assert.strictEqual(data.governance.syncCadence, "biweekly", "the existing keys stay where they were");
    const view = await currentModel(uri);
    const bad = view.findings.filter((f) => f.rule === "schema" || f.rule === "yaml-syntax");
    assert.deepStrictEqual(bad, [], "no schema or yaml-syntax finding after accepting");
  });

  test("Ctrl+. on an exit-criteria finding offers an edit that clears it without a schema error", async () => {
    const uri = fileUri("exit-host.partner.yaml");
    const host = fs
      .readFileSync(fileUri("acme.partner.yaml").fsPath, "utf8")
      .replace(/^id: .*$/m, "id: exit-host")
      .replace(/^ {2}exitCriteria:\n( {4}- .*\n)+/m, "");
    await vscode.workspace.fs.writeFile(uri, Buffer.from(host));
    const editor = await show("exit-host.partner.yaml");
    const diagnostic = await waitFor("the exit-criteria finding", () =>
      vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === "exit-criteria"),
    );
    const actions = await vscode.commands.executeCommand(
      "vscode.executeCodeActionProvider",
      uri,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const titles = (actions || []).map((a) => a.title);
    const fix = (actions || []).find((a) => a.edit && /exit criteria/i.test(a.title));
    assert.ok(fix, `an edit among ${JSON.stringify(titles)}`);
    assert.ok(titles.includes("Show documentation for exit-criteria"), JSON.stringify(titles));
    assert.ok(await vscode.workspace.applyEdit(fix.edit), "the edit applies");
    assert.match(editor.document.getText(), /^ {2}exitCriteria:\n {4}- TODO/m);
    await waitFor("the exit-criteria finding to go, with no schema error", () => {
      const list = vscode.languages.getDiagnostics(uri);
      return (
        !list.some((d) => codeOf(d) === "exit-criteria") &&
        !list.some((d) => codeOf(d) === "schema" || codeOf(d) === "yaml-syntax")
      );
    });
  });

  test("Show documentation opens the rule's shipped page offline, in the Markdown preview", async () => {
    const uri = fileUri("acme.partner.yaml");
    await show("acme.partner.yaml");
    const diagnostic = await waitFor("the mutual-risk finding", () =>
      vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === "mutual-risk"),
    );
    assert.strictEqual(diagnostic.code.target.scheme, "file", "the diagnostic links to a file, not a web address");
    const actions = await vscode.commands.executeCommand("vscode.executeCodeActionProvider", uri, diagnostic.range);
    const docAction = (actions || []).find((a) => a.title === "Show documentation for mutual-risk");
    assert.ok(docAction && docAction.command, JSON.stringify((actions || []).map((a) => a.title)));
    const page = vscode.Uri.parse(docAction.command.arguments[0]);
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.strictEqual(page.scheme, "file");
    assert.ok(
      page.fsPath.startsWith(path.join(extension.extensionPath, "docs", "rules")),
      `${page.fsPath} is shipped with the extension`,
    );
    assert.ok(fs.existsSync(page.fsPath));
    await vscode.commands.executeCommand(docAction.command.command, ...docAction.command.arguments);
    const tab = await waitFor("the Markdown preview of mutual-risk.md", () =>
      vscode.window.tabGroups.all
        .flatMap((group) => group.tabs)
        .find((t) => /mutual-risk\.md/.test(t.label) && t.input instanceof vscode.TabInputWebview),
    );
    assert.ok(tab);
  });

  test("Open Preview renders the charter in a webview tab, reused per document", async () => {
    await show("acme.partner.yaml");
    const uri = fileUri("acme.partner.yaml");
    await vscode.commands.executeCommand("partnerCharter.openPreview");
    const tab = await waitFor("the preview tab", () =>
      vscode.window.tabGroups.all
        .flatMap((group) => group.tabs)
        .find((t) => t.label === "Preview: acme.partner.yaml" && t.input instanceof vscode.TabInputWebview),
    );
    assert.ok(tab);
    const { getPreview } = await api();
    const preview = getPreview(uri);
    assert.ok(preview, "the preview is registered for the document");
    await preview.firstRender;
    assert.match(preview.html, /Acme × Northwind — embedded analytics/);
    assert.match(preview.html, /Value exchange/);
    assert.match(preview.html, /mutual-risk/);
    assert.match(preview.html, /Content-Security-Policy/);
    const nonce = /'nonce-([^']+)'/.exec(preview.html)[1];
    // to the side again: the same panel is revealed, not a second one
    await show("acme.partner.yaml");
    await vscode.commands.executeCommand("partnerCharter.openPreviewToSide");
    await sleep(500);
    const count = vscode.window.tabGroups.all
      .flatMap((group) => group.tabs)
      .filter((t) => t.label === "Preview: acme.partner.yaml").length;
    assert.strictEqual(count, 1, "one preview per document");
    await waitFor("a re-render with a fresh nonce", () => !preview.html.includes(`'nonce-${nonce}'`), 5000);
  });

  test("while the YAML is broken the preview shows the last good render with a banner", async () => {
    const editor = await show("acme.partner.yaml");
    const { getPreview } = await api();
    const preview = getPreview(editor.document.uri);
    assert.ok(preview, "the preview is open");
    const titleLine = editor.document
      .getText()
      .split("\n")
      .findIndex((l) => l.startsWith("title:"));
    const original = editor.document.lineAt(titleLine).text;
    await editor.edit((edit) => edit.replace(editor.document.lineAt(titleLine).range, 'title: "unterminated'));
    try {
      await waitFor(
        "the stale banner",
        () => preview.stale && /syntax error on line \d+; showing the last valid version/.test(preview.html),
      );
      assert.match(preview.html, /Acme × Northwind — embedded analytics/, "the last good render stays");
    } finally {
      await editor.edit((edit) => edit.replace(editor.document.lineAt(titleLine).range, original));
    }
    await waitFor("the banner to go", () => !preview.stale && !preview.html.includes("pc-stale-banner"));
  });

  test("the status bar item shows counts and health from the model", async () => {
    await show("acme.partner.yaml");
    const { statusBarText, getModel } = await api();
    const view = await getModel(fileUri("acme.partner.yaml"));
    assert.strictEqual(view.health, 75);
    await waitFor("the status bar text", () => statusBarText() === "$(error) 1 $(warning) 2 · health 75");
  });

  test("Validate Workspace validates every charter and returns the counts", async () => {
    const result = await vscode.commands.executeCommand("partnerCharter.validateWorkspace");
    assert.ok(result, "a result");
    assert.ok(result.files >= 2, `files: ${result.files}`);
    assert.ok(result.errors >= 1, `errors: ${result.errors}`);
    assert.ok(result.warnings >= 2, `warnings: ${result.warnings}`);
  });

  test("New Charter… (with arguments instead of prompts) writes a skeleton, opens it, never overwrites", async () => {
    const target = fileUri("globex-corp.partner.yaml");
    const created = await vscode.commands.executeCommand("partnerCharter.newCharter", {
      tier: "strategic",
      partnerName: "Globex Corp",
      uri: target,
    });
    assert.ok(created, "the command returns the new file");
    assert.strictEqual(created.toString(), target.toString());
    const text = fs.readFileSync(target.fsPath, "utf8");
    assert.match(text, /^tier: strategic/m);
    assert.match(text, /^ {2}name: Globex Corp$/m);
    assert.match(text, /^updated: 2026-11-24$/m, "uses partnerCharter.today");
    await waitFor("the new charter in the active editor", () => {
      const active = vscode.window.activeTextEditor;
      return active && active.document.uri.toString() === target.toString();
    });
    const view = await currentModel(target);
    assert.deepStrictEqual(
      view.findings.filter((f) => f.rule === "schema" || f.rule === "yaml-syntax"),
      [],
      "the skeleton passes the schema",
    );
    const again = await vscode.commands.executeCommand("partnerCharter.newCharter", {
      tier: "integration",
      partnerName: "Globex Corp",
      uri: target,
    });
    assert.strictEqual(again, undefined, "refuses to overwrite");
    assert.strictEqual(fs.readFileSync(target.fsPath, "utf8"), text);
  });

  test("the preview's audience toggle shows the page for the partner: both companies, lines to sign on", async () => {
    const editor = await show("umbrella.partner.yaml");
    await vscode.commands.executeCommand("partnerCharter.openPreview");
    const { getPreview } = await api();
    const preview = await waitFor("the preview of umbrella.partner.yaml", () => getPreview(editor.document.uri));
    await preview.firstRender;
    assert.match(preview.html, /data-audience="partner" aria-pressed="false"/, "the toolbar offers the partner page");
    await preview.setAudience("partner");
    assert.strictEqual(preview.audience, "partner");
    assert.match(preview.html, /<dd>Acme and Umbrella<\/dd>/);
    assert.match(preview.html, /<h3>For Umbrella<\/h3>/);
    assert.match(preview.html, /<dt>Signature<\/dt>\s*<dd class="line"><\/dd>/, "lines for the partner to sign on");
    assert.doesNotMatch(preview.html, /id="findings"|umbrella\.partner\.yaml|class="health/);
    await preview.setAudience("internal");
    assert.match(preview.html, /id="findings"/);
  });

  test("Sign Charter… (with arguments) adds the signature with its digest through the buffer, undoable", async () => {
    const editor = await show("globex.partner.yaml");
    const uri = editor.document.uri;
    const before = editor.document.getText();
    const response = await vscode.commands.executeCommand("partnerCharter.signCharter", uri, {
      party: "partner",
      name: "Tom Lee",
      title: "Alliances Director",
    });
    assert.ok(response && response.signed, JSON.stringify(response));
    const text = editor.document.getText();
    assert.ok(editor.document.isDirty, "signed in the buffer, not on disk");
    assert.match(
      text,
      /party: partner, name: Tom Lee, title: Alliances Director, date: 2026-11-24, digest: "?sha256:[0-9a-f]{64}/,
    );
    assert.strictEqual(fs.readFileSync(uri.fsPath, "utf8"), before, "the file on disk is untouched until saved");
    const view = await currentModel(uri);
    assert.deepStrictEqual(view.findings, [], "the new signature is current");

    // Another person's signature for our side is replaced only when confirmed.
    const refused = await vscode.commands.executeCommand("partnerCharter.signCharter", uri, {
      party: "us",
      name: "Dana Ortiz",
    });
    assert.strictEqual(refused.signed, false);
    assert.strictEqual(refused.reason, "signed-by-another");
    assert.strictEqual(refused.previous.name, "Priya Shah");
    assert.strictEqual(editor.document.getText(), text, "nothing changed");

    await vscode.commands.executeCommand("undo");
    await waitFor("the undo", () => editor.document.getText() === before);
  });

  test("Compare with Git HEAD shows the change of an amount, and a charter HEAD lacks as new", async () => {
    git("init", "--quiet", "--initial-branch=main");
    git("add", "globex.partner.yaml");
    git("commit", "--quiet", "-m", "globex as agreed");
    const editor = await show("globex.partner.yaml");
    const line = editor.document
      .getText()
      .split("\n")
      .findIndex((l) => l.includes("value: 300000, unit: USD"));
    assert.ok(line >= 0, "the spend line");
    const original = editor.document.lineAt(line).text;
    await editor.edit((edit) =>
      edit.replace(editor.document.lineAt(line).range, original.replace("value: 300000", "value: 150000")),
    );
    try {
      const shown = await vscode.commands.executeCommand("partnerCharter.compareWithHead", editor.document.uri);
      assert.ok(shown, "the comparison is shown");
      assert.deepStrictEqual(
        shown.response.diff.commitments.map((c) => [c.side, c.change]),
        [["partner", "changed"]],
      );
      assert.match(shown.html, /spend USD 300,000 → USD 150,000/);
      assert.match(shown.html, /Content-Security-Policy/);
      assert.doesNotMatch(shown.html, /<script/);
      const fresh = await vscode.commands.executeCommand(
        "partnerCharter.compareWithHead",
        fileUri("umbrella.partner.yaml"),
      );
      assert.strictEqual(fresh.response.diff.base.missing, true);
      assert.match(fresh.html, /this is a new charter/);
    } finally {
      await editor.edit((edit) => edit.replace(editor.document.lineAt(line).range, original));
      await editor.document.save();
    }
  });

  test("the Partnerships view lists the workspace's charters grouped by tier", async () => {
    await show("acme.partner.yaml");
    const { partnerships } = await api();
    await vscode.commands.executeCommand("partnerCharter.groupPartnerships", "tier");
    // The view shows in the Explorer once the extension is active.
    await waitFor("the Partnerships view to show", async () => {
      await vscode.commands.executeCommand("partnerCharter.partnerships.focus");
      return true;
    });
    const snapshot = await waitFor("the three charters of the workspace in the view", () => {
      const now = partnerships();
      const paths = now.groups.flatMap((group) => group.items.map((item) => fsPathOf(item.uri)));
      return ["acme", "globex", "umbrella"].every((name) => paths.includes(fileUri(`${name}.partner.yaml`).fsPath))
        ? now
        : undefined;
    });
    assert.strictEqual(snapshot.grouping, "tier");
    const groupOf = (name) =>
      snapshot.groups.find((group) => group.items.some((item) => fsPathOf(item.uri) === fileUri(name).fsPath));
    assert.strictEqual(groupOf("acme.partner.yaml").name, "partnership");
    assert.strictEqual(groupOf("globex.partner.yaml").name, "strategic");
    assert.strictEqual(groupOf("umbrella.partner.yaml").name, "strategic");
    const northwind = groupOf("acme.partner.yaml").items.find((item) => item.label === "Northwind");
    assert.ok(northwind, "an item names the partner");
    assert.match(northwind.description, /^run · health \d+\/100 · /);
    await vscode.commands.executeCommand("partnerCharter.groupPartnerships", "stage");
    assert.ok(partnerships().groups.some((group) => group.name === "run"));
    await vscode.commands.executeCommand("partnerCharter.groupPartnerships", "tier");
  });

  test("editing a charter's phase dates moves it to another stage in the view, without reopening it", async () => {
    const text = fs
      .readFileSync(fileUri("acme.partner.yaml").fsPath, "utf8")
      .replace("id: acme-northwind-analytics", "id: acme-stage-move")
      .replace("name: Northwind", "name: Stagemove");
    fs.writeFileSync(fileUri("stage-move.partner.yaml").fsPath, text);
    const editor = await show("stage-move.partner.yaml");
    const { partnerships } = await api();
    const stageOf = () => {
      for (const group of partnerships().groups) {
        const item = group.items.find((i) => fsPathOf(i.uri) === editor.document.uri.fsPath);
        if (item) return item.description.split(" · ")[0];
      }
      return undefined;
    };
    await vscode.commands.executeCommand("partnerCharter.groupPartnerships", "stage");
    await waitFor("the new charter in the run stage", () => stageOf() === "run");
    const line = editor.document
      .getText()
      .split("\n")
      .findIndex((l) => l.includes("start: 2026-06-01"));
    assert.ok(line >= 0, "the run start line");
    const original = editor.document.lineAt(line).text;
    await editor.edit((edit) =>
      edit.replace(editor.document.lineAt(line).range, original.replace("2026-06-01", "2027-01-04")),
    );
    await waitFor("the charter moved to the walk stage", () => stageOf() === "walk");
    const walk = partnerships().groups.find((group) => group.name === "walk");
    assert.ok(
      walk.items.some((item) => item.label === "Stagemove"),
      "listed under walk",
    );
    await vscode.commands.executeCommand("workbench.action.files.revert");
    await vscode.commands.executeCommand("workbench.action.closeActiveEditor");
    fs.rmSync(fileUri("stage-move.partner.yaml").fsPath);
    await vscode.commands.executeCommand("partnerCharter.groupPartnerships", "tier");
  });

  test("Open Portfolio Dashboard shows the portfolio page; a click on a partnership opens its charter", async () => {
    const shown = await vscode.commands.executeCommand("partnerCharter.openPortfolioDashboard");
    assert.ok(shown && shown.panel, "the dashboard is shown");
    assert.strictEqual(shown.panel.viewType, "partnerCharter.portfolioDashboard");
    assert.match(shown.html, /Content-Security-Policy/);
    assert.doesNotMatch(shown.html, /<script/i);
    assert.match(shown.html, /--vscode-editor-foreground/, "follows the theme");
    assert.match(shown.html, /<line class="gantt-today"/);
    // A partnership's link is a command URI that opens its charter (the webview runs no script).
    const link = /<a href="(command:partnerCharter\.openCharterAt\?[^"]+)">Northwind<\/a>/.exec(shown.html);
    assert.ok(link, "Northwind is a link");
    // What VS Code runs for the link: `command:ID?ARGS`, ARGS the URI-encoded JSON of the arguments.
    const [command, query] = link[1].slice("command:".length).split("?");
    const args = JSON.parse(decodeURIComponent(query));
    assert.strictEqual(fsPathOf(args[0]), fileUri("acme.partner.yaml").fsPath);
    await vscode.commands.executeCommand("workbench.action.closeAllEditors");
    await vscode.commands.executeCommand(command, ...args);
    await waitFor(
      "acme.partner.yaml in the active editor",
      () => vscode.window.activeTextEditor?.document.uri.fsPath === fileUri("acme.partner.yaml").fsPath,
    );
    await vscode.commands.executeCommand("workbench.action.closeAllEditors");
  });

  test("Export as HTML writes the standalone page", async () => {
    const source = fileUri("acme.partner.yaml");
    const target = path.join(workspaceRoot().fsPath, "acme-export.html");
    const written = await vscode.commands.executeCommand("partnerCharter.exportHtml", source, target);
    assert.ok(written, "the command returns the written file");
    const html = fs.readFileSync(target, "utf8");
    assert.match(html, /^<!DOCTYPE html>/i);
    assert.match(html, /Acme × Northwind — embedded analytics/);
    assert.doesNotMatch(html, /<script/i, "standalone pages have no script");
    assert.doesNotMatch(html, /acquireVsCodeApi/);
  });

  test("changing a tier's requirement in the program makes the finding appear on a closed charter of that tier", async () => {
    const { getModel } = await api();
    const root = workspaceRoot().fsPath;
    const programText = [
      "apiVersion: partner-charter/v1",
      "kind: Program",
      "id: northwind-network",
      "title: Northwind Network",
      "owner: head-of-partnerships@acme.example",
      "tiers:",
      "  - tier: integration",
      "    name: Registered",
      "    graduation: { to: partnership, criteria: [three shared customers live] }",
      "  - tier: partnership",
      "    name: Select",
      "    provides: [dedicated-channel, regular-syncs]",
      "    requires:",
      "      minExitCriteria: 1",
      "",
    ].join("\n");
    fs.mkdirSync(path.join(root, "network"), { recursive: true });
    fs.writeFileSync(path.join(root, "network", "northwind.partner-program.yaml"), programText);
    // A closed charter of the Select tier (partnership) with one exit criterion: never opened in an editor.
    const charterText = fs
      .readFileSync(path.join(root, "acme.partner.yaml"), "utf8")
      .replace(/^id: .*$/m, "id: network-northwind");
    fs.writeFileSync(path.join(root, "network", "northwind.partner.yaml"), charterText);
    const charterUri = fileUri("network/northwind.partner.yaml");
    await vscode.commands.executeCommand("partnerCharter.validateWorkspace");
    await waitFor("the charter judged against the program's Select tier", async () => {
      const view = await getModel(charterUri);
      return view && view.program && view.program.tierName === "Select";
    });
    assert.ok(
      vscode.languages.getDiagnostics(charterUri).every((d) => codeOf(d) !== "tier-requirements"),
      "one exit criterion meets the program as it is",
    );
    assert.ok(
      !vscode.workspace.textDocuments.some((d) => d.uri.toString() === charterUri.toString()),
      "the charter stays closed",
    );

    const editor = await show("network/northwind.partner-program.yaml");
    const line = editor.document.getText().split("\n").indexOf("      minExitCriteria: 1");
    await editor.edit((edit) => edit.replace(new vscode.Range(line, 23, line, 24), "2"));
    const finding = await waitFor("tier-requirements on the closed charter in the Problems panel", () =>
      vscode.languages.getDiagnostics(charterUri).find((d) => codeOf(d) === "tier-requirements"),
    );
    assert.match(finding.message, /^Select requires at least 2 exit criteria; this charter lists 1\./);

    // Back as it was: the finding goes.
    await editor.edit((edit) => edit.replace(new vscode.Range(line, 23, line, 24), "1"));
    await waitFor("the finding to go", () =>
      vscode.languages.getDiagnostics(charterUri).every((d) => codeOf(d) !== "tier-requirements"),
    );
    await editor.document.save();
    await vscode.commands.executeCommand("workbench.action.closeActiveEditor");
    fs.rmSync(path.join(root, "network"), { recursive: true, force: true });
  });

  test("New Charter… offers a partner program, and under one its tier names with a skeleton that meets the tier", async () => {
    const programUri = fileUri("programs/acme.partner-program.yaml");
    const createdProgram = await vscode.commands.executeCommand("partnerCharter.newCharter", {
      kind: "program",
      uri: programUri,
    });
    assert.strictEqual(createdProgram.toString(), programUri.toString());
    const programText = fs.readFileSync(programUri.fsPath, "utf8");
    assert.match(programText, /^kind: Program$/m);
    assert.match(programText, /^ {4}name: Select$/m);
    const charterUri = fileUri("programs/globex.partner.yaml");
    const created = await vscode.commands.executeCommand("partnerCharter.newCharter", {
      tier: "Select",
      partnerName: "Globex",
      uri: charterUri,
    });
    assert.strictEqual(created.toString(), charterUri.toString());
    const text = fs.readFileSync(charterUri.fsPath, "utf8");
    assert.match(text, /^program: acme$/m);
    assert.match(text, /^tier: partnership # Select/m);
    assert.match(text, /type: engineering, detail: TODO — Select asks for this/);
    const unknown = await vscode.commands.executeCommand("partnerCharter.newCharter", {
      tier: "Gold",
      partnerName: "Initech",
      uri: fileUri("programs/initech.partner.yaml"),
    });
    assert.strictEqual(unknown, undefined, "a tier the program does not offer is refused");
    await vscode.commands.executeCommand("workbench.action.closeAllEditors");
    fs.rmSync(path.join(workspaceRoot().fsPath, "programs"), { recursive: true, force: true });
  });

  test("a crashed language server is restarted automatically", async function () {
    const { client, getModel } = await api();
    // languageclient keeps the server's child process in a private field; without it, skip
    const before = client._serverProcess && client._serverProcess.pid;
    if (!before) this.skip();
    process.kill(before, "SIGKILL");
    await waitFor(
      "a new server process",
      () => client.isRunning() && client._serverProcess && client._serverProcess.pid !== before,
    );
    const view = await waitFor("the model from the new server", () => getModel(fileUri("acme.partner.yaml")));
    assert.strictEqual(view.health, 75);
  });

  test("Restart Language Server restarts it and the findings come back", async () => {
    const { client, getModel } = await api();
    await vscode.commands.executeCommand("partnerCharter.restartServer");
    assert.ok(client.isRunning(), "running again");
    const uri = fileUri("acme.partner.yaml");
    await waitFor("diagnostics after the restart", () =>
      vscode.languages.getDiagnostics(uri).some((d) => codeOf(d) === "mutual-risk"),
    );
    const view = await getModel(uri);
    assert.strictEqual(view.health, 75);
  });
});
