/**
 * Pull sync of one channel (SPEC §1): pages through the platform's order API by modified time from
 * the stored cursor to now (with a small overlap, since platforms commit late), in slices no longer
 * than the platform allows, sends every order through the one write path, and moves the cursor only
 * past slices that were read whole. Each request carries the platform's own signature. Rate-limit
 * answers and server errors are retried with exponential backoff; a run that gives up keeps the
 * cursor, so the next run reads the window again (the upsert makes that harmless).
 */
import type { DbClient } from "../../db/client";
import type { Platform } from "../../db/generated/prisma/enums";
import { logger } from "../../log/logger";
import { ingestNativeBatch } from "../ingest-native";
import { parseJsonLossless } from "../mappers";
import { pageRequest, readPage } from "../simulator/platform-envelopes";

export interface PullOptions {
  baseUrl: string;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  fetch?: typeof fetch;
  pageSize?: number;
  maxPages?: number;
  maxAttempts?: number;
  baseDelayMs?: number;
}

export interface PullResult {
  ok: boolean;
  pages: number;
  orders: number;
  stored: number;
  /** Of those stored, new to the hub (an order on a slice boundary is read twice, stored once). */
  created: number;
  quarantined: number;
  retries: number;
  errorCode?: string;
}

/** First run: how far back to read. Later runs re-read this much before the cursor. */
export const FIRST_WINDOW_MS = 3 * 86_400_000;
export const OVERLAP_MS = 60_000;
/** The longest window one query may span (tmall-jd.md §1.1: increment ≤ 1 day; pdd-douyin.md §1.1: ≤ 30 min). */
export const MAX_WINDOW_MS: Partial<Record<Platform, number>> = { TMALL: 86_400_000, PDD: 30 * 60_000 };

class PullError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

export async function pullChannel(db: DbClient, channelId: string, opts: PullOptions): Promise<PullResult> {
  const now = opts.now ?? (() => new Date());
  const sleep = opts.sleep ?? ((ms) => new Promise<void>((r) => setTimeout(r, ms)));
  const doFetch = opts.fetch ?? fetch;
  const pageSize = opts.pageSize ?? 50;
  const maxAttempts = opts.maxAttempts ?? 5;
  const baseDelay = opts.baseDelayMs ?? 500;
  const channel = await db.channel.findUniqueOrThrow({ where: { id: channelId }, select: { id: true, platform: true, shopCode: true, appKey: true, secret: true } });
  const cursor = await db.pullCursor.upsert({ where: { channelId }, create: { channelId }, update: {}, select: { cursorAt: true, accessToken: true } });
  const credentials = { shopCode: channel.shopCode, appKey: channel.appKey, secret: channel.secret, accessToken: cursor.accessToken };
  const to = now();
  const from = cursor.cursorAt ? new Date(cursor.cursorAt.getTime() - OVERLAP_MS) : new Date(to.getTime() - FIRST_WINDOW_MS);
  const result: PullResult = { ok: false, pages: 0, orders: 0, stored: 0, created: 0, quarantined: 0, retries: 0 };

  const fetchPage = async (from: Date, to: Date, page: number) => {
    for (let attempt = 1; ; attempt++) {
      let reading: ReturnType<typeof readPage> | null = null;
      let failure = "NETWORK_ERROR";
      try {
        // Signed afresh on every attempt: platforms refuse a stale timestamp.
        const req = pageRequest(channel.platform, credentials, { from, to, page, pageSize });
        const res = await doFetch(`${opts.baseUrl.replace(/\/$/, "")}${req.path}`, { method: req.method, headers: req.headers, body: req.body, signal: AbortSignal.timeout(15_000) });
        const text = await res.text();
        if (res.status === 429) reading = { kind: "rateLimited" };
        else if (res.status >= 500) failure = `HTTP_${res.status}`;
        else if (res.status >= 400) throw new PullError(`HTTP_${res.status}`); // our request is wrong: retrying will not help
        else reading = readPage(channel.platform, parseJsonLossless(text), page, pageSize);
      } catch (e) {
        if (e instanceof PullError) throw e;
        failure = e instanceof SyntaxError ? "INVALID_JSON" : "NETWORK_ERROR";
      }
      if (reading?.kind === "page") return reading;
      if (reading?.kind === "error") throw new PullError(reading.code);
      if (reading?.kind === "rateLimited") failure = "RATE_LIMITED";
      if (attempt >= maxAttempts) throw new PullError(failure);
      result.retries++;
      // Exponential backoff with jitter, so several workers do not retry in step.
      await sleep(baseDelay * 2 ** (attempt - 1) * (0.75 + Math.random() * 0.5));
    }
  };

  try {
    // The platforms cap the window of one query (TOP 1 day, PDD 30 minutes): read it slice by slice,
    // moving the cursor after each, so a run that gives up later resumes where it stopped.
    const maxWindow = MAX_WINDOW_MS[channel.platform] ?? Infinity;
    for (let sliceFrom = from; sliceFrom < to; ) {
      const sliceTo = new Date(Math.min(to.getTime(), sliceFrom.getTime() + maxWindow));
      for (let page = 1; page <= (opts.maxPages ?? 1000); page++) {
        const p = await fetchPage(sliceFrom, sliceTo, page);
        result.pages++;
        for (const r of await ingestNativeBatch(db, channel, p.orders, { source: "PLATFORM_PULL" })) {
          result.orders++;
          if (r.ok) {
            result.stored++;
            if (r.outcome === "CREATED") result.created++;
          } else result.quarantined++;
        }
        if (!p.hasNext) break;
      }
      if (sliceTo < to) await db.pullCursor.update({ where: { channelId }, data: { cursorAt: sliceTo } });
      sliceFrom = sliceTo;
    }
    result.ok = true;
    await db.pullCursor.update({ where: { channelId }, data: { cursorAt: to, lastRunAt: to, lastOkAt: to, lastErrorCode: null, runs: { increment: 1 } } });
  } catch (e) {
    result.errorCode = e instanceof PullError ? e.code : "INTERNAL";
    if (!(e instanceof PullError)) logger.error({ err: e, channelId }, "pull sync failed");
    await db.pullCursor.update({ where: { channelId }, data: { lastRunAt: to, lastErrorCode: result.errorCode, runs: { increment: 1 }, failedRuns: { increment: 1 } } });
  }
  return result;
}
