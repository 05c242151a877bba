/**
 * Line items and money for one demo order, all integer fen.
 *
 * The identity every order satisfies (checked by the unit tests):
 *   paid = goods + freight − merchantDiscount − platformSubsidy − coupon
 * where merchantDiscount = Σ line discounts (per-SKU promotions) + order-level shop promotions (满减).
 * Order-level discounts (shop 满减, subsidy, coupon) are split over the lines in proportion to each
 * line's value after its own discount, so Σ line.paid + freight = paid, as with Taobao's
 * divide_order_fee.
 */
import type { DemoPlatform } from "./channels";
import { CATEGORY_MIX, HIGH_VALUE_SKUS, SKUS_BY_CATEGORY, TEST_SKU, type Category, type Sku } from "./catalog-products";
import { type Rng, WeightedTable } from "./random";

export interface PricedLine {
  sku: Sku;
  quantity: number;
  unitPriceFen: number;
  /** Per-SKU merchant promotion (限时折扣). */
  discountFen: number;
  /** Shares of the order-level discounts. */
  orderMerchantShare: number;
  subsidyShare: number;
  couponShare: number;
  paidFen: number;
}

export interface Pricing {
  lines: PricedLine[];
  goodsFen: number;
  freightFen: number;
  lineDiscountFen: number;
  orderMerchantFen: number;
  merchantDiscountFen: number;
  platformSubsidyFen: number;
  couponFen: number;
  paidFen: number;
}

const categoryTables = new Map(
  Object.entries(CATEGORY_MIX).map(([platform, mix]) => [platform, new WeightedTable(mix.map(([c, w]) => [c, w] as const))]),
);
const skuTables = new Map(
  (Object.keys(SKUS_BY_CATEGORY) as Category[]).map((c) => [c, new WeightedTable(SKUS_BY_CATEGORY[c].map((s) => [s, s.weight] as const))]),
);
const LINE_COUNT = new WeightedTable([[1, 65], [2, 22], [3, 9], [4, 3], [5, 1]] as const);

/** Splits `total` over `weights` proportionally; the last line takes the rounding remainder. */
function allocate(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const out = weights.map((w) => (sum > 0 ? Math.floor((total * w) / sum) : 0));
  out[out.length - 1] += total - out.reduce((a, b) => a + b, 0);
  return out;
}

const roundJiao = (fen: number) => Math.round(fen / 10) * 10;

export function priceOrder(rng: Rng, platform: DemoPlatform, opts: { test: boolean; highValue: boolean; remote: boolean }): Pricing {
  const picked: Array<{ sku: Sku; quantity: number }> = [];
  if (opts.test) {
    picked.push({ sku: TEST_SKU, quantity: 1 });
  } else {
    if (opts.highValue) picked.push({ sku: rng.pick(HIGH_VALUE_SKUS), quantity: 1 });
    const lineCount = platform === "PDD" && rng.chance(0.9) ? 1 : LINE_COUNT.pick(rng);
    while (picked.length < lineCount) {
      const category = categoryTables.get(platform)!.pick(rng);
      const sku = skuTables.get(category)!.pick(rng);
      const existing = picked.find((p) => p.sku === sku);
      const quantity = rng.chance(category === "food" ? 0.35 : 0.15) ? rng.int(2, 3) : 1;
      if (existing) existing.quantity += 1;
      else picked.push({ sku, quantity });
      if (picked.length === 1 && lineCount > 1 && rng.chance(0.05)) break;
    }
  }

  const unit = picked.map((p) => (opts.test ? rng.pick([1, 1, 1, 10, 100]) : p.sku.priceFen));
  const gross = picked.map((p, i) => unit[i] * p.quantity);
  const goodsFen = gross.reduce((a, b) => a + b, 0);
  const promo = !opts.test && platform !== "POS";

  // Per-SKU 限时折扣 on about a quarter of lines.
  const lineDiscount = gross.map((g) => (promo && rng.chance(0.25) ? roundJiao(g * rng.pick([0.05, 0.1, 0.15, 0.2])) : 0));
  const lineDiscountFen = lineDiscount.reduce((a, b) => a + b, 0);
  let base = goodsFen - lineDiscountFen;

  let orderMerchantFen = 0;
  if (platform === "POS") {
    if (!opts.test && rng.chance(0.4)) orderMerchantFen = roundJiao(base * 0.05); // 会员 95 折
  } else if (platform === "PDD") {
    if (promo && rng.chance(0.35)) orderMerchantFen = Math.min(rng.pick([200, 300, 500, 1000]), roundJiao(base * 0.1));
  } else if (promo && rng.chance(0.3)) {
    // 满减 tiers: 满99减10, 满199减20, 满299减30, 满399减50.
    orderMerchantFen = base >= 39900 ? 5000 : base >= 29900 ? 3000 : base >= 19900 ? 2000 : base >= 9900 ? 1000 : 0;
  }
  base -= orderMerchantFen;

  let couponFen = 0;
  // Buyer coupons only where the native format can tell them apart (own mall; Douyin's 支付立减):
  // Taobao/JD/PDD mappers count every coupon as shop or platform discount.
  if (promo && (platform === "OWN_MALL" || platform === "DOUYIN") && rng.chance(0.3)) {
    const faces = [300, 500, 1000, 2000, 5000].filter((f) => f <= base * 0.15);
    if (faces.length) couponFen = rng.pick(faces);
  }
  base -= couponFen;

  const subsidyChance: Record<DemoPlatform, number> = { TMALL: 0.1, JD: 0.2, PDD: 0.35, DOUYIN: 0.25, OWN_MALL: 0, POS: 0 };
  const platformSubsidyFen = promo && rng.chance(subsidyChance[platform]) ? roundJiao(base * rng.range(0.03, 0.12)) : 0;
  base -= platformSubsidyFen;

  let freightFen = 0;
  if (!opts.test && platform !== "POS") {
    if (platform === "PDD") freightFen = rng.chance(0.05) ? rng.pick([300, 500]) : 0;
    else if (platform === "DOUYIN") freightFen = rng.chance(0.2) ? rng.pick([500, 800, 1000]) : 0;
    else if (base < 9900) freightFen = platform === "JD" ? 600 : rng.pick([600, 800, 1000, 1200]);
    // 偏远地区不包邮.
    if (opts.remote && platform !== "PDD") freightFen += rng.pick([1000, 1500, 2000]);
  }

  const net = gross.map((g, i) => g - lineDiscount[i]);
  const om = allocate(orderMerchantFen, net);
  const sub = allocate(platformSubsidyFen, net);
  const cp = allocate(couponFen, net);
  const lines: PricedLine[] = picked.map((p, i) => ({
    sku: p.sku,
    quantity: p.quantity,
    unitPriceFen: unit[i],
    discountFen: lineDiscount[i],
    orderMerchantShare: om[i],
    subsidyShare: sub[i],
    couponShare: cp[i],
    paidFen: net[i] - om[i] - sub[i] - cp[i],
  }));
  const merchantDiscountFen = lineDiscountFen + orderMerchantFen;
  const paidFen = goodsFen + freightFen - merchantDiscountFen - platformSubsidyFen - couponFen;
  return { lines, goodsFen, freightFen, lineDiscountFen, orderMerchantFen, merchantDiscountFen, platformSubsidyFen, couponFen, paidFen };
}

/** A partial refund: one (non-largest) line's paid share, or a compensation of 10–30 %. */
export function partialRefundAmount(rng: Rng, pricing: Pricing): number {
  const { lines, paidFen } = pricing;
  if (lines.length >= 2 && rng.chance(0.6)) {
    const sorted = [...lines].sort((a, b) => a.paidFen - b.paidFen);
    const amount = sorted[rng.int(0, sorted.length - 2)].paidFen;
    if (amount > 0 && amount < paidFen) return amount;
  }
  const amount = Math.max(100, Math.round((paidFen * rng.range(0.1, 0.3)) / 100) * 100);
  return Math.min(amount, paidFen - 1);
}
