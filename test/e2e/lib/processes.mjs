// Ending processes by PID: code-server and everything it started (extension hosts, the
// language server, file watchers, pty hosts). Linux only: the process tree is read from /proc.
import { readFileSync, readdirSync } from "node:fs";

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** pid → parent pid, for every process we can see. */
function parentMap() {
  const parents = new Map();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // the command name may contain spaces and parentheses: fields start after the last ")"
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parents.set(Number(entry), Number(fields[1]));
    } catch {
      // the process ended while we looked
    }
  }
  return parents;
}

/** Every live descendant of `pid` (children, grandchildren, …), not `pid` itself. */
export function descendantsOf(pid) {
  const children = new Map();
  for (const [child, parent] of parentMap()) {
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(child);
  }
  const found = [];
  const queue = [...(children.get(pid) ?? [])];
  while (queue.length) {
    const next = queue.shift();
    found.push(next);
    queue.push(...(children.get(next) ?? []));
  }
  return found;
}

export function isAlive(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z"; // a zombie is as good as gone
  } catch {
    return false;
  }
}

/**
 * SIGTERM to `pid` and all its descendants (collected before anything is signalled, so that
 * re-parented orphans are not missed), then SIGKILL to whatever is still alive after `graceMs`.
 * Returns the PIDs that were signalled.
 */
export async function killTree(pid, { graceMs = 5000 } = {}) {
  if (!pid) return [];
  const pids = [pid, ...descendantsOf(pid)].filter(isAlive);
  for (const p of pids) {
    try {
      process.kill(p, "SIGTERM");
    } catch {
      // already gone
    }
  }
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && pids.some(isAlive)) await sleep(100);
  for (const p of pids.filter(isAlive)) {
    try {
      process.kill(p, "SIGKILL");
    } catch {
      // already gone
    }
  }
  return pids;
}
