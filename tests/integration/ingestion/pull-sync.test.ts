import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pullChannel } from "../../../lib/ingestion/pull/pull-channel";
import { pullDueChannels } from "../../../lib/ingestion/pull/pull-jobs";
import { startPlatformSimulator, type RunningSimulator } from "../../../lib/ingestion/simulator/platform-simulator";
import { testDb } from "../helpers";

const NOW = new Date("2026-11-29T12:00:00+08:00");
const noSleep = async () => {};
let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startPlatformSimulator({ count: 240, seed: 31, rateLimitEvery: 4, errorEvery: 9, now: () => NOW.getTime() });
});
afterAll(async () => {
  await sim.close();
});

describe("pull sync against the platform simulator", () => {
  it("pages every platform by modified time through rate limits and errors, then resumes from the cursor", async () => {
    const db = testDb();
    const before = await db.order.count();
    const first = await pullDueChannels(db, { force: true, baseUrl: sim.url, now: NOW, sleep: noSleep });
    expect(Object.keys(first).sort()).toEqual(["ch_douyin", "ch_jd", "ch_own_mall", "ch_pdd", "ch_pos", "ch_tmall"]);
    for (const [id, r] of Object.entries(first)) {
      expect(r.ok, `${id}: ${r.errorCode}`).toBe(true);
      expect(r.orders).toBeGreaterThan(0);
    }
    const pulled = Object.values(first).reduce((s, r) => s + r.orders, 0);
    const stored = Object.values(first).reduce((s, r) => s + r.stored, 0);
    const created = Object.values(first).reduce((s, r) => s + r.created, 0);
    expect(Object.values(first).reduce((s, r) => s + r.retries, 0)).toBeGreaterThan(0);
    expect(stored).toBeGreaterThan(pulled * 0.9);
    expect(await db.order.count()).toBe(before + created);
    expect(first.ch_tmall.pages).toBeGreaterThanOrEqual(3); // 3 days in slices of at most 1 day
    expect(first.ch_pdd.pages).toBeGreaterThanOrEqual(144); // and 30 minutes for PDD
    const log = await db.orderStatusLog.findFirst({ where: { source: "PLATFORM_PULL" } });
    expect(log).not.toBeNull();
    const cursor = await db.pullCursor.findUniqueOrThrow({ where: { channelId: "ch_tmall" } });
    expect(cursor).toMatchObject({ cursorAt: NOW, lastErrorCode: null });

    // Next run: nothing new on the platform, nothing changes in the hub.
    const again = await pullDueChannels(db, { force: true, baseUrl: sim.url, now: NOW, sleep: noSleep });
    expect(Object.values(again).every((r) => r.ok)).toBe(true);
    expect(await db.order.count()).toBe(before + created);
  });

  it("gives up after the retries, records the failure and keeps the cursor", async () => {
    const db = testDb();
    const flaky = await startPlatformSimulator({ count: 20, seed: 5, rateLimitEvery: 1, now: () => NOW.getTime() });
    try {
      const cursorBefore = (await db.pullCursor.findUnique({ where: { channelId: "ch_pdd" } }))?.cursorAt ?? null;
      const sleeps: number[] = [];
      const r = await pullChannel(db, "ch_pdd", { baseUrl: flaky.url, now: () => new Date(NOW.getTime() + 60_000), sleep: async (ms) => void sleeps.push(ms), maxAttempts: 4, baseDelayMs: 100 });
      expect(r).toMatchObject({ ok: false, errorCode: "RATE_LIMITED", retries: 3 });
      expect(sleeps[1]).toBeGreaterThan(sleeps[0]); // backoff grows
      const c = await db.pullCursor.findUniqueOrThrow({ where: { channelId: "ch_pdd" } });
      expect(c.cursorAt).toEqual(cursorBefore);
      expect(c.lastErrorCode).toBe("RATE_LIMITED");
      expect(c.failedRuns).toBeGreaterThanOrEqual(1);
    } finally {
      await flaky.close();
    }
  });

  it("signs every request with the platform's own scheme: a wrong secret gets the platform's error envelope and no retries", async () => {
    const db = testDb();
    const strict = await startPlatformSimulator({ count: 20, seed: 5, now: () => NOW.getTime() });
    const expected = { ch_tmall: "PLATFORM_25", ch_jd: "PLATFORM_66", ch_pdd: "PLATFORM_10014", ch_douyin: "PLATFORM_40004", ch_own_mall: "HTTP_401" };
    try {
      for (const [id, code] of Object.entries(expected)) {
        const { secret } = await db.channel.findUniqueOrThrow({ where: { id }, select: { secret: true } });
        await db.channel.update({ where: { id }, data: { secret: "not-the-shop-secret" } });
        try {
          const r = await pullChannel(db, id, { baseUrl: strict.url, now: () => NOW, sleep: noSleep });
          expect(r, id).toMatchObject({ ok: false, errorCode: code, retries: 0 });
        } finally {
          await db.channel.update({ where: { id }, data: { secret } });
        }
        expect((await pullChannel(db, id, { baseUrl: strict.url, now: () => NOW, sleep: noSleep })).ok, id).toBe(true);
      }
    } finally {
      await strict.close();
    }
  });

  it("is honoured by pullDueChannels: a channel is not pulled again before its interval", async () => {
    const r = await pullDueChannels(testDb(), { baseUrl: sim.url, now: new Date(NOW.getTime() + 5 * 60_000) });
    expect(r.ch_tmall).toBeUndefined();
  });
});
