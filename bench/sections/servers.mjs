// Language servers over stdio: didOpen → publishDiagnostics and one-character didChange →
// publishDiagnostics, ours vs the floor server vs Red Hat's yaml-language-server (as shipped
// and with its 200 ms validation delay removed), all running at once and driven in turn
// (rotating order), so that every server sees the same machine noise. Then memory.
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import { LspClient, sleep } from "../lib/lsp-client.mjs";

/** Line 4 of every generated charter is `title: …`: the edits type and delete at its end. */
const EDIT_LINE = 4;

/**
 * The servers, each run by node with bench/lib/memory-probe.cjs preloaded (a SIGUSR2 handler
 * that reports the live heap after a full GC; it changes nothing else).
 */
export function serverSpecs(ctx, { probe = true } = {}) {
  const yls = join(ctx.root, "node_modules/yaml-language-server/bin/yaml-language-server");
  const pre = probe ? ["--expose-gc", "--require", join(ctx.root, "bench/lib/memory-probe.cjs")] : [];
  return [
    { key: "ours", label: "ours (as shipped)", args: [...pre, join(ctx.root, "dist/server.js"), "--stdio"] },
    { key: "ours0", label: "ours, delay removed", args: [...pre, ctx.build.serverNoDebounce, "--stdio"] },
    { key: "floor", label: "floor server", args: [...pre, ctx.build.floorServer, "--stdio"] },
    { key: "yls", label: "yaml-language-server", args: [...pre, yls, "--stdio"] },
    {
      key: "yls0",
      label: "yaml-language-server, delay removed",
      args: [...pre, "--require", join(ctx.root, "bench/peer/yls-no-delay.cjs"), yls, "--stdio"],
    },
  ];
}

export function serverSettings(ctx) {
  const schemaUrl = pathToFileURL(join(ctx.root, "schemas/partner-charter.schema.json")).href;
  return {
    partnerCharter: { today: ctx.today, validate: { enable: true } },
    yaml: {
      validate: true,
      schemas: { [schemaUrl]: "*.partner.yaml" },
      schemaStore: { enable: false }, // no network here; it would only add its catalog fetch
      kubernetesCRDStore: { enable: false },
      format: { enable: false },
      hover: false,
      completion: false,
    },
  };
}

function rotate(list, by) {
  const k = by % list.length;
  return [...list.slice(k), ...list.slice(0, k)];
}

export async function runServers(ctx, plan, log) {
  const settings = serverSettings(ctx);
  const clients = [];
  for (const spec of serverSpecs(ctx)) {
    const client = new LspClient({ name: spec.key, args: spec.args, settings, cwd: ctx.root });
    client.key = spec.key;
    client.label = spec.label;
    await client.start();
    clients.push(client);
  }
  await sleep(1000); // settings pulled and applied
  const virtual = (name) => pathToFileURL(join(ctx.inputs, "virtual", name)).href; // never on disk
  const data = { open: {}, change: {}, memory: {}, flat: {}, peakBySize: {} };
  try {
    for (const size of plan.sizes) {
      const text = ctx.charterText(size.lines);
      const col = text.split("\n")[EDIT_LINE].length;
      // didOpen → diagnostics, on a fresh document each time.
      const opens = Object.fromEntries(clients.map((c) => [c.key, []]));
      for (let i = 0; i < size.opens; i++) {
        for (const client of rotate(clients, i)) {
          const uri = virtual(`open-${size.lines}-${i}.partner.yaml`);
          const { ms, diagnostics } = await client.open(uri, text);
          if (diagnostics.length)
            log(`  note: ${client.key} reports ${diagnostics.length} diagnostics on the ${size.lines}-line charter`);
          opens[client.key].push(ms);
          await client.close(uri);
          await sleep(20);
        }
      }
      data.open[size.lines] = opens;
      // One-character edits on an open document: type "x" at the end of the title, delete it, …
      const uri = virtual(`edit-${size.lines}.partner.yaml`);
      for (const client of clients) await client.open(uri, text);
      await sleep(200);
      const edits = Object.fromEntries(clients.map((c) => [c.key, []]));
      for (let i = 0; i < size.edits; i++) {
        for (const client of rotate(clients, i)) {
          const { ms } = await client.edit(uri, EDIT_LINE, col, i % 2 === 0 ? "x" : "");
          edits[client.key].push(ms);
          await sleep(25);
        }
      }
      data.change[size.lines] = edits;
      for (const client of clients) await client.close(uri);
      data.peakBySize[size.lines] = Object.fromEntries(clients.map((c) => [c.key, c.memory().peakMiB]));
      log(
        `  servers ${size.lines} lines: ` +
          clients
            .map((c) => `${c.key} open ${median(opens[c.key]).toFixed(0)} / edit ${median(edits[c.key]).toFixed(0)} ms`)
            .join(", "),
      );
    }
    // Memory after the whole benchmark, all documents closed: peak and current RSS from /proc,
    // then the live heap after a full GC (memory-probe)…
    await sleep(500);
    for (const client of clients) data.memory[client.key] = { ...client.memory(), afterGc: await client.probeMemory() };
    // …and whether it stays flat: open, edit and close the 10,000-line charter again, several
    // times (a new URI each time), measuring the live heap after GC with everything closed.
    const flatText = ctx.charterText(plan.flat.lines);
    const flatCol = flatText.split("\n")[EDIT_LINE].length;
    const cycling = clients.filter((c) => plan.flat.servers.includes(c.key));
    for (const client of cycling) data.flat[client.key] = [data.memory[client.key].afterGc];
    for (let cycle = 0; cycle < plan.flat.cycles; cycle++) {
      for (const client of cycling) {
        const uri = virtual(`cycle-${cycle}.partner.yaml`);
        await client.open(uri, flatText);
        for (let e = 0; e < 3; e++) await client.edit(uri, EDIT_LINE, flatCol, e % 2 === 0 ? "x" : "");
        await client.close(uri);
      }
      await sleep(300);
      for (const client of cycling) data.flat[client.key].push(await client.probeMemory());
    }
    for (const client of clients) data.memory[client.key].peakAfterMiB = client.memory().peakMiB;
    data.labels = Object.fromEntries(clients.map((c) => [c.key, c.label]));
  } finally {
    for (const client of clients) await client.stop();
  }
  return data;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2 : NaN;
}

/**
 * Peak RSS of fresh servers, the figure the memory budget is judged on: a peak is one sample
 * that moves with when the garbage collector happens to run (one sample per server after the
 * whole benchmark moved between 1.02× and 1.58× the floor's from run to run). So each round
 * starts ours (as shipped), the floor server and yaml-language-server afresh (rotating the
 * order), gives each the same work — open the charters of `sizes` lines, `edits` one-character
 * edits on each (waiting for the diagnostics every time), close them — reads VmHWM and stops
 * them. The row reports the median over the rounds.
 */
export async function runServerPeakMemory(ctx, { rounds, sizes, edits }, log) {
  const settings = serverSettings(ctx);
  const specs = serverSpecs(ctx, { probe: false }).filter((s) => ["ours", "floor", "yls"].includes(s.key));
  const out = Object.fromEntries(specs.map((s) => [s.key, []]));
  for (let round = 0; round < rounds; round++) {
    for (const spec of rotate(specs, round)) {
      const client = new LspClient({ name: spec.key, args: spec.args, settings, cwd: ctx.root });
      try {
        await client.start();
        await sleep(300); // settings pulled and applied
        for (const lines of sizes) {
          const text = ctx.charterText(lines);
          const col = text.split("\n")[EDIT_LINE].length;
          const uri = pathToFileURL(join(ctx.inputs, "virtual", `peak-${round}-${lines}.partner.yaml`)).href;
          await client.open(uri, text);
          for (let e = 0; e < edits; e++) await client.edit(uri, EDIT_LINE, col, e % 2 === 0 ? "x" : "");
          await client.close(uri);
        }
        await sleep(200);
        out[spec.key].push(client.memory().peakMiB);
      } finally {
        await client.stop();
      }
      await sleep(50);
    }
  }
  log(
    "  server peak RSS, fresh servers: " + specs.map((s) => `${s.key} ${median(out[s.key]).toFixed(0)} MiB`).join(", "),
  );
  return out;
}

/** Start-up: spawn → initialize reply, and spawn → first diagnostics of a 100-line charter opened right away. */
export async function runServerStartup(ctx, { rounds, lines }, log) {
  const settings = serverSettings(ctx);
  const specs = serverSpecs(ctx, { probe: false }).filter((s) => ["ours", "floor", "yls"].includes(s.key));
  const text = ctx.charterText(lines);
  const out = Object.fromEntries(
    specs.map((s) => [s.key, { initialize: [], firstDiagnostics: [], openToDiagnostics: [] }]),
  );
  for (let i = 0; i < rounds; i++) {
    for (const spec of rotate(specs, i)) {
      const client = new LspClient({ name: spec.key, args: spec.args, settings, cwd: ctx.root });
      try {
        const { spawnToReplyMs, startedAt } = await client.start();
        const uri = pathToFileURL(join(ctx.inputs, "virtual", `startup-${i}.partner.yaml`)).href;
        const { ms, sentAt } = await client.open(uri, text);
        out[spec.key].initialize.push(spawnToReplyMs);
        out[spec.key].openToDiagnostics.push(ms);
        out[spec.key].firstDiagnostics.push(sentAt + ms - startedAt);
      } finally {
        await client.stop();
      }
      await sleep(50);
    }
  }
  log(
    "  server start-up: " +
      specs
        .map(
          (s) =>
            `${s.key} init ${median(out[s.key].initialize).toFixed(0)} / first diag ${median(out[s.key].firstDiagnostics).toFixed(0)} ms`,
        )
        .join(", "),
  );
  return out;
}

/**
 * Memory given back: our server (as shipped) opens `charters` charters of `lines` lines (each
 * a new document, waiting for its diagnostics) and closes them all, `cycles` times. Its RSS
 * after a full GC (memory-probe) is compared with its baseline: the RSS after a GC once one
 * charter was opened and closed (so that the code loaded on first use is in both figures).
 */
export async function runServerRelease(ctx, { charters, cycles, lines }, log) {
  const spec = serverSpecs(ctx).find((s) => s.key === "ours");
  const client = new LspClient({ name: spec.key, args: spec.args, settings: serverSettings(ctx), cwd: ctx.root });
  const text = ctx.charterText(lines);
  const uri = (name) => pathToFileURL(join(ctx.inputs, "virtual", `${name}.partner.yaml`)).href;
  const out = { charters, cycles, lines };
  try {
    await client.start();
    await sleep(300);
    await client.open(uri("release-warm-up"), text);
    await client.close(uri("release-warm-up"));
    await sleep(300);
    out.baseline = await client.probeMemory();
    out.afterCycles = [];
    for (let cycle = 0; cycle < cycles; cycle++) {
      const opened = [];
      for (let i = 0; i < charters; i++) {
        const name = `release-${cycle}-${i}`;
        await client.open(uri(name), text.replace(/^id: .*$/m, `id: ${name}`));
        opened.push(uri(name));
      }
      for (const closed of opened) await client.close(closed);
      await sleep(300);
      out.afterCycles.push(await client.probeMemory());
    }
  } finally {
    await client.stop();
  }
  const last = out.afterCycles[out.afterCycles.length - 1];
  log(
    `  server memory given back: RSS ${out.baseline.rssMiB.toFixed(0)} MiB at baseline, ${last.rssMiB.toFixed(0)} MiB ` +
      `after ${cycles} × ${charters} charters opened and closed (live heap ${out.baseline.heapUsedMiB.toFixed(1)} → ${last.heapUsedMiB.toFixed(1)} MiB)`,
  );
  return out;
}
