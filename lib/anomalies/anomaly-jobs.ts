import { integrationJob, type RetryPolicy } from "../integrations/integration-job";
import type { JobDefinition } from "../jobs/registry";
import { deliverAlert } from "./deliver-alert";
import { EXCEPTION_ALERT_EVENT, evaluateRules } from "./evaluate-rules";

/** Order events after which an order's rules are re-evaluated (raise new, close what went away). */
export const RULE_EVENTS = [
  "ORDER_CREATED", "ORDER_PAID", "ORDER_PUSHED", "ORDER_SHIPPED", "ORDER_DELIVERED", "ORDER_CANCELLED",
  "ORDER_HELD", "ORDER_RELEASED", "REFUND_COMPLETED", "ORDER_FLAGGED",
];

/** The anomaly workbench's jobs (issue 6), appended to lib/jobs/registry.ts. */
export function anomalyJobs(opts: { retry?: RetryPolicy; publicUrl?: string } = {}): JobDefinition[] {
  return [
    // The scheduled scan: time-based rules (paid 2 h, 48 h without logistics, stock) and a safety net for missed events.
    { name: "anomaly-scan", cron: "*/5 * * * *", queueOptions: { policy: "stately", retryLimit: 0 }, handler: (ctx) => evaluateRules(ctx.db) },
    {
      name: "anomaly-order-event",
      events: RULE_EVENTS,
      batchSize: 20,
      pollingIntervalSeconds: 2,
      handler: async (ctx, data) => {
        const orderId = (data as { orderId?: unknown })?.orderId;
        return typeof orderId === "string" ? evaluateRules(ctx.db, { orderIds: [orderId] }) : { skipped: "no orderId" };
      },
    },
    integrationJob("anomaly-webhook", (ctx, data) => deliverAlert(ctx.db, data, { publicUrl: opts.publicUrl ?? ctx.webBaseUrl }), { events: [EXCEPTION_ALERT_EVENT], retry: opts.retry }),
  ];
}
