// Turns the raw samples into rows (medians, min–max, p95, ratios, budgets) and one markdown table.
import { pairedRatio, summarize } from "./stats.mjs";

const LINES = (n) => `${n.toLocaleString("en-US")}-line`;
const FLAT_MIB = 2; // "flat": the live heap after GC may not grow by more than this over the cycles
const RELEASE_MIB = 20; // memory given back: RSS after the cycles, after GC, at most this above the baseline

function single(value) {
  return { n: 1, median: value, p95: value, min: value, max: value };
}

function row(fields) {
  const r = { ...fields };
  if (r.ours && r.floor) r.ratioFloor = r.ours.median / r.floor.median;
  if (r.ours && r.yls) r.ratioYls = r.ours.median / r.yls.median;
  return r;
}

function budgetRatio(r, limit, against = "floor") {
  const ratio = against === "floor" ? r.ratioFloor : r.ratioYls;
  r.budget = `≤ ${limit} × ${against}`;
  r.ok = ratio <= limit;
  return r;
}

function budgetAbsolute(r, limit, unit) {
  r.budget = `≤ ${limit} ${unit}`;
  r.ok = r.ours.median <= limit;
  return r;
}

export function buildRows(raw, { debounceMs, workers }) {
  const rows = [];

  if (raw.core) {
    for (const c of raw.core) {
      const r = row({
        section: "Core, in process",
        measure: `checkCharter, ${LINES(c.lines)} charter`,
        unit: "ms",
        p95: true,
        ours: summarize(c.ours),
        floor: summarize(c.floor),
        pairedRatioFloor: pairedRatio(c.ours, c.floor),
        detail: { findings: c.findings, bytes: c.bytes, parseMs: summarize(c.parse), schemaMs: summarize(c.schema) },
      });
      if (c.lines === 1000 || c.lines === 10000) budgetRatio(r, 1.3);
      rows.push(r);
    }
  }

  const s = raw.servers;
  if (s) {
    const section = "Language server, stdio";
    for (const lines of Object.keys(s.open).map(Number)) {
      const o = s.open[lines];
      rows.push(
        row({
          section,
          measure: `didOpen → diagnostics, ${LINES(lines)} (as a user sees it)`,
          unit: "ms",
          p95: true,
          ours: summarize(o.ours),
          floor: summarize(o.floor),
          yls: summarize(o.yls),
          yls0: summarize(o.yls0),
        }),
      );
    }
    for (const lines of Object.keys(s.change).map(Number)) {
      const e = s.change[lines];
      const seen = row({
        section,
        measure: `didChange → diagnostics, ${LINES(lines)} (as a user sees it: the adaptive delay included)`,
        unit: "ms",
        p95: true,
        ours: summarize(e.ours),
        floor: summarize(e.floor),
        yls: summarize(e.yls),
        yls0: summarize(e.yls0),
        pairedRatioFloor: pairedRatio(e.ours, e.floor),
      });
      if (lines === 100 || lines === 1000) budgetRatio(seen, 2);
      if (lines === 10000) budgetRatio(seen, 1.3);
      rows.push(seen);
      const compute = row({
        section,
        measure: `didChange → diagnostics, ${LINES(lines)}: compute (our delay removed)`,
        unit: "ms",
        p95: true,
        ours: summarize(e.ours0),
        floor: summarize(e.floor),
        yls0: summarize(e.yls0),
        pairedRatioFloor: pairedRatio(e.ours0, e.floor),
      });
      if (lines === 1000 || lines === 10000) budgetRatio(compute, 1.3);
      rows.push(compute);
    }
    const small = s.change[Math.min(...Object.keys(s.change).map(Number))];
    if (small) {
      rows.push({
        section,
        measure: `our delay, measured = shipped − delay removed, ${LINES(Math.min(...Object.keys(s.change).map(Number)))} (validationDelay in server/src/open-scheduler.ts: none unless edits come faster than checks, then at most DEBOUNCE_MS = ${debounceMs})`,
        unit: "ms",
        ours: single(summarize(small.ours).median - summarize(small.ours0).median),
        yls: single(summarize(small.yls).median - summarize(small.yls0).median),
        note: "yaml-language-server: validationDelayMs = 200",
      });
    }
    const m = s.memory;
    if (s.peak) {
      const { sizes = [], edits = 0 } = s.peakPlan ?? {};
      const work = `open the ${sizes.map((n) => n.toLocaleString("en-US")).join(" / ")}-line charters, ${edits} edits each, close`;
      const peak = row({
        section,
        measure: `server peak RSS (VmHWM), fresh servers (${work}; median of ${s.peak.ours.length} rounds)`,
        unit: "MiB",
        ours: summarize(s.peak.ours),
        floor: summarize(s.peak.floor),
        yls: summarize(s.peak.yls),
      });
      budgetRatio(peak, 1.2);
      rows.push(peak);
    }
    rows.push(
      row({
        section,
        measure: "server peak RSS (VmHWM) after the whole benchmark (one sample each; not the budget's figure)",
        unit: "MiB",
        ours: single(m.ours.peakAfterMiB),
        floor: single(m.floor.peakAfterMiB),
        yls: single(m.yls.peakAfterMiB),
        detail: { peakBySize: s.peakBySize },
      }),
    );
    rows.push(
      row({
        section,
        measure: "server with every document closed: RSS / live heap after a full GC",
        unit: "MiB",
        ours: single(m.ours.afterGc.rssMiB),
        floor: single(m.floor.afterGc.rssMiB),
        yls: single(m.yls.afterGc.rssMiB),
        note: `live heap: ours ${num(m.ours.afterGc.heapUsedMiB, "MiB")}, floor ${num(m.floor.afterGc.heapUsedMiB, "MiB")}, yaml-language-server ${num(m.yls.afterGc.heapUsedMiB, "MiB")} MiB`,
      }),
    );
    const growth = (key) => {
      const series = s.flat[key];
      return series[series.length - 1].heapUsedMiB - series[0].heapUsedMiB;
    };
    const cycles = s.flat.ours.length - 1;
    const flat = row({
      section,
      measure: `server live heap growth after ${cycles} more open/edit/close cycles of the 10,000-line charter (all closed, after GC)`,
      unit: "MiB",
      ours: single(growth("ours")),
      floor: single(growth("floor")),
      yls: single(growth("yls")),
      detail: s.flat,
    });
    flat.budget = `flat (≤ ${FLAT_MIB} MiB)`;
    flat.ok = growth("ours") <= FLAT_MIB;
    delete flat.ratioFloor;
    delete flat.ratioYls;
    rows.push(flat);
    if (s.release) {
      const { baseline, afterCycles, charters, cycles, lines } = s.release;
      const last = afterCycles[afterCycles.length - 1];
      const release = row({
        section,
        measure: `server RSS after opening and closing ${charters} ${LINES(lines)} charters ${cycles} times, after a GC, above its baseline`,
        unit: "MiB",
        ours: single(last.rssMiB - baseline.rssMiB),
        note: `RSS ${num(baseline.rssMiB, "MiB")} → ${num(last.rssMiB, "MiB")} MiB; live heap ${num(baseline.heapUsedMiB, "MiB")} → ${num(last.heapUsedMiB, "MiB")} MiB`,
        detail: s.release,
      });
      release.budget = `≤ ${RELEASE_MIB} MiB`;
      release.ok = last.rssMiB - baseline.rssMiB <= RELEASE_MIB;
      rows.push(release);
    }
  }

  const c = raw.cli;
  if (c) {
    const section = "CLI, fresh process";
    /** The wall, CPU and peak-RSS rows of one measurement, ours (`oursKey`) against the floor (`floorKey`). */
    const wallCpuRss = (measure, runs, oursKey, floorKey) => {
      const pick = (key, field) => (runs[key] ? summarize(runs[key].map((r) => r[field])) : undefined);
      const of = (name, unit, field) =>
        row({
          section,
          measure: `${measure}: ${name}`,
          unit,
          ours: pick(oursKey, field),
          floor: pick(floorKey, field),
        });
      return [
        of("wall", "ms", "wallMs"),
        of("CPU (user + system)", "ms", "cpuMs"),
        of("peak RSS", "MiB", "peakRssMiB"),
      ];
    };
    const three = (measure, runs, budgets = {}) => {
      const [wall, cpu, rss] = wallCpuRss(measure, runs, "ours", "floor");
      wall.pairedRatioFloor = pairedRatio(
        runs.ours.map((r) => r.wallMs),
        runs.floor.map((r) => r.wallMs),
      );
      if (budgets.wall) budgetRatio(wall, budgets.wall);
      if (budgets.rss) budgetAbsolute(rss, budgets.rss, "MiB");
      rows.push(wall, cpu, rss);
      if (runs.floorWorkers && !runs.oursWorkers) {
        rows.push(
          row({
            section,
            measure: `${measure}: wall, floor CLI with ${workers} worker threads (what parallelism buys; not a budget)`,
            unit: "ms",
            ours: summarize(runs.ours.map((r) => r.wallMs)),
            floor: summarize(runs.floorWorkers.map((r) => r.wallMs)),
          }),
        );
      }
    };
    for (const [lines, runs] of Object.entries(c.files)) {
      three(`check one ${LINES(Number(lines))} file`, runs, Number(lines) === 100 ? { wall: 0.6 } : {});
    }
    for (const [files, runs] of Object.entries(c.corpora)) {
      const corpus = `check a ${Number(files).toLocaleString("en-US")}-file corpus`;
      three(`${corpus}, the main thread alone (ours --jobs 1, the floor without workers)`, runs, {
        wall: 1.2,
        rss: Number(files) === 1000 ? 150 : undefined,
      });
      if (runs.oursWorkers) {
        const measure = `${corpus}, all cores (ours --jobs ${workers}, the floor with ${workers} worker threads)`;
        const [wall, cpu, rss] = wallCpuRss(measure, runs, "oursWorkers", "floorWorkers");
        budgetRatio(wall, 1.2);
        if (Number(files) === 10000) budgetRatio(rss, 1.3);
        rows.push(wall, cpu, rss);
      }
    }
    if (c.cache && c.corpora[c.cache.files]) {
      const cached = row({
        section,
        measure: `check --cache, ${Number(c.cache.files).toLocaleString("en-US")}-file corpus with ${c.cache.changed} files changed since the cached run (all cores) vs the floor on the main thread: wall`,
        unit: "ms",
        ours: summarize(c.cache.ours.map((r) => r.wallMs)),
        floor: summarize(c.corpora[c.cache.files].floor.map((r) => r.wallMs)),
      });
      budgetRatio(cached, 0.25);
      rows.push(cached);
    }
  }

  const p = raw.portfolio;
  if (p) {
    const section = "Portfolio (floor column: check on the same corpus)";
    const files = Number(p.cli.files).toLocaleString("en-US");
    for (const [field, unit, what] of [
      ["wallMs", "ms", "wall"],
      ["peakRssMiB", "MiB", "peak RSS"],
    ]) {
      const r = row({
        section,
        measure: `portfolio --format json, ${files}-file corpus: ${what}`,
        unit,
        ours: summarize(p.cli.portfolio.map((x) => x[field])),
        floor: summarize(p.cli.check.map((x) => x[field])),
      });
      if (field === "wallMs") {
        r.pairedRatioFloor = pairedRatio(
          p.cli.portfolio.map((x) => x.wallMs),
          p.cli.check.map((x) => x.wallMs),
        );
        budgetRatio(r, 1.2);
      }
      rows.push(r);
    }
    if (p.server) {
      const s = p.server;
      const n = s.charters.toLocaleString("en-US");
      rows.push(
        row({
          section,
          measure: `server: first portfolio of ${n} charters (start → answer)`,
          unit: "ms",
          ours: single(s.firstPortfolioMs),
        }),
        row({
          section,
          measure: `server: partnerCharter/portfolio of ${n} kept entries`,
          unit: "ms",
          ours: summarize(s.request),
        }),
        row({
          section,
          measure: `server: one open charter's dates edited → portfolioChanged (debounce included)`,
          unit: "ms",
          ours: summarize(s.changed),
        }),
        row({
          section,
          measure: `server: partnerCharter/portfolio after that change (one entry recomputed of ${n})`,
          unit: "ms",
          ours: summarize(s.afterChange),
        }),
      );
    }
  }

  if (raw.cliStartup || raw.serverStartup) {
    const section = "Start-up";
    if (raw.cliStartup) {
      const r = raw.cliStartup;
      rows.push(
        row({
          section,
          measure: `CLI --version (bare \`node -e 0\`: ${summarize(r.bareNode.map((x) => x.wallMs)).median.toFixed(0)} ms)`,
          unit: "ms",
          ours: summarize(r.ours.map((x) => x.wallMs)),
          floor: summarize(r.floor.map((x) => x.wallMs)),
        }),
      );
    }
    if (raw.serverStartup) {
      const r = raw.serverStartup;
      rows.push(
        row({
          section,
          measure: "server spawn → initialize reply",
          unit: "ms",
          ours: summarize(r.ours.initialize),
          floor: summarize(r.floor.initialize),
          yls: summarize(r.yls.initialize),
        }),
        row({
          section,
          measure: "server spawn → first diagnostics of a 100-line charter opened at once (debounce included)",
          unit: "ms",
          ours: summarize(r.ours.firstDiagnostics),
          floor: summarize(r.floor.firstDiagnostics),
          yls: summarize(r.yls.firstDiagnostics),
        }),
      );
    }
  }
  return rows;
}

function num(x, unit) {
  if (!Number.isFinite(x)) return "–";
  const a = Math.abs(x);
  const digits = unit === "MiB" ? (a < 10 ? 1 : 0) : a < 10 ? 2 : a < 100 ? 1 : 0;
  return x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function cell(summary, unit, p95) {
  if (!summary) return "";
  if (summary.n <= 1) return `${num(summary.median, unit)} ${unit}`;
  const p = p95 ? `, p95 ${num(summary.p95, unit)}` : "";
  return `**${num(summary.median, unit)}** (${num(summary.min, unit)}–${num(summary.max, unit)}${p})`;
}

const ratio = (x) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : "");

export function renderTable(rows) {
  const lines = [
    "Medians in **bold**, (min–max, p95 where asked), ms unless MiB. Ratios are ours ÷ the column's median, measured in the same run, interleaved.",
    "",
    "| Measure | Ours | Floor | Ours ÷ floor | yaml-language-server (as shipped) | yaml-language-server (delay removed) | Ours ÷ YLS | Budget | |",
    "|---|---|---|---|---|---|---|---|---|",
  ];
  let section = "";
  for (const r of rows) {
    if (r.section !== section) {
      section = r.section;
      lines.push(`| **${section}** | | | | | | | | |`);
    }
    const status = r.ok === undefined ? "" : r.ok ? "✅" : "❌";
    lines.push(
      `| ${r.measure}${r.note ? ` (${r.note})` : ""} | ${cell(r.ours, r.unit, r.p95)} | ${cell(r.floor, r.unit, r.p95)} | ${ratio(r.ratioFloor)} | ${cell(r.yls, r.unit, r.p95)} | ${cell(r.yls0, r.unit, r.p95)} | ${ratio(r.ratioYls)} | ${r.budget ?? ""} | ${status} |`,
    );
  }
  const budgets = rows.filter((r) => r.ok !== undefined);
  if (budgets.length) {
    lines.push("", `Budgets: ${budgets.filter((r) => r.ok).length} of ${budgets.length} hold.`, "");
    for (const r of budgets) {
      const value = r.budget.includes("×") ? ratio(r.ratioFloor) : `${num(r.ours.median, r.unit)} ${r.unit}`;
      lines.push(`- ${r.ok ? "✅" : "❌"} ${r.measure}: ${value} (budget ${r.budget})`);
    }
  }
  return lines.join("\n");
}
