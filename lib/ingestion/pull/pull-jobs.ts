/**
 * The pull-sync job (declared in lib/jobs/registry.ts): every minute it pulls each active channel
 * whose pull_interval_minutes have passed since its last run. The platform API base URL is the
 * channel's pull_cursors.base_url, else PLATFORM_API_BASE_URL; with neither (the demo), the worker
 * starts the platform simulator in-process and pulls from it.
 */
import type { DbClient } from "../../db/client";
import type { JobDefinition } from "../../jobs/registry";
import { startPlatformSimulator } from "../simulator/platform-simulator";
import { pullChannel, type PullOptions, type PullResult } from "./pull-channel";

const g = globalThis as unknown as { orderHubSimulator?: Promise<string> };

async function defaultBaseUrl(): Promise<string | null> {
  if (process.env.PLATFORM_API_BASE_URL) return process.env.PLATFORM_API_BASE_URL;
  // Tests pass their own simulator; a worker started by a test must not fill its database.
  if (process.env.VITEST || process.env.PLATFORM_SIMULATOR === "off") return null;
  g.orderHubSimulator ??= startPlatformSimulator({ rateLimitEvery: 7, errorEvery: 23 }).then((s) => s.url);
  return g.orderHubSimulator;
}

/** Pulls every channel that is due; `force` pulls all (the 数据接入 page's "sync now", the tests). */
export async function pullDueChannels(db: DbClient, opts: { now?: Date; force?: boolean; baseUrl?: string; sleep?: PullOptions["sleep"] } = {}): Promise<Record<string, PullResult>> {
  const now = opts.now ?? new Date();
  const channels = await db.channel.findMany({
    where: { active: true },
    select: { id: true, pullIntervalMinutes: true, pullCursor: { select: { lastRunAt: true, baseUrl: true } } },
    orderBy: { id: "asc" },
    take: 500,
  });
  const out: Record<string, PullResult> = {};
  for (const c of channels) {
    const last = c.pullCursor?.lastRunAt?.getTime() ?? 0;
    if (!opts.force && now.getTime() - last < c.pullIntervalMinutes * 60_000) continue;
    const baseUrl = c.pullCursor?.baseUrl ?? opts.baseUrl ?? (await defaultBaseUrl());
    if (!baseUrl) continue;
    out[c.id] = await pullChannel(db, c.id, { baseUrl, now: () => now, sleep: opts.sleep });
  }
  return out;
}

export function pullJobs(): JobDefinition[] {
  return [{ name: "ingestion-pull", cron: "* * * * *", handler: (ctx) => pullDueChannels(ctx.db) }];
}
