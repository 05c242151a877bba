/**
 * The diff locator (差异定位, seed 001): which combinations of open items add up to an amount, to the
 * fen, smallest combinations first. Exact integer arithmetic; amounts may be negative.
 *
 * Combinations of size k are found by meet-in-the-middle: every subset of the first a items of a
 * combination (a ≤ 2) is indexed by its sum, and every subset of its last k − a items (≤ 3) looks up
 * the remainder. Splitting by position makes each combination appear exactly once. For 300 items the
 * largest step (k = 5: 4.5 M triples against 45 k pair sums) stays well under a second.
 */
export interface LocatorBounds {
  /** Largest combination searched for a given number of items. */
  maxSizeFor: (n: number) => number;
  /** Most items the locator accepts at all. */
  maxItems: number;
  maxResults: number;
}

export const DEFAULT_BOUNDS: LocatorBounds = {
  maxSizeFor: (n) => (n <= 320 ? 5 : n <= 1200 ? 4 : 3),
  maxItems: 2000,
  maxResults: 50,
};

export interface LocatorResult {
  /** Index lists into the items given, smallest combinations first. */
  combinations: number[][];
  /** Every combination up to this size was searched. */
  searchedUpTo: number;
  /** More combinations exist than maxResults. */
  truncated: boolean;
}

export class LocatorLimitError extends Error {
  constructor(readonly items: number, readonly maxItems: number) {
    super(`too many items: ${items} > ${maxItems}`);
  }
}

interface LeftIndex {
  bySum: Map<number, number[][]>;
  /** A one-byte-per-slot prefilter on the sums: most lookups of the million-triple walk end here, far cheaper than a Map lookup. */
  filter: Uint8Array;
  mask: number;
}

/** All a-subsets (a = 1 or 2) by sum; each list ordered by the subset's last index. */
function leftIndex(amounts: number[], a: 1 | 2): LeftIndex {
  const bySum = new Map<number, number[][]>();
  const n = amounts.length;
  // About 16 slots per subset keeps false hits near 6 %; at most 4 MB.
  const mask = 2 ** Math.min(22, Math.max(8, Math.ceil(Math.log2(16 * (a === 1 ? n : (n * (n - 1)) / 2 + 1))))) - 1;
  const filter = new Uint8Array(mask + 1);
  const add = (sum: number, subset: number[]) => {
    filter[sum & mask] = 1;
    const list = bySum.get(sum);
    if (list) list.push(subset);
    else bySum.set(sum, [subset]);
  };
  for (let j = 0; j < amounts.length; j++) {
    if (a === 1) add(amounts[j], [j]);
    else for (let i = 0; i < j; i++) add(amounts[i] + amounts[j], [i, j]);
  }
  return { bySum, filter, mask };
}

/**
 * Walks every b-subset (1 ≤ b ≤ 3) in increasing index order and reports those whose sum has a
 * partner in `left`. Plain loops, no per-subset allocation: the k = 5 walk visits millions of triples.
 * `hit` returns false to stop.
 */
function walkRight(amounts: number[], b: number, target: number, left: LeftIndex, hit: (list: number[][], subset: number[]) => boolean): void {
  const n = amounts.length;
  const { bySum, filter, mask } = left;
  const find = (want: number) => (filter[want & mask] ? bySum.get(want) : undefined);
  for (let i = 0; i < n; i++) {
    if (b === 1) {
      const list = find(target - amounts[i]);
      if (list && !hit(list, [i])) return;
      continue;
    }
    for (let j = i + 1; j < n; j++) {
      const ij = amounts[i] + amounts[j];
      if (b === 2) {
        const list = find(target - ij);
        if (list && !hit(list, [i, j])) return;
        continue;
      }
      const rest = target - ij;
      for (let k = j + 1; k < n; k++) {
        const want = rest - amounts[k];
        if (filter[want & mask] === 0) continue;
        const list = bySum.get(want);
        if (list && !hit(list, [i, j, k])) return;
      }
    }
  }
}

export function locateDiff(amounts: number[], target: number, bounds: LocatorBounds = DEFAULT_BOUNDS): LocatorResult {
  if (amounts.length > bounds.maxItems) throw new LocatorLimitError(amounts.length, bounds.maxItems);
  // A zero item fits into every combination and explains nothing.
  const positions = amounts.flatMap((v, i) => (v === 0 ? [] : [i]));
  const values = positions.map((i) => amounts[i]);
  const maxSize = Math.min(bounds.maxSizeFor(values.length), values.length);
  const found: number[][] = [];
  let truncated = false;
  if (maxSize >= 1) values.forEach((v, i) => v === target && found.length < bounds.maxResults && found.push([positions[i]]));
  truncated = found.length === bounds.maxResults && values.filter((v) => v === target).length > found.length;
  for (let k = 2; k <= maxSize && !truncated; k++) {
    const a: 1 | 2 = k <= 3 ? 1 : 2;
    const left = leftIndex(values, a);
    walkRight(values, k - a, target, left, (list, right) => {
      for (const l of list) {
        if (l[l.length - 1] >= right[0]) break; // lists are ordered by last index
        if (found.length === bounds.maxResults) {
          truncated = true;
          return false;
        }
        found.push([...l, ...right].map((i) => positions[i]));
      }
      return true;
    });
  }
  return { combinations: found, searchedUpTo: maxSize, truncated };
}
