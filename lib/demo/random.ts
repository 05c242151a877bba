/**
 * Seeded pseudo-random numbers for the demo data. sfc32 (128-bit state) rather than a 32-bit-state
 * generator so a million orders don't walk into repeated streams. Each order gets its own stream
 * from hash(seed, index), which makes order N the same whatever batch or start it is generated in.
 */

/** 32-bit integer hash (murmur3-style mixing); mixes a few integers into one well-spread word. */
export function hash32(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) h = mixIn(h, part);
  return finalize(h);
}

/** hash32 of exactly three integers, without the rest-parameter array (hot in the generator). */
export function hash3(a: number, b: number, c: number): number {
  return finalize(mixIn(mixIn(mixIn(0x9e3779b9, a), b), c));
}

function mixIn(h: number, part: number): number {
  let k = Math.imul(part | 0, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  h ^= Math.imul(k, 0x1b873593);
  h = (h << 13) | (h >>> 19);
  h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  // Indexes above 2^32 still hash distinctly.
  if (part > 0xffffffff) h ^= Math.floor(part / 0x100000000);
  return h;
}

function finalize(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream = 0, salt = 0) {
    const base = hash3(seed, stream, salt);
    this.a = hash3(base, 1, 0);
    this.b = hash3(base, 2, 0);
    this.c = hash3(base, 3, 0);
    this.d = 1;
    // sfc32 needs a few rounds before its output is independent of similar seeds.
    for (let i = 0; i < 12; i++) this.next32();
  }

  /** Next unsigned 32-bit integer. */
  next32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next32() / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  /** Float in [min, max). */
  range(min: number, max: number): number {
    return min + this.float() * (max - min);
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)];
  }

  /** Picks by weight; weights need not sum to 1. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.float() * total;
    for (let i = 0; i < items.length; i++) {
      r -= weights[i];
      if (r < 0) return items[i];
    }
    return items[items.length - 1];
  }

  /** `n` random decimal digits as a string (leading zeros allowed). */
  digits(n: number): string {
    let out = "";
    while (out.length < n) out += String(this.next32() % 1_000_000).padStart(6, "0");
    return out.slice(0, n);
  }

  /** A skewed duration: mostly near `min`, a long tail towards `max` (squares the uniform). */
  skewed(min: number, max: number): number {
    const u = this.float();
    return min + u * u * (max - min);
  }
}

/** A table of [value, weight] pairs with a precomputed cumulative sum, for hot loops. */
export class WeightedTable<T> {
  private readonly values: T[];
  private readonly cumulative: Float64Array;

  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    this.values = entries.map((e) => e[0]);
    this.cumulative = new Float64Array(entries.length);
    let sum = 0;
    entries.forEach((e, i) => {
      sum += e[1];
      this.cumulative[i] = sum;
    });
  }

  pick(rng: Rng): T {
    const r = rng.float() * this.cumulative[this.cumulative.length - 1];
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid] > r) hi = mid;
      else lo = mid + 1;
    }
    return this.values[lo];
  }
}

/**
 * A keyed bijection on [0, 10^(2·half)): a balanced decimal Feistel network. Numbers built from it
 * (order numbers, tracking numbers, transaction ids) look random yet can never collide, because two
 * distinct order indexes always map to two distinct values.
 */
export function permuteDecimal(value: number, half: number, key: number): number {
  const m = 10 ** half;
  let left = Math.floor(value / m) % m;
  let right = value % m;
  for (let round = 0; round < 4; round++) {
    const next = (left + (hash3(key, round, right) % m)) % m;
    left = right;
    right = next;
  }
  return left * m + right;
}

/** permuteDecimal padded to its full width. */
export function permutedDigits(value: number, half: number, key: number): string {
  return String(permuteDecimal(value, half, key)).padStart(2 * half, "0");
}
