import { describe, expect, it } from "vitest";
import { receivePush } from "../../../lib/ingestion/push/receive-push";
import { POST } from "../../../app/api/channels/[channelId]/orders/route";
import { inject } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { douyinEventSign } from "../../../lib/ingestion/platform-sign";
import { testDb } from "../helpers";
import { chinaYymmdd } from "../../../lib/demo/numbers";
import { signBody } from "../../../lib/ingestion/push/signature";
import { mallOrder, OWN_MALL, signed } from "./push-fixtures";

const push = (body: unknown, channelId = OWN_MALL.id, sig?: string) => {
  const s = signed(body);
  return receivePush(testDb(), channelId, s.raw, { xSignature: sig ?? s.signature });
};

describe("POST /api/channels/{channelId}/orders", () => {
  it("stores a signed order with cleansing, a hub number, its parts and the first status-log row", async () => {
    const o = mallOrder();
    const res = await push(o);
    expect(res.status).toBe(200);
    const r = res.body.results![0];
    expect(r).toMatchObject({ ok: true, outcome: "CREATED", platformOrderId: o.orderNo });
    expect(r.orderNo).toMatch(new RegExp(`^OH${chinaYymmdd(Date.now())}\\d{8}$`)); // the day the hub issued it
    const db = testDb();
    const stored = await db.order.findUniqueOrThrow({
      where: { orderNo: r.orderNo },
      include: { items: true, payments: true, statusLog: true },
    });
    expect(stored).toMatchObject({ status: "PAID", receiverProvince: "浙江省", receiverRegion: "华东", addressIncomplete: false, paidFen: 12450, priority: 2 });
    expect(stored.tags.sort()).toEqual(["加急", "发票"].sort());
    expect(stored.items).toHaveLength(1);
    expect(stored.payments[0].payNo).toMatch(new RegExp(`^PY${chinaYymmdd(Date.now())}\\d{8}$`));
    expect(stored.statusLog).toMatchObject([{ fromStatus: null, toStatus: "PAID", source: "PLATFORM_PUSH" }]);
    expect((stored.rawPayload as { orderNo: string }).orderNo).toBe(o.orderNo);
  });

  it("answers a duplicate with the same hub number and changes nothing", async () => {
    const o = mallOrder();
    const first = await push(o);
    const again = await push(o);
    expect(again.status).toBe(200);
    expect(again.body.results![0]).toMatchObject({ outcome: "UNCHANGED", orderNo: first.body.results![0].orderNo });
    const row = await testDb().order.findUniqueOrThrow({ where: { orderNo: first.body.results![0].orderNo! }, select: { version: true, id: true } });
    expect(row.version).toBe(1);
    expect(await testDb().payment.count({ where: { orderId: row.id } })).toBe(1);
  });

  it("applies a newer snapshot and ignores an older one arriving later", async () => {
    const o = mallOrder();
    await push(o);
    const shipped = { ...o, status: "SHIPPED", updatedAt: "2026-11-21T10:00:00+08:00", shippedAt: "2026-11-21T10:00:00+08:00",
      shipments: [{ carrierCode: "shunfeng", trackingNo: `SF${Date.now()}`, shippedAt: "2026-11-21T10:00:00+08:00" }] };
    const newer = await push(shipped);
    expect(newer.body.results![0].outcome).toBe("UPDATED");
    const older = await push({ ...o, status: "CANCELLED", updatedAt: "2026-11-20T12:00:00+08:00" });
    expect(older.status).toBe(200);
    expect(older.body.results![0].outcome).toBe("STALE");
    const row = await testDb().order.findFirstOrThrow({ where: { platformOrderId: o.orderNo }, include: { statusLog: { orderBy: { id: "asc" } }, shipments: true } });
    expect(row.status).toBe("SHIPPED");
    expect(row.shipments).toHaveLength(1);
    expect(row.statusLog.map((l) => l.toStatus)).toEqual(["PAID", "SHIPPED"]);
  });

  it("refuses a bad signature with 401 and keeps the body in quarantine", async () => {
    const o = mallOrder();
    const res = await push(o, OWN_MALL.id, "0".repeat(64));
    expect(res).toMatchObject({ status: 401, body: { ok: false, code: "BAD_SIGNATURE" } });
    expect(await testDb().order.count({ where: { platformOrderId: o.orderNo } })).toBe(0);
    const q = await testDb().quarantinedPayload.findFirstOrThrow({ where: { reasonCode: "BAD_SIGNATURE", rawBody: { contains: o.orderNo } } });
    expect(q).toMatchObject({ channelId: OWN_MALL.id, status: "OPEN", source: "PLATFORM_PUSH" });
  });

  it("refuses invalid JSON and an invalid order with 422, a code and a Chinese message", async () => {
    const bad = await push("{not json");
    expect(bad).toMatchObject({ status: 422, body: { code: "INVALID_JSON" } });
    const o = mallOrder({ amounts: { paid: 124.5 } });
    const res = await push(o);
    expect(res.status).toBe(422);
    expect(res.body.results![0]).toMatchObject({ ok: false, code: "INVALID_PAYLOAD", field: "amounts.paid", platformOrderId: o.orderNo });
    expect(res.body.results![0].message).toMatch(/[\u4e00-\u9fff]/);
    expect(await testDb().quarantinedPayload.count({ where: { platformOrderId: o.orderNo, reasonCode: "INVALID_PAYLOAD" } })).toBe(1);
  });

  it("stores the good orders of a batch and reports the bad one", async () => {
    const good1 = mallOrder();
    const bad = mallOrder({ items: [] });
    const good2 = mallOrder();
    const res = await push({ orders: [good1, bad, good2] });
    expect(res.status).toBe(422);
    expect(res.body.results!.map((r) => [r.index, r.ok])).toEqual([[0, true], [1, false], [2, true]]);
    expect(await testDb().order.count({ where: { platformOrderId: { in: [good1.orderNo, good2.orderNo, bad.orderNo] } } })).toBe(2);
  });

  it("handles an order twice in one batch: first sight, then its newer snapshot", async () => {
    const o = mallOrder();
    const res = await push([o, { ...o, status: "SHIPPED", updatedAt: "2026-11-21T08:00:00+08:00" }, o]);
    expect(res.status).toBe(200);
    expect(res.body.results!.map((r) => r.outcome)).toEqual(["CREATED", "UPDATED", "STALE"]);
    expect((await testDb().order.findFirstOrThrow({ where: { platformOrderId: o.orderNo } })).status).toBe("SHIPPED");
  });

  it("turns 50 parallel pushes of one order into one order", async () => {
    const o = mallOrder();
    const all = await Promise.all(Array.from({ length: 50 }, () => push(o)));
    expect(all.every((r) => r.status === 200)).toBe(true);
    const outcomes = all.map((r) => r.body.results![0].outcome);
    expect(outcomes.filter((x) => x === "CREATED")).toHaveLength(1);
    expect(new Set(all.map((r) => r.body.results![0].orderNo)).size).toBe(1);
    expect(await testDb().order.count({ where: { channelId: OWN_MALL.id, platformOrderId: o.orderNo } })).toBe(1);
    const id = (await testDb().order.findFirstOrThrow({ where: { platformOrderId: o.orderNo } })).id;
    expect(await testDb().orderStatusLog.count({ where: { orderId: id } })).toBe(1);
    expect(await testDb().payment.count({ where: { orderId: id } })).toBe(1);
  });

  it("is served by the route handler over the Web Request API", async () => {
    process.env.DATABASE_URL ??= inject("databaseUrl");
    const o = mallOrder();
    const s = signed(o);
    const req = new Request("http://hub/api/channels/ch_own_mall/orders", { method: "POST", body: s.raw, headers: { "x-signature": s.signature } });
    const res = await POST(req, { params: Promise.resolve({ channelId: "ch_own_mall" }) });
    expect(res.status).toBe(200);
    expect((await res.json()).results[0].orderNo).toMatch(/^OH/);
    const unknown = await POST(new Request("http://hub/x", { method: "POST", body: s.raw, headers: { "x-signature": s.signature } }), { params: Promise.resolve({ channelId: "ch_nope" }) });
    expect(unknown.status).toBe(404);
  });

  it("accepts Douyin's own event-sign on a Douyin channel, keeps X-Signature as the fallback, and refuses a wrong one", async () => {
    const fixture = readFileSync(path.join(import.meta.dirname, "../../unit/ingestion/fixtures/douyin-normal.json"), "utf8");
    const douyin = { id: "ch_douyin", appKey: "7012345678901234567", secret: "demo-secret-douyin" };
    const body = (id: string) => new TextEncoder().encode(fixture.replaceAll("6930000000000000001", id));
    const id = `69${String(Date.now()).padStart(17, "0")}`;
    const raw = body(id);
    const ok = await receivePush(testDb(), douyin.id, raw, { xSignature: null, eventSign: douyinEventSign(douyin.appKey, raw, douyin.secret) });
    expect(ok.status).toBe(200);
    expect(ok.body.results![0]).toMatchObject({ ok: true, outcome: "CREATED", platformOrderId: id });

    const bad = await receivePush(testDb(), douyin.id, raw, { xSignature: null, eventSign: douyinEventSign(douyin.appKey, raw, "wrong-secret") });
    expect(bad).toMatchObject({ status: 401, body: { code: "BAD_SIGNATURE" } });
    // An own-mall channel has no Douyin scheme: an event-sign alone is not enough there.
    const mall = signed(mallOrder());
    expect((await receivePush(testDb(), OWN_MALL.id, mall.raw, { xSignature: null, eventSign: douyinEventSign(douyin.appKey, mall.raw, OWN_MALL.secret) })).status).toBe(401);

    const id2 = `${id.slice(0, -1)}7`;
    const raw2 = body(id2);
    const fallback = await receivePush(testDb(), douyin.id, raw2, { xSignature: signBody(douyin.secret, raw2) });
    expect(fallback.body.results![0]).toMatchObject({ ok: true, platformOrderId: id2 });
  });

  it("acknowledges Douyin's message push (a trigger, not an order) the Douyin way and makes the channel due for its pull", async () => {
    const douyin = { id: "ch_douyin", appKey: "7012345678901234567", secret: "demo-secret-douyin" };
    const db = testDb();
    await db.pullCursor.upsert({ where: { channelId: douyin.id }, create: { channelId: douyin.id, lastRunAt: new Date() }, update: { lastRunAt: new Date() } });
    // The FORMATS example (pdd-douyin.md §2.6): p_id and s_ids are JSON numbers past 2^53 inside the data string.
    const raw = new TextEncoder().encode('[{"tag":"101","msg_id":"7380000000000000001","data":"{\\"biz\\":2,\\"order_status\\":2,\\"p_id\\":6930000000000000001,\\"pay_amount\\":8980,\\"shop_id\\":77977}"}]');
    const quarantinedBefore = await db.quarantinedPayload.count({ where: { channelId: douyin.id } });
    const res = await receivePush(db, douyin.id, raw, { xSignature: null, eventSign: douyinEventSign(douyin.appKey, raw, douyin.secret) });
    expect(res).toEqual({ status: 200, body: { code: 0, msg: "success" } });
    expect((await db.pullCursor.findUniqueOrThrow({ where: { channelId: douyin.id } })).lastRunAt).toBeNull();
    expect(await db.quarantinedPayload.count({ where: { channelId: douyin.id } })).toBe(quarantinedBefore);
    // Unsigned, the same body is refused like any other.
    expect((await receivePush(db, douyin.id, raw, { xSignature: null, eventSign: "0".repeat(32) })).status).toBe(401);
  });
});
