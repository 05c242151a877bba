import type PgBoss from "pg-boss";
import type { DbClient } from "../db/client";
import { BUSINESS_TIME_ZONE } from "../time/biz-time";
import { httpPeer, runIntegrationHeartbeat, type HeartbeatPeer } from "./integration-heartbeat";

/** The one job registry: every background job, its schedule (business zone) and its handler. */
export interface JobContext {
  db: DbClient;
  /** Base URL of the web app, for peers that are checked over HTTP. */
  webBaseUrl?: string;
}

export interface JobDefinition {
  name: string;
  /** Cron in the business time zone; omit for jobs that only run on demand or on events. */
  cron?: string;
  handler: (ctx: JobContext, data: unknown) => Promise<unknown>;
}

function heartbeatPeers(ctx: JobContext): HeartbeatPeer[] {
  const peers: HeartbeatPeer[] = [{ name: "database", check: async () => void (await ctx.db.$queryRaw`SELECT 1`) }];
  if (ctx.webBaseUrl) peers.push(httpPeer("web", `${ctx.webBaseUrl}/api/health`));
  return peers;
}

export const JOBS: JobDefinition[] = [
  {
    name: "integration-heartbeat",
    cron: "*/5 * * * *",
    handler: (ctx) => runIntegrationHeartbeat(ctx.db, heartbeatPeers(ctx)),
  },
];

/** Creates the queues, schedules and workers on a started pg-boss. */
export async function registerJobs(boss: PgBoss, ctx: JobContext, jobs: JobDefinition[] = JOBS): Promise<void> {
  for (const job of jobs) {
    if (!(await boss.getQueue(job.name))) await boss.createQueue(job.name);
    if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: BUSINESS_TIME_ZONE });
    await boss.work(job.name, async (batch) => {
      for (const j of batch) await job.handler(ctx, j.data);
    });
  }
}
