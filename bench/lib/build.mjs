// Builds what the benchmark runs besides dist/: the floor CLI and floor server bundled like
// dist/cli.js (one CommonJS file each, esbuild, node20, no keepNames), the core as a bundle for the
// in-process measurements, and a copy of our server with its debounce set to 0 (to measure
// its compute over LSP without the debounce). Output: bench/results/build/.
import * as esbuild from "esbuild";
import { readFileSync } from "node:fs";
import { join } from "node:path";

export const DEBOUNCE_PATTERN = /export const DEBOUNCE_MS = (\d+);/;

/** The debounce our server documents (server/src/open-scheduler.ts, DEBOUNCE_MS), in ms. */
export function ourDebounceMs(root) {
  const source = readFileSync(join(root, "server/src/open-scheduler.ts"), "utf8");
  const match = DEBOUNCE_PATTERN.exec(source);
  if (!match) throw new Error("DEBOUNCE_MS not found in server/src/open-scheduler.ts");
  return Number(match[1]);
}

export async function buildBench(root) {
  const out = join(root, "bench/results/build");
  const version = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version;
  const common = {
    absWorkingDir: root,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    sourcemap: false,
    legalComments: "none",
    logLevel: "error",
    keepNames: false, // as dist/ (scripts/build.mjs): what we ship
    define: { PARTNER_CHARTER_VERSION: JSON.stringify(version) },
  };
  // The floor is the least a checker can do: bundled (one file to load, like dist/cli.js).
  const floor = common;
  const noDebounce = {
    name: "no-debounce",
    setup(build) {
      build.onLoad({ filter: /server[\\/]src[\\/]open-scheduler\.ts$/ }, (args) => {
        const source = readFileSync(args.path, "utf8");
        if (!DEBOUNCE_PATTERN.test(source)) throw new Error("DEBOUNCE_MS not found");
        return { contents: source.replace(DEBOUNCE_PATTERN, "export const DEBOUNCE_MS = 0;"), loader: "ts" };
      });
    },
  };
  await Promise.all([
    esbuild.build({ ...floor, entryPoints: ["bench/floor/floor-cli.mjs"], outfile: join(out, "floor-cli.cjs") }),
    esbuild.build({ ...floor, entryPoints: ["bench/floor/floor-server.mjs"], outfile: join(out, "floor-server.cjs") }),
    esbuild.build({ ...common, entryPoints: ["core/src/index.ts"], outfile: join(out, "core.cjs") }),
    esbuild.build({
      ...common,
      entryPoints: ["server/src/server.ts"],
      outfile: join(out, "server-no-debounce.cjs"),
      plugins: [noDebounce],
    }),
  ]);
  return {
    floorCli: join(out, "floor-cli.cjs"),
    floorServer: join(out, "floor-server.cjs"),
    core: join(out, "core.cjs"),
    serverNoDebounce: join(out, "server-no-debounce.cjs"),
  };
}
