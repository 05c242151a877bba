import { describe, expect, it } from "vitest";
import { DEFAULT_BOUNDS, locateDiff, LocatorLimitError } from "../../../lib/reconciliation/locate-diff";

const sums = (amounts: number[], combos: number[][]) => combos.map((c) => c.reduce((a, i) => a + amounts[i], 0));

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function bruteForce(amounts: number[], target: number, maxSize: number): string[] {
  const out: string[] = [];
  for (let mask = 1; mask < 1 << amounts.length; mask++) {
    const idx = amounts.flatMap((v, i) => ((mask >> i) & 1 && v !== 0 ? [i] : []));
    if (idx.length === 0 || idx.length > maxSize || idx.length !== amounts.flatMap((_, i) => ((mask >> i) & 1 ? [i] : [])).length) continue;
    if (idx.reduce((a, i) => a + amounts[i], 0) === target) out.push(idx.join(","));
  }
  return out.sort();
}

describe("diff locator", () => {
  it("finds 428.36 as three items among others, smallest combinations first", () => {
    const amounts = [12_000, 42_836, 15_800, 9_036, 18_000, 5_000, -3_000, 2_000];
    const r = locateDiff(amounts, 42_836);
    expect(r.combinations[0]).toEqual([1]);
    expect(sums(amounts, r.combinations).every((s) => s === 42_836)).toBe(true);
    expect(r.combinations.map((c) => c.length)).toEqual([...r.combinations.map((c) => c.length)].sort((a, b) => a - b));
    expect(r.combinations.some((c) => c.join(",") === "2,3,4")).toBe(true); // 158.00 + 90.36 + 180.00
  });

  it("handles negative amounts and a negative target", () => {
    const amounts = [-2_000, 500, -777, 1_234];
    expect(locateDiff(amounts, -1_500).combinations).toEqual([[0, 1]]);
    expect(locateDiff(amounts, -1_043).combinations).toEqual([[0, 1, 2, 3]]);
  });

  it("returns nothing (not a near miss) when no combination sums exactly", () => {
    const r = locateDiff([100, 200, 300], 601);
    expect(r.combinations).toEqual([]);
    expect(r.searchedUpTo).toBe(3);
  });

  it("caps many solutions and says so", () => {
    const r = locateDiff(Array.from({ length: 40 }, () => 100), 200);
    expect(r.combinations).toHaveLength(DEFAULT_BOUNDS.maxResults);
    expect(r.truncated).toBe(true);
    expect(r.combinations.every((c) => c.length === 2)).toBe(true);
  });

  it("refuses past its bounds with a clear error", () => {
    expect(() => locateDiff(Array.from({ length: DEFAULT_BOUNDS.maxItems + 1 }, (_, i) => i + 1), 5)).toThrow(LocatorLimitError);
  });

  it("agrees with brute force on small random sets (property)", () => {
    const next = rng(2026);
    for (let round = 0; round < 300; round++) {
      const n = 1 + Math.floor(next() * 11);
      const amounts = Array.from({ length: n }, () => Math.floor(next() * 81) - 40);
      const pick = amounts.filter(() => next() < 0.4);
      const target = next() < 0.8 && pick.length ? pick.reduce((a, b) => a + b, 0) : Math.floor(next() * 121) - 60;
      const bounds = { ...DEFAULT_BOUNDS, maxResults: 100_000 };
      const got = locateDiff(amounts, target, bounds).combinations.map((c) => [...c].sort((a, b) => a - b).join(",")).sort();
      expect(got, JSON.stringify({ amounts, target })).toEqual(bruteForce(amounts, target, bounds.maxSizeFor(n)));
    }
  });

  it("stays under a second for 300 open items with the answer five items deep", () => {
    const next = rng(7);
    const amounts = Array.from({ length: 300 }, () => Math.floor(next() * 2_000_000) - 500_000);
    const target = 1_234_567_891; // beyond any five items: the whole search space is walked
    // CPU time, not wall time: the test machine is shared, and a busy neighbour must not fail (or pass) it.
    const before = process.cpuUsage();
    const r = locateDiff(amounts, target);
    const cpu = process.cpuUsage(before);
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(1000);
    expect(r.searchedUpTo).toBe(5);
  });
});
