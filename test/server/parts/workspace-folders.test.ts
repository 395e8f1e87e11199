import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { WorkspaceFolders } from "../../../server/src/workspace-folders";
import { makeWorkspace } from "../support/lsp-client";

/**
 * Several workspace folders, one inside another: the LSP tests open a single folder, so which
 * folder a file belongs to, and whose .gitignore applies to it, are seen only here.
 */

describe("server parts: workspace folders", () => {
  let dir: string;
  let errors: string[];
  let folders: WorkspaceFolders;
  const at = (name: string): string => path.join(dir, name);

  before(() => {
    dir = makeWorkspace({
      "app/a.partner.yaml": "",
      "app/.gitignore": "generated/\n",
      "app/generated/g.partner.yaml": "",
      "app/partners/p.partner.yml": "",
      "app/partners/.gitignore": "drafts/\n",
      "app/partners/drafts/d.partner.yaml": "",
      "app/partners/.partner-charter.yaml": "",
      "other/o.partner.yaml": "",
    });
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  beforeEach(() => {
    errors = [];
    folders = new WorkspaceFolders((message) => errors.push(message));
    folders.set([at("app"), at("app/partners"), at("other")]);
  });

  it("puts a file in the innermost folder that holds it", () => {
    assert.equal(folders.rootFor(at("app/partners/x.partner.yaml")), at("app/partners"));
    assert.equal(folders.rootFor(at("app/x.partner.yaml")), at("app"));
    assert.equal(folders.rootFor(at("elsewhere/x.partner.yaml")), undefined);
    assert.equal(folders.contains(at("app/node_modules/x.partner.yaml")), false);
    folders.change([], [at("app/partners")]);
    assert.equal(folders.rootFor(at("app/partners/x.partner.yaml")), at("app"));
  });

  it("finds the charters and config files of every folder, each with its own .gitignore", async () => {
    folders.set([at("app"), at("other")]);
    const found = await folders.scan();
    const relative = (files: string[]): string[] => files.map((file) => path.relative(dir, file)).sort();
    assert.deepEqual(relative(found.charters), [
      path.join("app", "a.partner.yaml"),
      path.join("app", "partners", "p.partner.yml"),
      path.join("other", "o.partner.yaml"),
    ]);
    assert.deepEqual(relative(found.configs), [path.join("app", "partners", ".partner-charter.yaml")]);
    assert.deepEqual(errors, []);
  });

  it("tells which reported files their folder's .gitignore ignores", async () => {
    const files = [at("app/generated/new.partner.yaml"), at("app/partners/drafts/new.partner.yaml")];
    const ignored = await folders.gitIgnored([...files, at("other/new.partner.yaml")]);
    assert.deepEqual(files.map(ignored), [true, true]);
    assert.equal(ignored(at("other/new.partner.yaml")), false);
    assert.equal(ignored(at("outside/new.partner.yaml")), false);
  });
});
