/**
 * Warehouse routing and stock reservation (SPEC §1): a paid order is given the first warehouse, by
 * rule priority, whose rule matches (REGION: the order's sales region; SKU_PREFIX: every line's SKU
 * starts with the value, i.e. a category; FALLBACK) and which has stock for every line. Stock is
 * reserved with conditional updates (reserved + q ≤ on_hand), so concurrent orders can never
 * oversell; a CHECK constraint backs this up. No warehouse with stock → UNROUTED with the reason.
 */
import type { Prisma } from "../db/client";

type Tx = Prisma.TransactionClient;

export interface RouteResult {
  status: "ROUTED" | "UNROUTED";
  warehouseId: string | null;
  reason: string | null;
}

interface Line {
  skuCode: string;
  quantity: number;
}

export interface RuleRow {
  kind: string;
  matchValue: string | null;
  warehouseId: string;
}

/** The candidate warehouses for an order, in rule order, without repeats. */
export function candidateWarehouses(rules: RuleRow[], region: string | null, lines: Line[]): string[] {
  const out: string[] = [];
  for (const r of rules) {
    const hit =
      r.kind === "FALLBACK" ||
      (r.kind === "REGION" && region !== null && r.matchValue === region) ||
      (r.kind === "SKU_PREFIX" && !!r.matchValue && lines.every((l) => l.skuCode.startsWith(r.matchValue!)));
    if (hit && !out.includes(r.warehouseId)) out.push(r.warehouseId);
  }
  return out;
}

/** Lines merged by SKU and sorted, so concurrent reservations lock rows in the same order (no deadlocks). */
export function mergeLines(lines: Line[]): Line[] {
  const bySku = new Map<string, number>();
  for (const l of lines) bySku.set(l.skuCode, (bySku.get(l.skuCode) ?? 0) + l.quantity);
  return [...bySku].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([skuCode, quantity]) => ({ skuCode, quantity }));
}

/** Reserves every line at one warehouse, or nothing (undoing partial reservations); returns the first short SKU. */
async function reserveAll(tx: Tx, warehouseId: string, lines: Line[]): Promise<string | null> {
  const done: Line[] = [];
  for (const l of lines) {
    const n = await tx.$executeRaw`UPDATE stock_levels SET reserved = reserved + ${l.quantity}, updated_at = now()
      WHERE warehouse_id = ${warehouseId} AND sku_code = ${l.skuCode} AND on_hand - reserved >= ${l.quantity}`;
    if (n === 0) {
      for (const d of done) await tx.$executeRaw`UPDATE stock_levels SET reserved = reserved - ${d.quantity}, updated_at = now() WHERE warehouse_id = ${warehouseId} AND sku_code = ${d.skuCode}`;
      return l.skuCode;
    }
    done.push(l);
  }
  return null;
}

export type RoutingRules = RuleRow[];

export async function loadRoutingRules(tx: Tx): Promise<RoutingRules> {
  return tx.routingRule.findMany({ where: { active: true, warehouse: { active: true } }, orderBy: [{ priority: "asc" }, { id: "asc" }], take: 500, select: { kind: true, matchValue: true, warehouseId: true } });
}

/** Free stock per "warehouse|sku" for these SKUs: a snapshot to skip hopeless warehouses; the conditional UPDATE stays the authority. */
export async function stockSnapshot(tx: Tx, skus: string[]): Promise<Map<string, number>> {
  if (skus.length === 0) return new Map();
  const rows = await tx.$queryRaw<{ k: string; free: number }[]>`SELECT warehouse_id || '|' || sku_code AS k, on_hand - reserved AS free FROM stock_levels WHERE sku_code = ANY(${[...new Set(skus)]}::text[])`;
  return new Map(rows.map((r) => [r.k, Number(r.free)]));
}

/** Picks and reserves a warehouse for one order's lines; returns the routing row to store. */
export async function reserveForOrder(tx: Tx, rules: RoutingRules, region: string | null, items: Line[], snapshot?: Map<string, number>): Promise<RouteResult & { reserved: Line[] }> {
  const lines = mergeLines(items);
  const candidates = candidateWarehouses(rules, region, lines);
  const shortages: string[] = [];
  for (const wh of candidates) {
    const hopeless = snapshot ? lines.find((l) => (snapshot.get(`${wh}|${l.skuCode}`) ?? 0) < l.quantity) : undefined;
    const short = hopeless ? hopeless.skuCode : await reserveAll(tx, wh, lines);
    if (short === null) {
      if (snapshot) for (const l of lines) snapshot.set(`${wh}|${l.skuCode}`, (snapshot.get(`${wh}|${l.skuCode}`) ?? 0) - l.quantity);
      return { status: "ROUTED", warehouseId: wh, reason: null, reserved: lines };
    }
    shortages.push(`${wh} 缺 ${short}`);
  }
  return { status: "UNROUTED", warehouseId: null, reason: shortages.length ? `库存不足：${shortages.join("；")}` : "没有匹配的路由规则", reserved: [] };
}

/** Routes one order inside the caller's transaction; does nothing when it is already routed. */
export async function routeOrder(tx: Tx, orderId: string): Promise<RouteResult | null> {
  const existing = await tx.orderRouting.findUnique({ where: { orderId }, select: { status: true } });
  if (existing?.status === "ROUTED") return null;
  const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: { receiverRegion: true, items: { select: { skuCode: true, quantity: true } } } });
  const r = await reserveForOrder(tx, await loadRoutingRules(tx), order.receiverRegion, order.items);
  const data = { warehouseId: r.warehouseId, status: r.status, reason: r.reason, reserved: r.reserved as unknown as Prisma.InputJsonValue, routedAt: new Date() };
  await tx.orderRouting.upsert({ where: { orderId }, create: { orderId, ...data }, update: data });
  return { status: r.status, warehouseId: r.warehouseId, reason: r.reason };
}
