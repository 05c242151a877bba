/** Behaviour tags (SPEC §6), computed from the orders the viewer may see. */
export const CUSTOMER_TAGS = ["VIP", "FREQUENT", "HIGH_AOV", "RETURNS", "NEW"] as const;
export type CustomerTag = (typeof CUSTOMER_TAGS)[number];

export interface OrderForTags {
  paidFen: number;
  refundedFen: number;
  status: string;
  placedAt: Date;
}

/** Rules: VIP ≥ ¥2,000 paid or ≥ 5 orders; FREQUENT ≥ 3 orders in 30 days; HIGH_AOV average ≥ ¥500; RETURNS ≥ 30 % of orders refunded; NEW a single order. */
export const TAG_RULES = { vipPaidFen: 200_000, vipOrders: 5, frequentOrders: 3, frequentDays: 30, highAovFen: 50_000, returnRate: 0.3 };

export function customerTags(orders: OrderForTags[], now = new Date()): CustomerTag[] {
  const paid = orders.filter((o) => o.status !== "PENDING_PAYMENT" && o.status !== "CANCELLED");
  if (paid.length === 0) return [];
  const totalFen = paid.reduce((s, o) => s + o.paidFen, 0);
  const recent = paid.filter((o) => now.getTime() - o.placedAt.getTime() <= TAG_RULES.frequentDays * 86_400_000).length;
  const returned = paid.filter((o) => o.refundedFen > 0 || o.status === "REFUNDED").length;
  const tags: CustomerTag[] = [];
  if (totalFen >= TAG_RULES.vipPaidFen || paid.length >= TAG_RULES.vipOrders) tags.push("VIP");
  if (recent >= TAG_RULES.frequentOrders) tags.push("FREQUENT");
  if (totalFen / paid.length >= TAG_RULES.highAovFen) tags.push("HIGH_AOV");
  if (returned / paid.length >= TAG_RULES.returnRate) tags.push("RETURNS");
  if (paid.length === 1) tags.push("NEW");
  return tags;
}
