import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
  CHARTER_FILES,
  CONFIG_FILES,
  CONFIG_FILE_NAMES,
  PROGRAM_FILES,
  WORKSPACE_GLOBS,
  findGlobSync,
  gitIgnoreMatcher,
  isCharterFileName,
  isConfigFileName,
  isInSkippedFolder,
  isProgramFileName,
  isWorkspaceFileName,
  searchFolder,
  searchFolderSync,
} from "../../core/src/workspace";
import { REPO_ROOT } from "../support/paths";

/**
 * The file patterns and the workspace search the CLI and the language server share, and the
 * places that must spell the patterns again (the GitHub Action's shell step, the extension
 * manifest): a test fails when one of them disagrees with core/src/workspace/file-kinds.ts.
 */

/** Names around the patterns' edges: each kind must accept exactly its own. */
const NAMES = [
  "acme.partner.yaml",
  "acme.partner.yml",
  "a.b.partner.yaml",
  "acme.partner.yaml.bak",
  "acme.partner.YAML",
  "acme-partner.yaml",
  "partner.yaml",
  "acme.partner.json",
  "msp.partner-program.yaml",
  "msp.partner-program.yml",
  ".partner-charter.yaml",
  ".partner-charter.yml",
  "x.partner-charter.yaml",
  "notes.yaml",
];

const accepted = (test: (name: string) => boolean): string[] => NAMES.filter(test);

describe("workspace: file kinds", () => {
  it("recognises charters, programs and config files by name, and nothing else", () => {
    assert.deepEqual(accepted(isCharterFileName), ["acme.partner.yaml", "acme.partner.yml", "a.b.partner.yaml"]);
    assert.deepEqual(accepted(isProgramFileName), ["msp.partner-program.yaml", "msp.partner-program.yml"]);
    assert.deepEqual(accepted(isConfigFileName), [".partner-charter.yaml", ".partner-charter.yml"]);
    assert.deepEqual(CONFIG_FILE_NAMES, [".partner-charter.yaml", ".partner-charter.yml"]);
  });

  it("spells the globs the editor watches and the searches use", () => {
    assert.equal(CHARTER_FILES.glob, "**/*.partner.{yaml,yml}");
    assert.equal(PROGRAM_FILES.glob, "**/*.partner-program.{yaml,yml}");
    assert.equal(CONFIG_FILES.glob, "**/.partner-charter.{yaml,yml}");
    assert.deepEqual(WORKSPACE_GLOBS, [CHARTER_FILES.glob, CONFIG_FILES.glob, PROGRAM_FILES.glob]);
  });

  it("action.yml selects the changed charters with the same pattern", () => {
    const action = fs.readFileSync(path.join(REPO_ROOT, "action.yml"), "utf8");
    const tests = [...action.matchAll(/\[\[ "\$new" =~ (\S+) \]\]/g)].map((match) => match[1]!);
    assert.equal(tests.length, 1, "one charter test in action.yml's shell step");
    // A bash [[ =~ ]] pattern is a POSIX extended regular expression; this one reads the same in JavaScript.
    const shell = new RegExp(tests[0]!);
    assert.deepEqual(
      accepted((name) => shell.test(name)),
      accepted(isCharterFileName),
    );
    assert.deepEqual(
      accepted((name) => shell.test(`partners/eu/${name}`)),
      accepted(isCharterFileName),
    );
  });

  it("the extension manifest recognises the same charters, program files and config files", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8"));
    const [language] = manifest.contributes.languages;
    assert.deepEqual(language.extensions, [...CHARTER_FILES.suffixes, ...PROGRAM_FILES.suffixes]);
    assert.deepEqual(
      language.filenamePatterns,
      [...CHARTER_FILES.suffixes, ...PROGRAM_FILES.suffixes].map((suffix) => `*${suffix}`),
    );
    const schemaOf = (fileMatch: string): string | undefined =>
      manifest.contributes.yamlValidation.find((entry: { fileMatch: string }) => entry.fileMatch === fileMatch)?.url;
    for (const suffix of CHARTER_FILES.suffixes)
      assert.equal(schemaOf(`*${suffix}`), "./schemas/partner-charter.schema.json");
    for (const suffix of PROGRAM_FILES.suffixes)
      assert.equal(schemaOf(`*${suffix}`), "./schemas/partner-program.schema.json");
    for (const name of CONFIG_FILE_NAMES) assert.equal(schemaOf(name), "./schemas/partner-charter-config.schema.json");
    const explorer = manifest.contributes.menus["explorer/context"][0].when as string;
    const when = new RegExp(/resourceFilename =~ \/(.+)\/$/.exec(explorer)![1]!);
    assert.deepEqual(
      accepted((name) => when.test(name)),
      accepted(isCharterFileName),
    );
  });
});

describe("workspace: search", () => {
  let dir: string;

  before(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "pc-search-")));
    const files: Record<string, string> = {
      "acme.partner.yaml": "",
      "teams/globex.partner.yml": "",
      "teams/notes.yaml": "",
      "node_modules/pkg/vendored.partner.yaml": "",
      "build/generated.partner.yaml": "",
      ".github/ci.partner.yaml": "",
      ".git/hooks/x.partner.yaml": "",
      ".partner-charter.yaml": "",
      "teams/.partner-charter.yml": "",
      // git's patterns are case-sensitive: this ignores "C.partner.yaml" and not "c.partner.yaml".
      "c.partner.yaml": "",
      "C.partner.yaml": "",
      "new\nline/n.partner.yaml": "",
      "teams/drafts/draft.partner.yaml": "",
      "teams/drafts/kept.partner.yaml": "",
      "teams/.gitignore": "drafts/*\n!drafts/kept.partner.yaml\n",
      ".gitignore": "build/\nC.partner.yaml\n",
    };
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const relative = (files: string[]): string[] =>
    files.map((file) => path.relative(dir, file).split(path.sep).join("/")).sort();

  const CHARTERS = [
    ".github/ci.partner.yaml",
    "acme.partner.yaml",
    "c.partner.yaml",
    "new\nline/n.partner.yaml",
    "teams/drafts/kept.partner.yaml",
    "teams/globex.partner.yml",
  ];

  it("finds charters below a folder, dot-folders too, honouring .gitignore as git does, skipping node_modules and .git", () => {
    const files = searchFolderSync(dir, isCharterFileName);
    assert.ok(files.every((file) => path.isAbsolute(file) && file === path.normalize(file)));
    assert.deepEqual(relative(files), CHARTERS);
  });

  it("the language server's search finds the same charters and the config files, without blocking", async () => {
    const files = await searchFolder(dir, isWorkspaceFileName, { skipUnreadable: true });
    assert.deepEqual(relative(files), [...CHARTERS, ".partner-charter.yaml", "teams/.partner-charter.yml"].sort());
  });

  it("a glob from the command line: the same .gitignore and skipped folders", () => {
    // (A glob engine does not match names with a line break: only folder searches find those.)
    assert.deepEqual(relative(findGlobSync(dir, "**/*.partner.yaml")), [
      ".github/ci.partner.yaml",
      "acme.partner.yaml",
      "c.partner.yaml",
      "teams/drafts/kept.partner.yaml",
    ]);
  });

  it("tells which files .gitignore ignores, and which folders are never looked at", async () => {
    const ignored = await gitIgnoreMatcher(dir);
    assert.equal(ignored(path.join(dir, "build/late.partner.yaml")), true);
    assert.equal(ignored(path.join(dir, "acme.partner.yaml")), false);
    assert.equal(ignored(path.join(dir, "C.partner.yaml")), true);
    assert.equal(ignored(path.join(dir, "c.partner.yaml")), false);
    assert.equal(ignored(path.join(dir, "teams/drafts/draft.partner.yaml")), true);
    assert.equal(ignored(path.join(dir, "teams/drafts/kept.partner.yaml")), false);
    assert.equal(isInSkippedFolder(path.join(dir, "node_modules/pkg/a.partner.yaml")), true);
    assert.equal(isInSkippedFolder("C:\\work\\.git\\a.partner.yaml"), true);
    assert.equal(isInSkippedFolder(path.join(dir, "node_modules2/a.partner.yaml")), false);
    assert.equal(isInSkippedFolder(path.join(dir, ".github/a.partner.yaml")), false);
  });
});
