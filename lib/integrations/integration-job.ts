import type { JobContext, JobDefinition, JobMeta } from "../jobs/registry";
import { recordDeadLetter } from "./dead-letters";
import { DEFAULT_QUICK_RETRY, isPermanent, withRetries, type QuickRetry } from "./with-retries";

export interface RetryPolicy {
  /** In-process tries first (default 3, 5 s apart) … */
  quick: QuickRetry;
  /** … then pg-boss retries with exponential backoff (retryDelay seconds doubling). */
  retryLimit: number;
  retryDelaySeconds: number;
}
export const DEFAULT_RETRY: RetryPolicy = { quick: DEFAULT_QUICK_RETRY, retryLimit: 5, retryDelaySeconds: 30 };

/**
 * An integration job: quick tries, then pg-boss exponential backoff, and when the last attempt
 * fails a dead letter (listed on the 集成 page with a re-run) and an alert.
 */
export function integrationJob(
  name: string,
  run: (ctx: JobContext, data: unknown) => Promise<unknown>,
  opts: { events?: string[]; retry?: RetryPolicy; cron?: string } = {},
): JobDefinition {
  const retry = opts.retry ?? DEFAULT_RETRY;
  return {
    name,
    cron: opts.cron,
    events: opts.events,
    queueOptions: { retryLimit: retry.retryLimit, retryDelay: retry.retryDelaySeconds, retryBackoff: true },
    batchSize: 10,
    pollingIntervalSeconds: 1,
    handler: async (ctx, data, job?: JobMeta) => {
      try {
        return await withRetries(() => run(ctx, data), retry.quick);
      } catch (err) {
        const last = !job || isPermanent(err) || job.retryCount >= job.retryLimit;
        if (last) {
          await recordDeadLetter(ctx.db, { queue: name, jobId: job?.id, payload: data, error: err });
          return { deadLettered: true }; // done: a person decides on the re-run
        }
        throw err;
      }
    },
  };
}
