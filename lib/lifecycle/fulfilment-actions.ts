import { assertPushApproved } from "../anomalies/approvals";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import type { ActionContext } from "./order-actor";
import { inTransaction, prepared, runTransition } from "./run-transition";

/** 待支付 → 已支付: a payment arrived (payment notify, platform push or a person who checked the bill). */
export function markPaid(db: Db, orderId: string, ctx: ActionContext, input: { paidAt?: Date; payNo?: string } = {}) {
  return runTransition(db, "markPaid", orderId, ctx, {
    orderData: { paidAt: input.paidAt ?? new Date() },
    extra: input.payNo ? { payNo: input.payNo } : undefined,
  });
}

/** 已支付 → 已推送仓库: the WMS accepted the outbound order. */
export function pushToWms(db: Db, orderId: string, ctx: ActionContext, input: { wmsOrderId?: string } = {}) {
  return runTransition(db, "pushToWms", orderId, ctx, async (tx) => {
    await assertPushApproved(tx, orderId); // issue 6: low-price / large-amount orders wait for their approval
    return { extra: input.wmsOrderId ? { wmsOrderId: input.wmsOrderId } : undefined };
  });
}

/** Carrier codes are short ASCII codes (SF, ZTO, shunfeng …); tracking numbers letters and digits. */
const CARRIER = /^[A-Za-z0-9_-]{1,32}$/;
const TRACKING = /^[A-Za-z0-9-]{4,40}$/;

/** One parcel: a WMS confirmation may carry several, each with the items packed in it. */
export interface ShipmentPackage {
  carrierCode: string;
  trackingNo: string;
  items?: { skuCode: string; quantity: number }[];
}

/** Trimmed, checked and de-duplicated packages; an order is never shipped without a tracking number. */
function checkPackages(pkgs: ShipmentPackage[]): ShipmentPackage[] {
  const out = new Map<string, ShipmentPackage>();
  for (const p of pkgs) {
    const carrierCode = p.carrierCode?.trim() ?? "";
    const trackingNo = p.trackingNo?.trim() ?? "";
    if (!carrierCode || !trackingNo) throw new AppError("TRACKING_REQUIRED");
    if (!CARRIER.test(carrierCode) || !TRACKING.test(trackingNo)) throw new AppError("INVALID_INPUT", { field: "trackingNo" });
    out.set(`${carrierCode}\u0000${trackingNo}`, { carrierCode, trackingNo, items: p.items?.length ? p.items : undefined });
  }
  if (!out.size) throw new AppError("TRACKING_REQUIRED");
  return [...out.values()];
}

/**
 * Records packages as shipments of the order in one statement; a package already recorded for this order
 * is skipped, one whose tracking number belongs to another order is refused (TRACKING_IN_USE).
 * Returns the newly recorded ones. Call it in the transaction that holds the order's row lock.
 */
export async function recordPackages(tx: Db, orderId: string, pkgs: ShipmentPackage[], shippedAt: Date) {
  const rows = await tx.$queryRaw<{ id: string; carrierCode: string; trackingNo: string; orderId: string; isNew: boolean }[]>`${prepared}
    WITH p AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(pkgs)}::jsonb) AS p("carrierCode" text, "trackingNo" text, items jsonb)
    ), ins AS (
      INSERT INTO shipments (id, order_id, carrier_code, tracking_no, shipped_at, items)
      SELECT gen_random_uuid()::text, ${orderId}, p."carrierCode", p."trackingNo", ${shippedAt}::timestamptz, p.items FROM p
      ON CONFLICT (carrier_code, tracking_no) DO NOTHING
      RETURNING id, carrier_code, tracking_no, order_id
    )
    SELECT COALESCE(i.id, s.id) AS id, p."carrierCode", p."trackingNo", COALESCE(i.order_id, s.order_id) AS "orderId", i.id IS NOT NULL AS "isNew"
    FROM p LEFT JOIN ins i ON i.carrier_code = p."carrierCode" AND i.tracking_no = p."trackingNo"
    LEFT JOIN shipments s ON i.id IS NULL AND s.carrier_code = p."carrierCode" AND s.tracking_no = p."trackingNo"`;
  const taken = rows.find((r) => r.orderId !== orderId);
  if (taken) throw new AppError("TRACKING_IN_USE", { trackingNo: taken.trackingNo });
  return rows.filter((r) => r.isNew).map(({ id, carrierCode, trackingNo }) => ({ shipmentId: id, carrierCode, trackingNo }));
}

/**
 * 发货: requires a carrier and a tracking number (an order is never SHIPPED without one) and creates the
 * shipment — one per package when the warehouse sent several (`morePackages`); a tracking number already
 * used by another order is refused.
 */
export async function confirmShipment(db: Db, orderId: string, ctx: ActionContext, input: ShipmentPackage & { shippedAt?: Date; morePackages?: ShipmentPackage[] }) {
  const pkgs = checkPackages([input, ...(input.morePackages ?? [])]);
  return runTransition(db, "confirmShipment", orderId, ctx, async (tx) => {
    const shippedAt = input.shippedAt ?? new Date();
    const created = await recordPackages(tx, orderId, pkgs, shippedAt);
    if (created.length !== pkgs.length) throw new AppError("TRACKING_IN_USE", { trackingNo: pkgs[0].trackingNo }); // already on this order: shipped before
    return { orderData: { shippedAt }, extra: { ...created[0], ...(created.length > 1 ? { packages: created } : {}) } };
  });
}

/**
 * A later confirmation for an order that has shipped already (QiMen confirmType 1, then 0: one order, several
 * dispatches): its new packages become shipments; no status changes. Returns null when the order has not
 * shipped (the caller refuses), else the packages it added (none: a redelivery of ones already recorded).
 */
export function addPackages(db: Db, orderId: string, pkgs: ShipmentPackage[], shippedAt = new Date()) {
  const checked = checkPackages(pkgs);
  return inTransaction(db, async (tx) => {
    await tx.$queryRaw`SELECT id FROM orders WHERE id = ${orderId} FOR UPDATE`;
    if (!(await tx.shipment.count({ where: { orderId } }))) return null;
    return recordPackages(tx, orderId, checked, shippedAt);
  });
}

/** 已发货 → 已签收 (logistics push 签收, or a person). */
export function markDelivered(db: Db, orderId: string, ctx: ActionContext, input: { deliveredAt?: Date } = {}) {
  return runTransition(db, "markDelivered", orderId, ctx, { orderData: { deliveredAt: input.deliveredAt ?? new Date() } });
}

/** 已签收 → 已完成 (the platform's confirm-receipt, or the after-sale window closing). */
export function complete(db: Db, orderId: string, ctx: ActionContext, input: { completedAt?: Date } = {}) {
  return runTransition(db, "complete", orderId, ctx, { orderData: { completedAt: input.completedAt ?? new Date() } });
}
