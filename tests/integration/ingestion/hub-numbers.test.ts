import { describe, expect, it } from "vitest";
import { nextOrderNos, nextPayNos, nextRefundNos } from "../../../lib/ingestion/hub-numbers";
import { testDb } from "../helpers";

describe("hub numbers of ingested documents", () => {
  it("are dated the China day the hub issues them, whatever the platform's dates", async () => {
    const issuedAt = Date.parse("2026-12-31T16:30:00Z"); // 2027-01-01 00:30 in China
    const [orders, pays, refunds] = await Promise.all([nextOrderNos(testDb(), 3, issuedAt), nextPayNos(testDb(), 2, issuedAt), nextRefundNos(testDb(), 1, issuedAt)]);
    for (const n of orders) expect(n).toMatch(/^OH270101\d{8}$/);
    for (const n of pays) expect(n).toMatch(/^PY270101\d{8}$/);
    expect(refunds[0]).toMatch(/^RF270101\d{8}$/);
    expect(new Set(orders).size).toBe(3);
  });

  it("come from sequences that wrap instead of running out after five million", async () => {
    const rows = await testDb().$queryRaw<{ name: string; min: bigint; max: bigint; cycle: boolean }[]>`
      SELECT sequencename AS name, min_value AS min, max_value AS max, cycle FROM pg_sequences WHERE sequencename IN ('hub_order_no_seq', 'hub_pay_no_seq', 'hub_refund_no_seq') ORDER BY 1`;
    expect(rows.map((r) => [r.name, Number(r.min), Number(r.max), r.cycle])).toEqual([
      ["hub_order_no_seq", 45_000_000, 49_999_999, true],
      ["hub_pay_no_seq", 45_000_000, 49_999_999, true],
      ["hub_refund_no_seq", 45_000_000, 49_999_999, true],
    ]);
  });
});
