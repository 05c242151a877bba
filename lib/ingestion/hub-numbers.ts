/**
 * Hub numbers for ingested orders, payments and refunds: the same generators as the demo data
 * (lib/demo/numbers.ts, "OH"/"PY"/"RF" + yyMMdd + 8 digits), fed with indexes from PostgreSQL
 * sequences over 45,000,000–49,999,999, above the demo's range, so numbers are unique across
 * processes. The sequences cycle (five million values) and the date part is the China day the hub
 * issues the number, not the platform's date: a value comes round again only on a later day, so a
 * number is never issued twice while fewer than five million of a kind are issued in one day. (With
 * the platform's date, an old order imported after a wrap could take an existing number.)
 */
import type { Db } from "../db/client";
import { orderNo, payNo, refundNo } from "../demo/numbers";

type Seq = "hub_order_no_seq" | "hub_pay_no_seq" | "hub_refund_no_seq";

async function nextValues(db: Db, seq: Seq, count: number): Promise<number[]> {
  if (count === 0) return [];
  // One row of text, not a row per value: a chunk of a file import asks for a thousand at a time.
  const [row] = await db.$queryRawUnsafe<{ v: string }[]>(`SELECT string_agg(nextval('"${seq}"')::text, ',') AS v FROM generate_series(1, $1::int)`, count);
  return row.v.split(",").map(Number);
}

export async function nextOrderNos(db: Db, count: number, now = Date.now()): Promise<string[]> {
  return (await nextValues(db, "hub_order_no_seq", count)).map((n) => orderNo(n, now));
}

export async function nextPayNos(db: Db, count: number, now = Date.now()): Promise<string[]> {
  // payNo spreads index*2+seq over 8 digits; seq 0 keeps indexes below 10^8 / 2 distinct.
  return (await nextValues(db, "hub_pay_no_seq", count)).map((n) => payNo(n, 0, now));
}

export async function nextRefundNos(db: Db, count: number, now = Date.now()): Promise<string[]> {
  return (await nextValues(db, "hub_refund_no_seq", count)).map((n) => refundNo(n, now));
}
