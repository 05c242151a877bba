import type PgBoss from "pg-boss";
import type { DbClient } from "../db/client";
import { BUSINESS_TIME_ZONE } from "../time/biz-time";
import { httpPeer, runIntegrationHeartbeat, type HeartbeatPeer } from "./integration-heartbeat";
import { lifecycleJobs } from "../integrations/lifecycle-jobs";
import { importJobs } from "../ingestion/import/import-jobs";
import { pullJobs } from "../ingestion/pull/pull-jobs";
import { customerJobs } from "../customers/customer-jobs";
import { anomalyJobs } from "../anomalies/anomaly-jobs";
import { reconciliationJobs } from "../reconciliation/reconciliation-jobs";
import { dashboardJobs } from "../dashboards/dashboard-jobs";
import { alertDownPeers, integrationPeers } from "../integrations/peer-alerts";

/** The one job registry: every background job, its schedule (business zone) and its handler. */
export interface JobContext {
  db: DbClient;
  /** Base URL of the web app, for peers that are checked over HTTP. */
  webBaseUrl?: string;
  /** The queue itself, for jobs that publish (the outbox dispatcher). */
  boss?: PgBoss;
}

/** The running job as the handler sees it (retry bookkeeping for dead letters). */
export interface JobMeta {
  id: string;
  name: string;
  retryCount: number;
  retryLimit: number;
}

export interface JobDefinition {
  name: string;
  /** Cron in the business time zone; omit for jobs that only run on demand or on events. */
  cron?: string;
  handler: (ctx: JobContext, data: unknown, job?: JobMeta) => Promise<unknown>;
  /** pg-boss queue options (retries and backoff for integrations). */
  queueOptions?: Omit<PgBoss.Queue, "name">;
  /** Outbox events delivered to this queue (pg-boss publish/subscribe). */
  events?: string[];
  /** Jobs fetched per poll and seconds between polls (pg-boss waits the interval even after a full batch). */
  batchSize?: number;
  pollingIntervalSeconds?: number;
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
    handler: async (ctx) => alertDownPeers(ctx.db, await runIntegrationHeartbeat(ctx.db, [...heartbeatPeers(ctx), ...integrationPeers(ctx.webBaseUrl)])),
  },
  ...lifecycleJobs(),
  ...importJobs(),
  ...pullJobs(),
  ...customerJobs(),
  ...anomalyJobs(),
  ...reconciliationJobs(),
  ...dashboardJobs(),
];

/**
 * Creates the queues, schedules and workers on a started pg-boss. With the whole registry, a
 * schedule stored by an older version for a job that no longer has one is removed, so a retired
 * cron job stops being queued for nobody.
 */
export async function registerJobs(boss: PgBoss, ctx: JobContext, jobs: JobDefinition[] = JOBS): Promise<void> {
  if (jobs === JOBS) {
    const scheduled = new Set(jobs.filter((j) => j.cron).map((j) => j.name));
    for (const s of await boss.getSchedules()) if (!scheduled.has(s.name)) await boss.unschedule(s.name);
  }
  for (const job of jobs) {
    if (!(await boss.getQueue(job.name))) await boss.createQueue(job.name, { name: job.name, ...job.queueOptions });
    else if (job.queueOptions) await boss.updateQueue(job.name, { name: job.name, ...job.queueOptions });
    for (const event of job.events ?? []) await boss.subscribe(event, job.name);
    if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: BUSINESS_TIME_ZONE });
    const options = { includeMetadata: true as const, batchSize: job.batchSize ?? 1, pollingIntervalSeconds: job.pollingIntervalSeconds ?? 2 };
    await boss.work(job.name, options, async (batch) => {
      for (const j of batch) {
        try {
          await job.handler({ ...ctx, boss }, j.data, { id: j.id, name: j.name, retryCount: j.retryCount, retryLimit: j.retryLimit });
        } catch (err) {
          if (batch.length === 1) throw err;
          // One failure must not fail (and retry) the rest of the batch.
          await boss.fail(job.name, j.id, { message: String((err as Error)?.message ?? err) });
        }
      }
    });
  }
}
