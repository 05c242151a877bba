import type { JobDefinition } from "../jobs/registry";
import { bossPublisher, dispatchOutbox } from "../outbox/dispatch-outbox";
import { integrationJob, type RetryPolicy } from "./integration-job";
import { kuaidi100QueryConfig } from "./logistics/kuaidi100";
import { pollTracking } from "./logistics/poll-tracking";
import { rematchParkedCallbacks } from "./rematch-parked";
import { scanUnlinkedPayments } from "./scan-unlinked-payments";
import { pushOrderToWms } from "./wms/push-order-to-wms";
import { wmsConfig, type WmsConfig } from "./wms/wms-config";

export const OUTBOX_DISPATCH = "outbox-dispatch";

/** The lifecycle's jobs (issue 4), appended to lib/jobs/registry.ts. Options exist for tests. */
export function lifecycleJobs(opts: { retry?: RetryPolicy; wms?: WmsConfig; dispatchEverySeconds?: number } = {}): JobDefinition[] {
  const every = opts.dispatchEverySeconds ?? 1;
  return [
    {
      // Publishes the outbox to pg-boss. Cron is the safety net; each run schedules the next in `every` s
      // (the stately policy keeps at most one waiting).
      name: OUTBOX_DISPATCH,
      cron: "* * * * *",
      // A run abandoned by a stopped worker expires fast, so it never blocks the next one for long.
      queueOptions: { policy: "stately", expireInSeconds: 60, retryLimit: 0 },
      pollingIntervalSeconds: 1,
      handler: async (ctx) => {
        if (!ctx.boss) throw new Error("outbox-dispatch needs the queue");
        const out = await dispatchOutbox(ctx.db, bossPublisher(ctx.boss));
        await ctx.boss.send(OUTBOX_DISPATCH, {}, { startAfter: every }).catch(() => null); // stopping: the cron restarts it
        return out;
      },
    },
    integrationJob("wms-push", (ctx, data) => pushOrderToWms(ctx.db, opts.wms ?? wmsConfig(ctx.webBaseUrl), data), { events: ["ORDER_PAID"], retry: opts.retry }),
    { name: "inbound-rematch", cron: "*/10 * * * *", handler: (ctx) => rematchParkedCallbacks(ctx.db, { webBaseUrl: ctx.webBaseUrl }) },
    integrationJob("logistics-poll", (ctx) => pollTracking(ctx.db, { query: kuaidi100QueryConfig(ctx.webBaseUrl) }), { cron: "0 */6 * * *", retry: opts.retry }),
    { name: "unlinked-payments-scan", cron: "0 2 * * *", handler: (ctx) => scanUnlinkedPayments(ctx.db) },
  ];
}
