/**
 * The hub's import template (FORMATS rule 10): one row per order line, the order-level columns
 * repeated (or left empty) on the following lines of the same order. Rows are grouped by 订单号 and
 * become the hub's own order JSON (lib/ingestion/mappers/own-mall.ts), so the file path validates
 * exactly like a push. Times without a zone are China time.
 */
import type { Table } from "./read-table";

export const TEMPLATE_COLUMNS = [
  "订单号", "订单状态", "下单时间", "付款时间", "发货时间", "更新时间", "会员编号", "买家昵称",
  "收件人", "手机号", "省", "市", "区", "详细地址",
  "SKU编码", "商品名称", "规格", "数量", "单价", "行优惠",
  "运费", "整单优惠", "优惠券", "实付金额", "支付方式", "支付流水号", "快递公司", "快递单号", "买家留言", "卖家备注",
] as const;
type Column = (typeof TEMPLATE_COLUMNS)[number];

export const REQUIRED_COLUMNS: readonly Column[] = ["订单号", "订单状态", "下单时间", "更新时间", "SKU编码", "数量", "单价", "实付金额"];

export function isTemplate(headers: string[]): boolean {
  return REQUIRED_COLUMNS.every((c) => headers.includes(c));
}

type Row = Table["rows"][number];

/** Where each header's cells sit in a row. */
type FileColumns = Map<string, number>;

/** The file rows of one order (or one row without an order number), in file order. */
export interface TemplateOrder {
  /** File line of the order's first row (for the per-row result and the error report). */
  line: number;
  platformOrderId: string;
  rows: Row[];
  columns: FileColumns;
}

const PROVIDERS: Record<string, string> = { 微信: "WECHAT", 微信支付: "WECHAT", WECHAT: "WECHAT", 支付宝: "ALIPAY", ALIPAY: "ALIPAY", 现金: "CASH", CASH: "CASH", 其他: "PLATFORM", PLATFORM: "PLATFORM" };

const CHINA_TIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(:\d{2})?$/;

/**
 * "2026-11-20 09:12:05" (China time) → "2026-11-20T09:12:05+08:00" by rewriting the text (no Date
 * round trip: this runs four times per row); the mapper's ISO check then validates it like any
 * pushed time. Anything else is passed on for the mapper to refuse.
 */
function iso(text: string): string | undefined {
  if (!text) return undefined;
  const m = CHINA_TIME.exec(text);
  return m ? `${m[1]}T${m[2]}${m[3] ?? ":00"}+08:00` : text;
}

const opt = (v: string | undefined) => (v ? v : undefined);
const qty = (v: string) => (/^\d+$/.test(v) ? Number(v) : v);

/** A row's cell under a template column ("" when the file lacks the column or the row is short). */
function cell(columns: FileColumns, row: Row, c: Column): string {
  const j = columns.get(c);
  return j === undefined ? "" : (row.values[j] ?? "");
}

/** The file's rows grouped by 订单号 (an order's lines need not be adjacent), in file order. */
export function templateOrders(table: Table): TemplateOrder[] {
  // A repeated header: its last column counts. (forEach: an XLSX header row may have gaps.)
  const columns: FileColumns = new Map();
  table.headers.forEach((h, j) => columns.set(h, j));
  const groups = new Map<string, Row[]>();
  const out: TemplateOrder[] = [];
  for (const row of table.rows) {
    const no = cell(columns, row, "订单号");
    // A row without an order number cannot be grouped: it is reported (and quarantined) on its own.
    if (!no) out.push({ line: row.line, platformOrderId: "", rows: [row], columns });
    else {
      const group = groups.get(no);
      if (group) group.push(row);
      else groups.set(no, [row]);
    }
  }
  for (const [no, rows] of groups) out.push({ line: rows[0].line, platformOrderId: no, rows, columns });
  return out.sort((a, b) => a.line - b.line);
}

/**
 * An order's rows → the hub's own order JSON. Built per chunk as the import reaches it, so a large
 * file's orders are never all in memory as objects at once.
 */
export function templatePayload({ platformOrderId: no, rows, columns }: TemplateOrder): Record<string, unknown> {
  const first = rows[0];
  // Unusable as an order: kept as header → cell, for the quarantine to show and correct.
  if (!no) {
    const cells: Record<string, string> = {};
    columns.forEach((j, h) => (cells[h] = first.values[j] ?? ""));
    return cells;
  }
  const at = (r: Row, c: Column) => cell(columns, r, c);
  // An order's fields may sit on any of its lines (exports repeat them or fill only the first).
  const get = rows.length === 1 ? (c: Column) => at(first, c) : (c: Column) => rows.map((r) => at(r, c)).find((v) => v !== "") ?? "";
  const paidAt = iso(get("付款时间"));
  return {
    orderNo: no,
    status: at(first, "订单状态"),
    createdAt: iso(get("下单时间")),
    paidAt,
    shippedAt: iso(get("发货时间")),
    updatedAt: iso(get("更新时间")),
    buyer: get("会员编号") || get("买家昵称") ? { memberId: opt(get("会员编号")), nick: opt(get("买家昵称")) } : undefined,
    receiver: { name: get("收件人"), phone: get("手机号"), province: get("省"), city: get("市"), district: opt(get("区")), detail: get("详细地址") },
    items: rows.map((r, i) => ({
      lineNo: String(i + 1),
      skuCode: at(r, "SKU编码"),
      title: at(r, "商品名称") || at(r, "SKU编码"),
      variant: opt(at(r, "规格")),
      quantity: qty(at(r, "数量")),
      unitPrice: at(r, "单价"),
      discount: opt(at(r, "行优惠")),
    })),
    amounts: { freight: opt(get("运费")), discount: opt(get("整单优惠")), coupon: opt(get("优惠券")), paid: get("实付金额") },
    payments: get("支付方式") && paidAt
      ? [{ provider: PROVIDERS[get("支付方式")] ?? get("支付方式"), transactionId: opt(get("支付流水号")), amount: get("实付金额"), paidAt }]
      : [],
    shipments: get("快递单号") && get("发货时间")
      ? [{ carrierCode: get("快递公司") || "unknown", trackingNo: get("快递单号"), shippedAt: iso(get("发货时间")) }]
      : [],
    buyerNote: opt(get("买家留言")),
    sellerNote: opt(get("卖家备注")),
  };
}

/** The template with one example order, for the 下载导入模板 link. */
export function templateCsv(): string {
  const example = [
    "M202611200001", "PAID", "2026-11-20 09:12:05", "2026-11-20 09:12:40", "", "2026-11-20 09:12:41", "U10086", "小李",
    "李雷", "13812345678", "浙江省", "杭州市", "西湖区", "文三路 100 号",
    "TS-RED-L", "纯棉T恤", "红色 L", "1", "128.50", "10.00",
    "6.00", "0.00", "0.00", "124.50", "微信", "4200000000202611200000000001", "", "", "请开发票", "",
  ];
  const esc = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return `\uFEFF${TEMPLATE_COLUMNS.join(",")}\n${example.map(esc).join(",")}\n`;
}
