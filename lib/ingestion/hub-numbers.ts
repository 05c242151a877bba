/**
 * Hub numbers for ingested orders: the same generators as the demo data (lib/demo/numbers.ts,
 * "OH"/"PY"/"RF" + yyMMdd + 8 digits), fed with indexes from PostgreSQL sequences that start above
 * the demo's range (see the ingestion migration), so numbers are unique across processes.
 */
import type { Db } from "../db/client";
import { orderNo, payNo, refundNo } from "../demo/numbers";

type Seq = "hub_order_no_seq" | "hub_pay_no_seq" | "hub_refund_no_seq";

async function nextValues(db: Db, seq: Seq, count: number): Promise<number[]> {
  if (count === 0) return [];
  const rows = await db.$queryRawUnsafe<{ v: bigint }[]>(`SELECT nextval('"${seq}"') AS v FROM generate_series(1, $1::int)`, count);
  return rows.map((r) => Number(r.v));
}

export async function nextOrderNos(db: Db, placedAt: Date[]): Promise<string[]> {
  const ns = await nextValues(db, "hub_order_no_seq", placedAt.length);
  return ns.map((n, i) => orderNo(n, placedAt[i].getTime()));
}

export async function nextPayNos(db: Db, at: Date[]): Promise<string[]> {
  const ns = await nextValues(db, "hub_pay_no_seq", at.length);
  // payNo spreads index*2+seq over 8 digits; seq 0 keeps indexes below 10^8 / 2 distinct.
  return ns.map((n, i) => payNo(n, 0, at[i].getTime()));
}

export async function nextRefundNos(db: Db, at: Date[]): Promise<string[]> {
  const ns = await nextValues(db, "hub_refund_no_seq", at.length);
  return ns.map((n, i) => refundNo(n, at[i].getTime()));
}
