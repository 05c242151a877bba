import { AppError } from "../errors/app-error";
import type { Db } from "../db/client";

export type SearchKind = "phone" | "number";

/**
 * What a customer reads out over the phone: a hub order number, a platform order number, a pay
 * number or the provider's transaction id, a tracking number, or their mobile number.
 */
export function classifySearch(raw: string): { kind: SearchKind; value: string } {
  const value = raw.trim().replace(/[\s-]/g, "").toUpperCase();
  if (/^(\+?86)?1[3-9]\d{9}$/.test(value)) return { kind: "phone", value: value.slice(-11) };
  if (!/^[A-Z0-9_]{4,64}$/.test(value)) throw new AppError("INVALID_SEARCH");
  return { kind: "number", value };
}

const MAX_MATCHES = 200;

/** Ids of the orders a search term points at; every lookup is an exact match on an index. */
export async function findOrderIdsBySearch(db: Db, raw: string): Promise<string[]> {
  const { kind, value } = classifySearch(raw);
  if (kind === "phone") {
    const rows = await db.order.findMany({ where: { receiverPhone: value }, select: { id: true }, take: MAX_MATCHES });
    return rows.map((r) => r.id);
  }
  // Platform numbers are case-sensitive in theory but digits in practice; try the text as typed too.
  const candidates = [...new Set([value, raw.trim()])];
  const [byOrderNo, byPlatformId, byPayment, byShipment] = await Promise.all([
    db.order.findMany({ where: { orderNo: { in: candidates } }, select: { id: true }, take: MAX_MATCHES }),
    db.order.findMany({ where: { platformOrderId: { in: candidates } }, select: { id: true }, take: MAX_MATCHES }),
    db.payment.findMany({
      where: { OR: [{ payNo: { in: candidates } }, { providerTxnId: { in: candidates } }], orderId: { not: null } },
      select: { orderId: true },
      take: MAX_MATCHES,
    }),
    db.shipment.findMany({ where: { trackingNo: { in: candidates } }, select: { orderId: true }, take: MAX_MATCHES }),
  ]);
  return [
    ...new Set([
      ...byOrderNo.map((r) => r.id),
      ...byPlatformId.map((r) => r.id),
      ...byPayment.map((r) => r.orderId!),
      ...byShipment.map((r) => r.orderId),
    ]),
  ];
}
