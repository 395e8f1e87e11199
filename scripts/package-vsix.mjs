// npm run package: builds the production bundles and packages the VS Code extension as
// partner-charter-<version>.vsix in the repository root, offline, then checks its content.
//
// vsce always runs the `vscode:prepublish` script first, and ours is the development build
// (with source maps). So vsce runs in a stage, a temporary folder holding only the files the
// .vsix ships (those .vscodeignore lets through), with a package.json without
// `vscode:prepublish`, after this script made the production build itself. Nothing in the
// repository is modified except dist/ and the .vsix.
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { inflateRawSync } from "node:zlib";
import { globbySync } from "globby";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const MAX_BYTES = 2 * 1024 * 1024;
/** What may be inside the .vsix under extension/ (the .vscodeignore allowlist). */
const ALLOWED = [
  /^dist\/[^/]+\.js$/,
  /^schemas\/[^/]+\.json$/,
  /^snippets\/[^/]+\.json$/,
  /^syntaxes\/[^/]+\.json$/,
  /^language-configuration\.json$/,
  /^images\/[^/]+\.png$/,
  /^walkthrough\/[^/]+\.md$/,
  /^docs\/(rules\/)?[^/]+\.md$/,
  /^(readme|changelog|contributing)\.md$/i,
  /^license(\.txt|\.md)?$/i,
  /^package\.json$/,
];
const REQUIRED = [
  "dist/client.js",
  "dist/server.js",
  "package.json",
  "language-configuration.json",
  "snippets/partner-charter.json",
  "syntaxes/partner-charter.tmLanguage.json",
  "schemas/partner-charter.schema.json",
  "schemas/partner-program.schema.json",
  "images/icon.png",
];
/**
 * The files the .vsix ships: the `!` lines of .vscodeignore (which excludes everything else),
 * plus .vscodeignore itself, so that vsce applies the same list in the stage.
 */
function shippedFiles() {
  const patterns = readFileSync(join(root, ".vscodeignore"), "utf8")
    .split("\n")
    .filter((line) => line.startsWith("!"))
    .map((line) => line.slice(1).trim());
  return [".vscodeignore", ...globbySync(patterns, { cwd: root, dot: true, onlyFiles: true })];
}

const log = (message) => process.stdout.write(`[package] ${message}\n`);
function fail(message) {
  process.stderr.write(`[package] error: ${message}\n`);
  process.exit(1);
}

function run(command, args, options = {}) {
  log(`$ ${[command, ...args].map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(" ")}`);
  // stdin closed: vsce must never wait for an answer to a y/N question
  const result = spawnSync(command, args, { stdio: ["ignore", "inherit", "inherit"], ...options });
  // thrown, not exited: the staged copy must still be removed (see the finally below)
  if (result.error) throw new Error(`${command}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} exited with ${result.status ?? result.signal}`);
}

/** Entries of a zip file (its central directory), with sizes; enough to check a .vsix. */
function zipEntries(file) {
  const zip = readFileSync(file);
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) fail(`${file} is not a zip file`);
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) fail(`${file}: bad central directory`);
    const method = zip.readUInt16LE(offset + 10);
    const compressed = zip.readUInt32LE(offset + 20);
    const size = zip.readUInt32LE(offset + 24);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const local = zip.readUInt32LE(offset + 42);
    const name = zip.toString("utf8", offset + 46, offset + 46 + nameLength);
    const read = () => {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + compressed);
      return method === 8 ? inflateRawSync(data) : data;
    };
    entries.push({ name, size, compressed, read });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const vsixName = `${pkg.name}-${pkg.version}.vsix`;
const vsix = join(root, vsixName);
const vsce = join(root, "node_modules", ".bin", "vsce");
if (!existsSync(vsce)) fail(`vsce not found at ${vsce}; run npm ci`);

// 1. production bundles (minified, no source maps)
try {
  run(process.execPath, [join(root, "scripts", "build.mjs"), "--production"], { cwd: root });
} catch (error) {
  fail(error.message);
}
for (const bundle of ["dist/client.js", "dist/server.js"]) {
  if (!existsSync(join(root, bundle))) fail(`${bundle} was not built`);
}

// 2. the stage: the shipped files, and package.json without vscode:prepublish
const stage = mkdtempSync(join(tmpdir(), "partner-charter-vsix-"));
try {
  const shipped = shippedFiles();
  for (const file of shipped) {
    mkdirSync(dirname(join(stage, file)), { recursive: true });
    copyFileSync(join(root, file), join(stage, file));
  }
  log(`staged ${shipped.length} files`);
  const staged = JSON.parse(readFileSync(join(stage, "package.json"), "utf8"));
  delete staged.scripts["vscode:prepublish"];
  // `files` is what `npm pack` ships (the CLI); vsce refuses it next to .vscodeignore
  delete staged.files;
  writeFileSync(join(stage, "package.json"), `${JSON.stringify(staged, null, 2)}\n`);

  // 3. vsce package, offline: the bundles need no node_modules
  rmSync(vsix, { force: true });
  // vsce rewrites README's relative links against the repository only for GitHub/GitLab;
  // for other hosts it needs the base URLs (derived here from package.json's repository).
  const repository = String(pkg.repository?.url ?? pkg.repository ?? "")
    .replace(/^git\+/, "")
    .replace(/\.git$/, "");
  const links = /^https?:\/\//.test(repository)
    ? ["--baseContentUrl", `${repository}/blob/HEAD/`, "--baseImagesUrl", `${repository}/raw/HEAD/`]
    : ["--no-rewrite-relative-links", "--allow-missing-repository"];
  run(vsce, ["package", "--no-dependencies", ...links, "--out", vsix], { cwd: stage });
} catch (error) {
  rmSync(stage, { recursive: true, force: true });
  fail(error.message);
}
rmSync(stage, { recursive: true, force: true });

// 4. check the content
const entries = zipEntries(vsix);
const files = entries.filter((e) => e.name.startsWith("extension/")).map((e) => ({ ...e, rel: e.name.slice(10) }));
const problems = [];
for (const file of files) {
  if (!ALLOWED.some((re) => re.test(file.rel))) problems.push(`unexpected file in the .vsix: ${file.rel}`);
  if (file.rel.endsWith(".map")) problems.push(`source map in the .vsix: ${file.rel}`);
}
// Every rule's page: diagnostics link to it and "Show documentation" opens it, offline.
for (const page of readdirSync(join(root, "docs", "rules")).filter((name) => name.endsWith(".md"))) {
  if (!files.some((f) => f.rel === `docs/rules/${page}`)) problems.push(`missing from the .vsix: docs/rules/${page}`);
}
for (const required of REQUIRED) {
  if (!files.some((f) => f.rel === required)) problems.push(`missing from the .vsix: ${required}`);
}
const manifest = files.find((f) => f.rel === "package.json");
if (manifest && "vscode:prepublish" in (JSON.parse(manifest.read().toString("utf8")).scripts ?? {})) {
  problems.push("the packaged package.json still has vscode:prepublish");
}
for (const bundle of files.filter((f) => f.rel.startsWith("dist/"))) {
  if (/sourceMappingURL=/.test(bundle.read().toString("utf8").slice(-300))) {
    problems.push(`${bundle.rel} refers to a source map (not a production build)`);
  }
}
// The README is the extension's Details page: each relative link must name a file of the .vsix
// (VS Code resolves it against the installed extension), and no link may point at a made-up host.
const shippedNames = new Set(files.map((f) => f.rel));
let relativeLinks = 0;
let externalLinks = 0;
for (const page of files.filter((f) => /\.md$/i.test(f.rel))) {
  const text = page.read().toString("utf8");
  for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
    if (/^[a-z][\w+.-]*:/i.test(target)) {
      externalLinks++;
      if (/\.invalid\b|example\.(com|org|net)\b/i.test(target)) problems.push(`${page.rel}: made-up link ${target}`);
      continue;
    }
    if (target.startsWith("#")) continue;
    relativeLinks++;
    const file = join(dirname(page.rel), target.split("#")[0]).split("\\").join("/");
    if (!shippedNames.has(file)) problems.push(`${page.rel}: the link ${target} names no file of the .vsix`);
  }
}
log(`links of the shipped Markdown: ${relativeLinks} to files of the .vsix (all checked), ${externalLinks} external`);

const bytes = statSync(vsix).size;
if (bytes >= MAX_BYTES) problems.push(`the .vsix is ${bytes} bytes, over the ${MAX_BYTES}-byte budget`);

log(`${vsixName}: ${(bytes / 1024).toFixed(1)} KiB, ${files.length} files`);
for (const file of files) log(`  ${String(file.size).padStart(9)}  ${file.rel}`);
if (problems.length) fail(problems.join("\n  "));
log("content and size checked");
