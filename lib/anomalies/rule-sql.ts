import { Prisma } from "../db/generated/prisma/client";
import { BUSINESS_TIME_ZONE } from "../time/biz-time";
import type { RuleCode, RuleParams, RuleSetting } from "./rules";

/**
 * One set-based query per rule: the subjects that match it right now, as rows of
 * (subject, order_id, channel_id, detail). The same query raises new exceptions and closes those
 * whose subject no longer matches, so "raise" and "self-close" never disagree. `ids` restricts it to
 * the orders of an event; null is the scheduled scan over every order.
 */
export interface RuleQueryContext {
  now: Date;
  ids: string[] | null;
  /** ADDRESS_KEYWORD's keywords and whitelist, shared with HIGH_VALUE_BAD_ADDRESS. */
  address: RuleParams<"ADDRESS_KEYWORD">;
}

const PRE_SHIPMENT = Prisma.sql`('PENDING_PAYMENT', 'PAID', 'ON_HOLD', 'NEEDS_REVIEW')`;
const ago = (now: Date, minutes: number) => new Date(now.getTime() - minutes * 60_000);
const onlyIds = (ids: string[] | null, col = Prisma.sql`o.id`) => (ids ? Prisma.sql`AND ${col} = ANY(${ids}::text[])` : Prisma.empty);

/** The address matches a keyword and no whitelist entry (empty lists match nothing / exempt nothing). */
const addressFlag = (p: RuleParams<"ADDRESS_KEYWORD">) => Prisma.sql`
  (SELECT kw FROM unnest(${p.keywords}::text[]) kw WHERE strpos(o.receiver_detail, kw) > 0 LIMIT 1) IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM unnest(${p.whitelist}::text[]) w WHERE strpos(o.receiver_detail, w) > 0)`;

/**
 * Orders that need an approval of this kind and have no decision yet. NOT IN over a non-null column
 * runs as one hashed subplan, whatever the (often stale: the table grows in bursts) statistics say.
 */
const undecided = (kind: string) => Prisma.sql`
  o.status IN ('PAID', 'ON_HOLD')
  AND o.id NOT IN (SELECT a.order_id FROM order_approvals a WHERE a.kind = ${kind} AND a.status <> 'PENDING')`;

type Builder<C extends RuleCode> = (p: RuleParams<C>, ctx: RuleQueryContext) => Prisma.Sql;

const BUILDERS: { [C in RuleCode]: Builder<C> } = {
  ADDRESS_KEYWORD: (p, { ids }) => Prisma.sql`
    SELECT o.id AS subject, o.id AS order_id, o.channel_id, jsonb_build_object('keywords', ${p.keywords}::text[]) AS detail
    FROM orders o WHERE o.status IN ${PRE_SHIPMENT} AND ${addressFlag(p)} ${onlyIds(ids)}`,

  BUYER_BURST: (p, { now, ids }) => Prisma.sql`
    SELECT DISTINCT ON (w.buyer) w.buyer || ':' || to_char(w.placed_at AT TIME ZONE ${BUSINESS_TIME_ZONE}, 'YYYY-MM-DD') AS subject,
           w.id AS order_id, w.channel_id, jsonb_build_object('orders', w.n, 'windowMinutes', ${p.windowMinutes}::int) AS detail
    FROM (
      SELECT r.*, count(*) OVER (PARTITION BY r.buyer ORDER BY r.placed_at RANGE BETWEEN make_interval(mins => ${p.windowMinutes}::int) PRECEDING AND CURRENT ROW) AS n
      FROM (SELECT o.id, o.channel_id, o.placed_at, COALESCE(o.customer_id, o.channel_id || ':' || o.buyer_nick) AS buyer
            FROM orders o WHERE o.placed_at > ${ago(now, 24 * 60 + p.windowMinutes)} AND o.is_test = false) r
      WHERE r.buyer IS NOT NULL
        ${ids ? Prisma.sql`AND r.buyer IN (SELECT COALESCE(x.customer_id, x.channel_id || ':' || x.buyer_nick) FROM orders x WHERE x.id = ANY(${ids}::text[]))` : Prisma.empty}
    ) w
    WHERE w.n > ${p.maxOrders}
    ORDER BY w.buyer, w.placed_at DESC`,

  LOW_STOCK: (p, { ids }) => Prisma.sql`
    SELECT s.warehouse_id || '/' || s.sku_code AS subject, NULL::text AS order_id, NULL::text AS channel_id,
           jsonb_build_object('warehouseId', s.warehouse_id, 'skuCode', s.sku_code, 'onHand', s.on_hand, 'reserved', s.reserved, 'safetyStock', ${p.safetyStock}::int) AS detail
    FROM stock_levels s WHERE s.reserved > 0 AND s.on_hand - s.reserved < ${p.safetyStock}
      ${ids ? Prisma.sql`AND s.sku_code IN (SELECT i.sku_code FROM order_items i WHERE i.order_id = ANY(${ids}::text[]))` : Prisma.empty}`,

  PAID_NOT_PUSHED: (p, { now, ids }) => Prisma.sql`
    SELECT o.id AS subject, o.id AS order_id, o.channel_id, jsonb_build_object('paidAt', o.paid_at) AS detail
    FROM orders o WHERE o.status = 'PAID' AND o.is_test = false AND o.paid_at < ${ago(now, p.minutes)} ${onlyIds(ids)}`,

  PAID_NOT_SHIPPED: (p, { now, ids }) => Prisma.sql`
    SELECT o.id AS subject, o.id AS order_id, o.channel_id, jsonb_build_object('paidAt', o.paid_at, 'status', o.status) AS detail
    FROM orders o WHERE o.status IN ('PAID', 'PUSHED_TO_WMS') AND o.is_test = false AND o.paid_at < ${ago(now, p.minutes)} ${onlyIds(ids)}`,

  NO_LOGISTICS: (p, { now, ids }) => Prisma.sql`
    SELECT DISTINCT ON (o.id) o.id AS subject, o.id AS order_id, o.channel_id,
           jsonb_build_object('trackingNo', s.tracking_no, 'shippedAt', s.shipped_at, 'lastEventAt', s.last_event_at) AS detail
    FROM orders o JOIN shipments s ON s.order_id = o.id
    WHERE o.status = 'SHIPPED' AND o.is_test = false AND COALESCE(s.last_event_at, s.shipped_at) < ${ago(now, p.minutes)} ${onlyIds(ids)}
    ORDER BY o.id, s.shipped_at DESC`,

  // The last 派件/签收 event's area (快递100 status 5 / 3) is where the parcel went; it must name the receiver's province.
  LOGISTICS_MISMATCH: (p, { now, ids }) => Prisma.sql`
    SELECT DISTINCT ON (o.id) o.id AS subject, o.id AS order_id, o.channel_id,
           jsonb_build_object('areaName', e.area_name, 'province', o.receiver_province, 'trackingNo', s.tracking_no) AS detail
    FROM shipment_events e JOIN shipments s ON s.id = e.shipment_id JOIN orders o ON o.id = s.order_id
    WHERE e.status_code IN ('3', '5') AND e.area_name IS NOT NULL AND e.event_at > ${ago(now, p.lookbackMinutes)}
      AND o.status IN ('SHIPPED', 'DELIVERED') AND o.receiver_province IS NOT NULL
      AND strpos(e.area_name, regexp_replace(o.receiver_province, '(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$', '')) = 0
      ${onlyIds(ids)}
    ORDER BY o.id, e.event_at DESC`,

  HIGH_VALUE_BAD_ADDRESS: (p, { ids, address }) => Prisma.sql`
    SELECT o.id AS subject, o.id AS order_id, o.channel_id,
           jsonb_build_object('paidFen', o.paid_fen, 'addressIncomplete', o.address_incomplete) AS detail
    FROM orders o WHERE o.paid_fen >= ${p.minAmountFen} AND o.status IN ${PRE_SHIPMENT}
      AND (o.address_incomplete OR (${addressFlag(address)})) ${onlyIds(ids)}`,

  LOW_PRICE_APPROVAL: (p, { ids }) => Prisma.sql`
    SELECT o.id AS subject, o.id AS order_id, o.channel_id, jsonb_build_object('paidFen', o.paid_fen, 'goodsFen', o.goods_fen) AS detail
    FROM orders o WHERE (o.paid_fen < ${p.maxPaidFen} OR o.paid_fen::bigint * 100 < o.goods_fen::bigint * ${p.minPaidPercent})
      AND ${undecided("LOW_PRICE")} ${onlyIds(ids)}`,

  HIGH_AMOUNT_APPROVAL: (p, { ids }) => Prisma.sql`
    SELECT o.id AS subject, o.id AS order_id, o.channel_id, jsonb_build_object('paidFen', o.paid_fen, 'region', o.receiver_region) AS detail
    FROM orders o WHERE o.paid_fen > ${p.minAmountFen} AND ${undecided("HIGH_AMOUNT")} ${onlyIds(ids)}`,

  PAYMENT_NOT_APPLIED: (p, { now, ids }) => Prisma.sql`
    SELECT o.id AS subject, o.id AS order_id, o.channel_id, jsonb_build_object('payNo', pm.pay_no, 'amountFen', pm.amount_fen, 'paidAt', pm.paid_at) AS detail
    FROM orders o JOIN LATERAL (SELECT p.pay_no, p.amount_fen, p.paid_at FROM payments p WHERE p.order_id = o.id AND p.created_at < ${ago(now, p.minutes)} ORDER BY p.created_at LIMIT 1) pm ON true
    WHERE o.status = 'PENDING_PAYMENT' ${onlyIds(ids)}`,

  PAYMENT_STATUS_LAG: (p, { now, ids }) => Prisma.sql`
    SELECT DISTINCT ON (o.id) o.id AS subject, o.id AS order_id, o.channel_id,
           jsonb_build_object('source', r.source, 'receivedAt', r.received_at, 'outcome', r.outcome) AS detail
    FROM inbound_requests r JOIN orders o ON o.id = r.order_id
    WHERE r.source IN ('WECHAT_PAY', 'ALIPAY') AND r.outcome NOT IN ('REJECTED', 'DUPLICATE')
      AND r.received_at < ${ago(now, p.minutes)} AND r.received_at > ${ago(now, 7 * 24 * 60)}
      AND o.status = 'PENDING_PAYMENT' ${onlyIds(ids)}
    ORDER BY o.id, r.received_at`,
};

export function candidatesSql(setting: RuleSetting, ctx: RuleQueryContext): Prisma.Sql {
  return (BUILDERS[setting.code] as Builder<RuleCode>)(setting.params as never, ctx);
}

/** Rules about a warehouse SKU or a buyer rather than one order: an event's orders do not decide whether they still hold. */
export const NON_ORDER_SUBJECT: ReadonlySet<RuleCode> = new Set(["LOW_STOCK", "BUYER_BURST"]);
