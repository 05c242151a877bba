import type { JobDefinition } from "../jobs/registry";
import { OUTBOX_EVENT_TYPES } from "../outbox/enqueue-outbox-event";
import { applyOrders, rebuildRollups, refreshRollups } from "./refresh-rollups";

/** The dashboards' jobs (issue 7), appended to lib/jobs/registry.ts. */
export function dashboardJobs(): JobDefinition[] {
  return [
    {
      // Events: every order event applies that order at once (the live tier), including ingestion
      // updates that leave the status alone (they write no status-log row for the feed).
      name: "dashboard-rollup-events",
      events: [...OUTBOX_EVENT_TYPES],
      batchSize: 50,
      pollingIntervalSeconds: 2,
      handler: async (ctx, data) => {
        const orderId = (data as { orderId?: unknown } | null)?.orderId;
        return typeof orderId === "string" ? { orders: await applyOrders(ctx.db, [orderId]) } : { orders: 0 };
      },
    },
    {
      // The change feed catches what sends no event (ingestion status changes, contact notes, refusals).
      name: "dashboard-rollup-refresh",
      cron: "* * * * *",
      queueOptions: { policy: "stately", expireInSeconds: 900, retryLimit: 0 },
      handler: (ctx) => refreshRollups(ctx.db),
    },
    { name: "dashboard-rollup-rebuild", cron: "30 3 * * *", queueOptions: { expireInSeconds: 3600 }, handler: (ctx) => rebuildRollups(ctx.db) },
  ];
}
