import { describe, expect, it } from "vitest";
import { dataQuality } from "../../../lib/ingestion/console/data-quality";
import { getQuarantined, listQuarantine } from "../../../lib/ingestion/console/list-quarantine";
import { discardQuarantined, replayQuarantined } from "../../../lib/ingestion/console/replay-quarantined";
import { receivePush } from "../../../lib/ingestion/push/receive-push";
import { quarantinePayload } from "../../../lib/ingestion/quarantine";
import { actorFor, testDb } from "../helpers";
import { mallOrder, OWN_MALL, signed } from "./push-fixtures";

const push = async (body: unknown) => {
  const s = signed(body);
  return receivePush(testDb(), OWN_MALL.id, s.raw, { xSignature: s.signature });
};

describe("数据接入 console", () => {
  it("shows quarantined input masked, replays a correction (restoring masked phones) and audits it", async () => {
    const bad = mallOrder({ receiver: { name: "赵六", phone: "13711112222", province: "江苏", city: "南京市", district: "玄武区", detail: "中山路 1 号" }, amounts: { paid: "abc" } });
    await push(bad);
    const ops = await actorFor("ops");
    const list = await listQuarantine(testDb(), ops, { status: "OPEN", page: 1 });
    const row = list.rows.find((r) => r.platformOrderId === bad.orderNo)!;
    expect(row).toMatchObject({ reasonCode: "INVALID_PAYLOAD", channelName: "官方商城" });
    const item = await getQuarantined(testDb(), ops, row.id);
    expect(item.rawBody).not.toContain("13711112222");
    expect(item.rawBody).toContain("137****2222");
    await expect(replayQuarantined(testDb(), ops, { id: row.id, body: item.rawBody })).rejects.toMatchObject({ code: "REPLAY_FAILED", context: { field: "amounts.paid" } });
    const out = await replayQuarantined(testDb(), ops, { id: row.id, body: item.rawBody.replace('"abc"', '"124.50"') });
    const order = await testDb().order.findUniqueOrThrow({ where: { id: out.orderIds[0] } });
    expect(order.receiverPhone).toBe("13711112222");
    expect(await testDb().auditLog.count({ where: { action: "ingestion.replay", entityId: row.id } })).toBe(1);
  });

  it("masks a value a refusal reason quotes, in the list as on the detail view", async () => {
    const platformOrderId = `QR${Date.now()}`;
    await quarantinePayload(testDb(), { channelId: OWN_MALL.id, source: "PLATFORM_PUSH", reasonCode: "INVALID_PAYLOAD", reason: "手机号 13799998888 格式不对", rawBody: "{}", platformOrderId });
    const ops = await actorFor("ops");
    const row = (await listQuarantine(testDb(), ops, { status: "OPEN", page: 1 })).rows.find((r) => r.platformOrderId === platformOrderId)!;
    expect(row.reason).toBe("手机号 137****8888 格式不对");
    expect((await getQuarantined(testDb(), ops, row.id)).reason).toBe("手机号 137****8888 格式不对");
  });

  it("discards with a reason, and keeps other roles out", async () => {
    const bad = mallOrder({ items: [] });
    await push(bad);
    const ops = await actorFor("ops");
    const row = (await listQuarantine(testDb(), ops, { status: "OPEN", page: 1 })).rows.find((r) => r.platformOrderId === bad.orderNo)!;
    await discardQuarantined(testDb(), ops, { id: row.id, reason: "测试数据" });
    await expect(discardQuarantined(testDb(), ops, { id: row.id, reason: "again" })).rejects.toMatchObject({ code: "QUARANTINE_CLOSED" });
    for (const user of ["cs", "finance", "east"]) {
      await expect(listQuarantine(testDb(), await actorFor(user), { status: "ALL", page: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(dataQuality(testDb(), await actorFor(user), { days: 7 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("computes success rate, latency and null/invalid rates per channel and day", async () => {
    await push(mallOrder({ receiver: { name: "钱七", phone: "1234567", province: "浙江", city: "杭州市", detail: "文二路 9 号" } }));
    const q = await dataQuality(testDb(), await actorFor("admin"), { days: 7 });
    const today = q.rows.find((r) => r.channelId === "ch_own_mall")!;
    expect(today.attempts).toBeGreaterThan(today.quarantined);
    expect(today.quarantined).toBeGreaterThan(0);
    expect(today.successRate).toBeCloseTo((today.attempts - today.quarantined) / today.attempts);
    expect(today.latencyP50Ms).toBeGreaterThan(0);
    const rates = q.fieldRates.filter((f) => f.channelId === "ch_own_mall");
    expect(rates).toEqual(expect.arrayContaining([
      expect.objectContaining({ field: "receiver.phone", kind: "invalid" }),
      expect.objectContaining({ field: "receiver.district", kind: "null" }),
    ]));
    for (const r of rates) expect(r.rate).toBeGreaterThan(0);
  });
});
