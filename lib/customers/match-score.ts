import type { IdentityKind } from "./identity";

/**
 * Seed 004 weights: the chance that a shared value of this kind means the same person. Platform buyer
 * ids never span channels (they are scoped per channel), so they carry no cross-channel weight.
 */
export const MATCH_WEIGHTS: Record<IdentityKind, number> = {
  phone: 0.9,
  idNumber: 0.95,
  nameAddress: 0.7,
  alipay: 0.8,
  device: 0.4,
  platformBuyer: 0,
};

/** Default proposal threshold: a shared phone alone (0.90) proposes; name+address + device (0.82) does not. */
export const DEFAULT_MATCH_THRESHOLD = 0.85;

export function matchThreshold(): number {
  const v = Number(process.env.CUSTOMER_MATCH_THRESHOLD);
  return Number.isFinite(v) && v > 0 && v < 1 ? v : DEFAULT_MATCH_THRESHOLD;
}

/**
 * Combined score of the kinds two customers share, treating each kind as independent evidence:
 * 1 − Π(1 − w). Several shared values of one kind count once (they are one kind of evidence).
 */
export function matchScore(kinds: Iterable<IdentityKind>): number {
  let miss = 1;
  for (const kind of new Set(kinds)) miss *= 1 - MATCH_WEIGHTS[kind];
  return Math.round((1 - miss) * 1000) / 1000;
}

const WEIGHTED = (Object.keys(MATCH_WEIGHTS) as IdentityKind[]).filter((k) => MATCH_WEIGHTS[k] > 0);

/**
 * The kinds a pair must share at least one of to reach `threshold`: the weakest kinds are added to a
 * "weak" set while even all of them together stay below it; the rest are anchors. (Defaults: phone,
 * ID, Alipay — name+address and device together give 0.82.) Matching starts only from anchor values, so
 * a device shared by dozens of records does not make thousands of hopeless pairs.
 */
export function anchorKinds(threshold: number): IdentityKind[] {
  const byWeight = [...WEIGHTED].sort((a, b) => MATCH_WEIGHTS[a] - MATCH_WEIGHTS[b]);
  const weak: IdentityKind[] = [];
  for (const k of byWeight) {
    if (matchScore([...weak, k]) >= threshold) break;
    weak.push(k);
  }
  return byWeight.filter((k) => !weak.includes(k));
}

/** matchScore in per mille for every combination of weighted kinds, keyed by the sorted kinds joined with ",". */
export function scoreTable(): { keys: string[]; scores: number[] } {
  const keys: string[] = [];
  const scores: number[] = [];
  for (let mask = 1; mask < 1 << WEIGHTED.length; mask++) {
    const kinds = WEIGHTED.filter((_, i) => mask & (1 << i)).sort();
    keys.push(kinds.join(","));
    scores.push(Math.round(matchScore(kinds) * 1000));
  }
  return { keys, scores };
}
