import { fork, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { isKnownElsewhere, ownerOf } from "./support/areas";
import type { Violation } from "./support/core-probe";
import { caseOf, type CaseAnswer } from "./support/fuzz-worker";

/**
 * `npm run fuzz`: the long fuzz run of the core. 100,000 cases by default (`--runs N`), from a
 * random seed printed first (`--seed S` replays a run; case k has seed S + k, so one case can
 * be replayed alone with `--seed S+k --runs 1`). Each case runs in a child process with a time
 * limit of 2 s (`--timeout MS`): a case over it is run again once on a fresh (warmed-up)
 * process, and reported as a hang when it is over the limit again; one that passes then was
 * slowed by the machine, and is counted apart. At the end: crashes (exceptions that escaped), hangs, unlocated findings and the
 * other broken invariants, grouped by invariant and by whose part of the product they are in,
 * with one input of each group written to a folder for replay. Exit 1 when anything was found.
 */

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`--${name} needs a whole number`);
  return value;
}

const runs = option("runs", 100_000);
const seed = option("seed", Math.floor(Math.random() * 2 ** 31));
const timeoutMs = option("timeout", 2000);
const workers = Math.max(1, Math.min(option("workers", Math.max(1, os.availableParallelism() - 1)), runs));
const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), `partner-charter-fuzz-${seed}-`));

interface Group {
  owner: string;
  area: string;
  invariant: string;
  count: number;
  caseSeed: number;
  detail: string;
  known: boolean;
}

const groups = new Map<string, Group>();
let hangs = 0;
let slowOnce = 0;
let done = 0;
let slowestMs = 0;
let slowestSeed = seed;
const started = Date.now();

function record(caseSeed: number, violation: Violation): void {
  const key = `${violation.area}\u0000${violation.invariant}\u0000${violation.detail.split("\n")[0]!.slice(0, 60)}`;
  const group = groups.get(key);
  if (group) {
    group.count++;
    return;
  }
  groups.set(key, {
    owner: ownerOf(violation),
    area: violation.area,
    invariant: violation.invariant,
    count: 1,
    caseSeed,
    detail: violation.detail,
    known: isKnownElsewhere(violation),
  });
  const { text } = caseOf(caseSeed);
  fs.writeFileSync(path.join(reportDir, `case-${caseSeed}.partner.yaml`), text);
}

function runWorker(first: number): Promise<void> {
  return new Promise((resolve) => {
    let next = first;
    let child: ChildProcess;
    let timer: NodeJS.Timeout | undefined;
    /** The case that went over the limit once, run again on a fresh process. */
    let retrying: number | undefined;
    const send = (): void => {
      if (next >= runs) {
        child.kill();
        resolve();
        return;
      }
      const index = next;
      child.send({ index, seed: seed + index });
      timer = setTimeout(() => {
        child.removeAllListeners();
        child.kill("SIGKILL");
        if (retrying === index) {
          hangs++;
          retrying = undefined;
          record(seed + index, {
            area: "hang",
            invariant: `no case takes over ${timeoutMs} ms`,
            detail: `case seed ${seed + index}, over the limit twice`,
          });
          next += workers;
          done++;
        } else retrying = index;
        start();
      }, timeoutMs);
    };
    const start = (): void => {
      child = fork(path.join(__dirname, "support", "fuzz-worker.ts"), [], {
        execArgv: ["--import", "tsx"],
        stdio: ["ignore", "ignore", "inherit", "ipc"],
      });
      child.on("message", (message: CaseAnswer | { ready: true }) => {
        if ("ready" in message) return send();
        clearTimeout(timer);
        done++;
        if (retrying === message.index) slowOnce++;
        retrying = undefined;
        if (message.ms > slowestMs) {
          slowestMs = message.ms;
          slowestSeed = seed + message.index;
        }
        for (const violation of message.violations) record(seed + message.index, violation);
        if (done % 5000 === 0) {
          process.stdout.write(
            `  ${done.toLocaleString("en")} cases, ${Math.round((Date.now() - started) / 1000)} s\n`,
          );
        }
        next += workers;
        send();
      });
      child.on("exit", (code, signal) => {
        if (signal === "SIGKILL" || next >= runs) return;
        clearTimeout(timer);
        record(seed + next, {
          area: "fuzz worker",
          invariant: "no exception escapes",
          detail: `the process exited (${code ?? signal})`,
        });
        next += workers;
        done++;
        start();
      });
    };
    start();
  });
}

async function main(): Promise<number> {
  process.stdout.write(
    `Fuzzing the core: ${runs.toLocaleString("en")} cases, seed ${seed}, ${workers} worker(s), ${timeoutMs} ms per case.\n`,
  );
  await Promise.all(Array.from({ length: workers }, (_, i) => runWorker(i)));
  const all = [...groups.values()];
  const count = (test: (group: Group) => boolean): number => all.filter(test).reduce((n, group) => n + group.count, 0);
  const crashes = count((group) => group.invariant === "no exception escapes");
  const unlocated = count((group) => group.invariant.includes("located inside the file"));
  const seconds = Math.round((Date.now() - started) / 1000);
  process.stdout.write(
    [
      "",
      `Seed ${seed}: ${done.toLocaleString("en")} cases in ${seconds} s (slowest ${Math.round(slowestMs)} ms, case seed ${slowestSeed}).`,
      `Crashes: ${crashes} · hangs over ${timeoutMs} ms: ${hangs} (${slowOnce} more over it once, under it on a fresh process) · unlocated findings: ${unlocated} · other broken invariants: ${count((group) => group.invariant !== "no exception escapes" && !group.invariant.includes("located inside the file") && group.area !== "hang")}`,
      "",
    ].join("\n"),
  );
  for (const group of all.sort((a, b) => a.owner.localeCompare(b.owner) || b.count - a.count)) {
    process.stdout.write(
      `[${group.owner}${group.known ? ", known" : ""}] ${group.count}× ${group.area}: ${group.invariant}\n` +
        `  replay: npm run fuzz -- --seed ${group.caseSeed} --runs 1   input: ${path.join(reportDir, `case-${group.caseSeed}.partner.yaml`)}\n` +
        `  ${group.detail.split("\n").slice(0, 8).join("\n  ")}\n\n`,
    );
  }
  if (all.length === 0) fs.rmSync(reportDir, { recursive: true, force: true });
  return all.length === 0 ? 0 : 1;
}

main().then((code) => process.exit(code));
