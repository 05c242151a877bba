import { assertCan, can, type Actor } from "../access/actor";
import { maskField } from "../access/mask";
import { orderScope } from "../access/scope";
import type { Prisma } from "../db/generated/prisma/client";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { drillWhere } from "../dashboards/drill-filter";
import { bizDayRange } from "../time/biz-time";
import { ORDER_COUNT_CAP, OrderListQuery, type OrderListInput } from "./order-query";
import { findOrderIdsBySearch } from "./search-orders";

export interface OrderListRow {
  id: string;
  orderNo: string;
  platformOrderId: string;
  channelName: string;
  platform: string;
  status: string;
  platformStatus: string;
  receiverName: string | null;
  receiverPhone: string | null;
  receiverArea: string | null;
  paidFen: number;
  itemCount: number;
  isTest: boolean;
  tags: string[];
  placedAt: string;
}

export interface OrderListResult {
  rows: OrderListRow[];
  total: number;
  totalCapped: boolean;
  page: number;
  size: number;
  pageCount: number;
}

export function buildWhere(actor: Actor, q: OrderListQuery, ids: string[] | null): Prisma.OrderWhereInput {
  const and: Prisma.OrderWhereInput[] = [orderScope(actor)];
  if (ids) and.push({ id: { in: ids } });
  if (q.channel?.length) and.push({ channelId: { in: q.channel } });
  if (q.platform?.length) and.push({ channel: { platform: { in: q.platform } } });
  if (q.status?.length) and.push({ status: { in: q.status } });
  if (q.from) and.push({ placedAt: { gte: bizDayRange(q.from).gte } });
  if (q.to) and.push({ placedAt: { lt: bizDayRange(q.to).lt } });
  if (q.minFen != null) and.push({ paidFen: { gte: q.minFen } });
  if (q.maxFen != null) and.push({ paidFen: { lte: q.maxFen } });
  if (!q.includeTest) and.push({ isTest: false });
  and.push(...drillWhere(q));
  return { AND: and };
}

/** The orders page: one page of the actor's orders, filtered, sorted, masked. */
export async function listOrders(db: Db, actor: Actor, input: OrderListInput): Promise<OrderListResult> {
  assertCan(actor, "order.view");
  const parsed = OrderListQuery.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_INPUT", { issues: parsed.error.issues.map((i) => i.path.join(".")) });
  const q = parsed.data;
  const ids = q.q ? await findOrderIdsBySearch(db, q.q) : null;
  const where = buildWhere(actor, q, ids);
  const orderBy: Prisma.OrderOrderByWithRelationInput[] = [{ [q.sort]: q.dir }, { id: q.dir }];
  const [total, orders] = await Promise.all([
    ids?.length === 0 ? 0 : db.order.count({ where, take: ORDER_COUNT_CAP + 1 }),
    ids?.length === 0
      ? []
      : db.order.findMany({
          where,
          orderBy,
          skip: (q.page - 1) * q.size,
          take: q.size,
          select: {
            id: true, orderNo: true, platformOrderId: true, status: true, platformStatus: true,
            receiverName: true, receiverPhone: true, receiverProvince: true, receiverCity: true,
            paidFen: true, isTest: true, tags: true, placedAt: true,
            channel: { select: { name: true, platform: true } },
          },
        }),
  ]);
  // Line counts for this page only: a relation _count would aggregate all order_items first.
  const lineCounts = orders.length
    ? await db.orderItem.groupBy({ by: ["orderId"], where: { orderId: { in: orders.map((o) => o.id) } }, _count: { _all: true } })
    : [];
  const linesByOrder = new Map(lineCounts.map((c) => [c.orderId, c._count._all]));
  const pageCount = Math.max(1, Math.ceil(Math.min(total, ORDER_COUNT_CAP) / q.size));
  if (q.page > pageCount && total > 0) throw new AppError("INVALID_PAGE", { pageCount });
  const seesAddress = can(actor, "order.viewAddress");
  return {
    rows: orders.map((o) => ({
      id: o.id,
      orderNo: o.orderNo,
      platformOrderId: o.platformOrderId,
      channelName: o.channel.name,
      platform: o.channel.platform,
      status: o.status,
      platformStatus: o.platformStatus,
      receiverName: seesAddress ? o.receiverName : null,
      receiverPhone: seesAddress ? maskField(actor, "phone", o.receiverPhone) : null,
      receiverArea: seesAddress ? [o.receiverProvince, o.receiverCity].filter(Boolean).join(" ") || null : null,
      paidFen: o.paidFen,
      itemCount: linesByOrder.get(o.id) ?? 0,
      isTest: o.isTest,
      tags: o.tags,
      placedAt: o.placedAt.toISOString(),
    })),
    total: Math.min(total, ORDER_COUNT_CAP),
    totalCapped: total > ORDER_COUNT_CAP,
    page: q.page,
    size: q.size,
    pageCount,
  };
}
