import type { Db } from "../../db/client";
import { isAppError } from "../../errors/app-error";
import { markDelivered } from "../../lifecycle/fulfilment-actions";
import { systemActor } from "../../lifecycle/order-actor";
import { inTransaction } from "../../lifecycle/run-transition";
import { parseChinaTime } from "../../time/biz-time";
import type { InboundOutcomeKind } from "../inbound";
import { toKuaidi100Com } from "./carrier-codes";
import { K100_DELIVERED, type Kuaidi100Result } from "./kuaidi100";

/**
 * Stores a tracking snapshot on its shipment (push or poll): the newest snapshot replaces the stored
 * trace, an older one is dropped (STALE), and 签收 moves a SHIPPED order to DELIVERED.
 * A tracking number the hub does not know yet (the logistics push raced ahead of the WMS callback)
 * is PARKED and re-matched later.
 */
export async function applyTracking(db: Db, r: Kuaidi100Result, source: "LOGISTICS_PUSH" | "SCHEDULER"): Promise<{ outcome: InboundOutcomeKind; orderId: string | null; dedupeKey: string }> {
  const events = r.data
    .map((e) => ({ at: parseChinaTime(e.ftime), context: e.context.slice(0, 1000), statusCode: e.statusCode ?? null, areaName: e.areaName ?? null }))
    .filter((e): e is typeof e & { at: Date } => e.at !== null)
    .sort((a, b) => b.at.getTime() - a.at.getTime());
  const newest = events[0];
  const dedupeKey = `${r.com}:${r.nu}:${newest?.at.toISOString() ?? "-"}:${r.state}`;
  const candidates = await db.shipment.findMany({ where: { trackingNo: r.nu }, select: { id: true, orderId: true, carrierCode: true, lastEventAt: true }, take: 5 });
  const shipment = candidates.find((s) => toKuaidi100Com(s.carrierCode) === toKuaidi100Com(r.com)) ?? (candidates.length === 1 ? candidates[0] : undefined);
  if (!shipment) return { outcome: "PARKED", orderId: null, dedupeKey };
  if (!newest) return { outcome: "ACCEPTED", orderId: shipment.orderId, dedupeKey };
  if (shipment.lastEventAt && newest.at.getTime() < shipment.lastEventAt.getTime()) return { outcome: "STALE", orderId: shipment.orderId, dedupeKey };
  const same = shipment.lastEventAt?.getTime() === newest.at.getTime();

  await inTransaction(db, async (tx) => {
    if (!same) {
      await tx.shipmentEvent.deleteMany({ where: { shipmentId: shipment.id } });
      await tx.shipmentEvent.createMany({ data: events.map((e) => ({ shipmentId: shipment.id, eventAt: e.at, context: e.context, statusCode: e.statusCode, areaName: e.areaName })), skipDuplicates: true });
      await tx.shipment.update({ where: { id: shipment.id }, data: { lastEventAt: newest.at, lastEvent: newest.context.slice(0, 500) } });
    }
    if (r.state === K100_DELIVERED) {
      const order = await tx.order.findUnique({ where: { id: shipment.orderId }, select: { status: true } });
      if (order?.status === "SHIPPED") {
        try {
          await markDelivered(tx, shipment.orderId, { by: systemActor("快递100"), source, idempotencyKey: `k100:${r.nu}:delivered` }, { deliveredAt: newest.at });
        } catch (err) {
          if (!isAppError(err) || err.code !== "ILLEGAL_TRANSITION") throw err;
        }
      }
    }
  });
  return { outcome: same ? "DUPLICATE" : "ACCEPTED", orderId: shipment.orderId, dedupeKey };
}
