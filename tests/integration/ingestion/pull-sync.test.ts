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
    const first = await pullDueChannels(db, { force: true, baseUrl: sim.url, now: NOW });
    expect(Object.keys(first).sort()).toEqual(["ch_douyin", "ch_jd", "ch_own_mall", "ch_pdd", "ch_pos", "ch_tmall"]);
    for (const [id, r] of Object.entries(first)) {
      expect(r.ok, `${id}: ${r.errorCode}`).toBe(true);
      expect(r.orders).toBeGreaterThan(0);
    }
    const pulled = Object.values(first).reduce((s, r) => s + r.orders, 0);
    const stored = Object.values(first).reduce((s, r) => s + r.stored, 0);
    expect(Object.values(first).reduce((s, r) => s + r.retries, 0)).toBeGreaterThan(0);
    expect(stored).toBeGreaterThan(pulled * 0.9);
    expect(await db.order.count()).toBe(before + stored);
    expect(first.ch_tmall.pages).toBeGreaterThanOrEqual(1);
    const log = await db.orderStatusLog.findFirst({ where: { source: "PLATFORM_PULL" } });
    expect(log).not.toBeNull();
    const cursor = await db.pullCursor.findUniqueOrThrow({ where: { channelId: "ch_tmall" } });
    expect(cursor).toMatchObject({ cursorAt: NOW, lastErrorCode: null });

    // Next run: nothing new on the platform, nothing changes in the hub.
    const again = await pullDueChannels(db, { force: true, baseUrl: sim.url, now: NOW });
    expect(Object.values(again).every((r) => r.ok)).toBe(true);
    expect(await db.order.count()).toBe(before + stored);
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

  it("is honoured by pullDueChannels: a channel is not pulled again before its interval", async () => {
    const r = await pullDueChannels(testDb(), { baseUrl: sim.url, now: new Date(NOW.getTime() + 5 * 60_000) });
    expect(r.ch_tmall).toBeUndefined();
    void noSleep;
  });
});
