import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { ruleDocPath } from "../../core/src";

/**
 * Where a rule's documentation page is on this machine, as a file: URI: the pages are shipped
 * beside the server (the bundle is `dist/server.js`, the pages `docs/rules/`, in the .vsix and
 * the npm package alike), so a diagnostic's link opens offline. Run from the sources
 * (`server/src/`), the repository's own pages. No page, no link: never a made-up address.
 */

function packageRoot(): string | undefined {
  return [path.resolve(__dirname, ".."), path.resolve(__dirname, "..", "..")].find((candidate) =>
    fs.existsSync(path.join(candidate, "docs", "rules")),
  );
}

let root: string | undefined | null = null;
const uris = new Map<string, string | undefined>();

export function ruleDocUri(rule: string): string | undefined {
  if (uris.has(rule)) return uris.get(rule);
  if (root === null) root = packageRoot();
  const file = root && path.join(root, ruleDocPath(rule));
  const uri = file && fs.existsSync(file) ? pathToFileURL(file).href : undefined;
  uris.set(rule, uri);
  return uri;
}
