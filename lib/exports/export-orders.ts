import { assertCan, can, type Actor } from "../access/actor";
import { maskField, maskPhone } from "../access/mask";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { fenToYuanString } from "../money/fen";
import { buildWhere } from "../orders/list-orders";
import { OrderListQuery, type OrderListInput } from "../orders/order-query";
import { classifySearch, findOrderIdsBySearch } from "../orders/search-orders";
import { bizDay, formatBizTime } from "../time/biz-time";
import { assertExportFits, exportCap } from "./export-cap";
import { tableFile, type ExportFile, type ExportFormat } from "./table-file";

const HEADERS = {
  zh: ["订单号", "平台单号", "店铺", "状态", "收件人", "手机", "省市区", "详细地址", "实付(元)", "已退(元)", "下单时间"],
  en: ["Order no.", "Platform order no.", "Shop", "Status", "Receiver", "Phone", "Area", "Street address", "Paid (CNY)", "Refunded (CNY)", "Placed at"],
};

/** The export's filter as the audit log keeps it: a searched phone number is stored masked. */
function auditedFilter(q: OrderListQuery) {
  let search = q.q;
  if (search) {
    try {
      if (classifySearch(search).kind === "phone") search = maskPhone(classifySearch(search).value);
    } catch {
      // not a valid search term: kept as typed
    }
  }
  const { page: _page, size: _size, ...rest } = q;
  return { ...rest, q: search };
}

/**
 * The orders list's current filter as a file: same scope and masking as the page, refused above the
 * role's row cap (narrow the filter instead), audited with its filter and row count.
 */
export async function exportOrders(db: Db, actor: Actor, input: OrderListInput, format: ExportFormat): Promise<ExportFile> {
  assertCan(actor, "order.export");
  const cap = exportCap(actor);
  const parsed = OrderListQuery.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_INPUT");
  const q = parsed.data;
  const ids = q.q ? await findOrderIdsBySearch(db, q.q) : null;
  const where = buildWhere(actor, q, ids);
  const count = ids?.length === 0 ? 0 : await db.order.count({ where, take: cap + 1 });
  assertExportFits(actor, count);
  const orders = count === 0 ? [] : await db.order.findMany({
    where,
    orderBy: [{ [q.sort]: q.dir }, { id: q.dir }],
    take: cap,
    select: {
      orderNo: true, platformOrderId: true, status: true, receiverName: true, receiverPhone: true,
      receiverProvince: true, receiverCity: true, receiverDistrict: true, receiverDetail: true,
      paidFen: true, refundedFen: true, placedAt: true, channel: { select: { name: true } },
    },
  });
  const seesAddress = can(actor, "order.viewAddress");
  const en = actor.locale === "en";
  const rows = orders.map((o) => [
    o.orderNo, o.platformOrderId, o.channel.name, o.status,
    seesAddress ? o.receiverName : null,
    seesAddress ? maskField(actor, "phone", o.receiverPhone) : null,
    seesAddress ? [o.receiverProvince, o.receiverCity, o.receiverDistrict].filter(Boolean).join(" ") : null,
    seesAddress ? maskField(actor, "addressDetail", o.receiverDetail) : null,
    fenToYuanString(o.paidFen), fenToYuanString(o.refundedFen), formatBizTime(o.placedAt, en ? "en" : "zh-CN"),
  ]);
  const file = await tableFile(format, `orders-${bizDay(new Date())}`, en ? HEADERS.en : HEADERS.zh, rows);
  await recordAudit(db, actor, { action: "order.export", entityType: "order", detail: { format, rowCount: file.rowCount, filter: auditedFilter(q) } });
  return file;
}
