import { finite, list, normalizeText, record, text } from "../facts";
import type { CommitmentChange, CommitmentState } from "./diff-types";

/**
 * Commitments added, removed or changed on one side: each commitment of BASE is paired with
 * the one it became in HEAD (same content, then same type and detail, then same type when
 * the counts leave no doubt); what is left over was removed or added.
 */

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function commitmentState(item: unknown): CommitmentState {
  const entry = record(item);
  const amount = record(entry.amount);
  const state: CommitmentState = { type: text(entry.type) ?? "commitment" };
  const detail = text(entry.detail);
  if (detail !== undefined) state.detail = detail;
  const value = finite(amount.value);
  if (value !== undefined) state.amount = { value, unit: typeof amount.unit === "string" ? amount.unit.trim() : "" };
  return state;
}

type Pair = [CommitmentState, CommitmentState];

/** Moves the pairs that `matches` finds out of `before` and `after` into `pairs`. */
function take(
  before: CommitmentState[],
  after: CommitmentState[],
  pairs: Pair[],
  matches: (a: CommitmentState, b: CommitmentState) => boolean,
): void {
  for (let i = 0; i < before.length; i++) {
    const j = after.findIndex((candidate) => matches(before[i]!, candidate));
    if (j < 0) continue;
    pairs.push([before[i]!, after[j]!]);
    before.splice(i--, 1);
    after.splice(j, 1);
  }
}

/** Same type, edited detail: pairs them when both versions have as many of that type. */
function pairByType(before: CommitmentState[], after: CommitmentState[], pairs: Pair[]): void {
  for (const type of new Set(before.map((state) => state.type))) {
    const left = before.filter((state) => state.type === type);
    const right = after.filter((state) => state.type === type);
    if (left.length !== right.length) continue;
    left.forEach((state, i) => pairs.push([state, right[i]!]));
    for (const state of left) before.splice(before.indexOf(state), 1);
    for (const state of right) after.splice(after.indexOf(state), 1);
  }
}

export function diffCommitmentSide(side: "us" | "partner", base: unknown, head: unknown): CommitmentChange[] {
  const before = list(base).map(commitmentState);
  const after = list(head).map(commitmentState);
  const pairs: Pair[] = [];
  const detailKey = (state: CommitmentState): string => `${state.type}\u0000${normalizeText(state.detail ?? "")}`;
  take(before, after, pairs, same);
  take(before, after, pairs, (a, b) => detailKey(a) === detailKey(b));
  pairByType(before, after, pairs);
  const changes: CommitmentChange[] = [];
  for (const [from, to] of pairs) {
    if (same(from, to)) continue;
    const change: CommitmentChange = { side, change: "changed", from, to };
    if (from.amount && to.amount && from.amount.unit === to.amount.unit) {
      change.amountDelta = to.amount.value - from.amount.value;
    }
    changes.push(change);
  }
  for (const from of before) changes.push({ side, change: "removed", from });
  for (const to of after) changes.push({ side, change: "added", to });
  return changes;
}
