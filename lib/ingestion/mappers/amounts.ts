/**
 * Amount helpers: spreading order-level reductions over lines when a platform gives none per line
 * (JD, PDD, own channels), and the consistency check that turns into warnings, never errors.
 */
import type { CanonicalAmounts, CanonicalItem } from "../canonical-order";

/** Splits `total` (integer, may be negative) over `weights` in proportion; the parts sum to total exactly. */
export function allocate(total: number, weights: number[]): number[] {
  if (weights.length === 0) return [];
  const w = weights.map((x) => Math.max(0, x));
  const sum = w.reduce((a, b) => a + b, 0);
  const base = sum === 0 ? w.map(() => 1) : w;
  const baseSum = sum === 0 ? w.length : sum;
  const sign = total < 0 ? -1 : 1;
  const abs = Math.abs(total);
  const exact = base.map((x) => (abs * x) / baseSum);
  const parts = exact.map(Math.floor);
  let left = abs - parts.reduce((a, b) => a + b, 0);
  // Largest remainder first; ties go to the earlier line so the result is deterministic.
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left-- <= 0) break;
    parts[i] += 1;
  }
  return parts.map((p) => (p === 0 ? 0 : sign * p));
}

export interface LineGross {
  grossFen: number;
  /** Reductions the platform already attributes to this line. */
  knownDiscountFen: number;
}

/**
 * Per line {discountFen, paidFen} such that Σ paidFen = netTotalFen (the goods part of the paid
 * amount). Reductions not attributed to a line are spread in proportion to what is left of each
 * line — an approximation the platforms do not confirm [U]; settlement data has the real split.
 */
export function spreadReductions(lines: LineGross[], netTotalFen: number): { discountFen: number; paidFen: number }[] {
  const left = lines.map((l) => l.grossFen - l.knownDiscountFen);
  const rest = left.reduce((a, b) => a + b, 0) - netTotalFen;
  const shares = allocate(rest, left);
  return lines.map((l, i) => {
    const discountFen = l.knownDiscountFen + shares[i];
    return { discountFen, paidFen: l.grossFen - discountFen };
  });
}

const yuan = (fen: number) => (fen / 100).toFixed(2);

/** Chinese warnings when the platform's own figures do not add up; the order is still stored as sent. */
export function amountWarnings(a: CanonicalAmounts, items: Pick<CanonicalItem, "unitPriceFen" | "quantity">[]): string[] {
  const out: string[] = [];
  const expected = a.goodsFen + a.freightFen + a.adjustmentFen - a.merchantDiscountFen - a.platformSubsidyFen - a.couponFen;
  if (expected !== a.paidFen)
    out.push(`金额不平：商品 ${yuan(a.goodsFen)} + 运费 ${yuan(a.freightFen)} + 调整 ${yuan(a.adjustmentFen)} − 优惠 ${yuan(a.merchantDiscountFen + a.platformSubsidyFen + a.couponFen)} = ${yuan(expected)}，平台实付 ${yuan(a.paidFen)}`);
  const gross = items.reduce((s, i) => s + i.unitPriceFen * i.quantity, 0);
  if (gross !== a.goodsFen) out.push(`商品金额 ${yuan(a.goodsFen)} 与明细单价×数量之和 ${yuan(gross)} 不一致`);
  return out;
}

/** A derived discount below zero means the platform's figures disagree: store 0 and say so. */
export function nonNegative(fen: number, label: string, warnings: string[]): number {
  if (fen >= 0) return fen;
  warnings.push(`${label}推算为负数（${yuan(fen)}），按 0 处理`);
  return 0;
}
