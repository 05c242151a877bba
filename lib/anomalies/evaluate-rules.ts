import { SYSTEM_ACTOR_NAME } from "../access/actor";
import type { DbClient } from "../db/client";
import { Prisma } from "../db/generated/prisma/client";
import { isAppError } from "../errors/app-error";
import { hold } from "../lifecycle/control-actions";
import { systemActor } from "../lifecycle/order-actor";
import { logger } from "../log/logger";
import { loadRuleSettings } from "./rule-settings";
import { candidatesSql, NON_ORDER_SUBJECT, type RuleQueryContext } from "./rule-sql";
import { APPROVAL_RULES, isApprovalRule, RULES, settingFor, type RuleCode, type RuleSetting } from "./rules";

/** The outbox event (lib/outbox) that carries one webhook delivery of a severe exception to its job. */
export const EXCEPTION_ALERT_EVENT = "EXCEPTION_ALERT";

export interface RuleOutcome {
  code: RuleCode;
  raised: number;
  closed: number;
  ms: number;
}

export interface EvaluateOptions {
  now?: Date;
  /** The orders of an event; omitted: the scheduled scan over everything. */
  orderIds?: string[];
  only?: readonly RuleCode[];
  /** Hold orders newly waiting for an approval (default true; the demo seed records pending approvals only). */
  holdForApproval?: boolean;
}

/**
 * Runs every enabled rule as one statement each: insert the matching subjects that have no open
 * exception yet (the dedupe key makes a repeat a no-op), close the open ones whose subject no longer
 * matches (recording why), and for severe rules queue one webhook delivery per enabled robot through
 * the outbox. Approval rules also record the pending approval and hold the order.
 */
export async function evaluateRules(db: DbClient, opts: EvaluateOptions = {}): Promise<RuleOutcome[]> {
  const now = opts.now ?? new Date();
  const settings = await loadRuleSettings(db);
  const address = (settings.find((s) => s.code === "ADDRESS_KEYWORD") as RuleSetting<"ADDRESS_KEYWORD"> | undefined)?.params ?? settingFor("ADDRESS_KEYWORD").params;
  const ctx: RuleQueryContext = { now, ids: opts.orderIds ?? null, address };
  // A scan can follow one that raised thousands of rows: with stale statistics the planner takes the
  // open exceptions for a handful and anti-joins them by nested loop (minutes instead of seconds).
  if (!ctx.ids) await db.$executeRawUnsafe("ANALYZE order_exceptions, order_approvals");
  const out: RuleOutcome[] = [];
  for (const setting of settings) {
    if (!setting.enabled || (opts.only && !opts.only.includes(setting.code))) continue;
    const started = performance.now();
    const { raised, closed } = await runRule(db, setting, ctx);
    if (isApprovalRule(setting.code) && raised.length) await recordApprovals(db, setting.code, raised, opts.holdForApproval ?? true);
    out.push({ code: setting.code, raised: raised.length, closed, ms: Math.round(performance.now() - started) });
  }
  return out;
}

async function runRule(db: DbClient, setting: RuleSetting, ctx: RuleQueryContext) {
  const { code, severity } = setting;
  const def = RULES[code];
  const due = new Date(ctx.now.getTime() + setting.params.slaMinutes * 60_000);
  const closes = def.selfCloses && !(ctx.ids && NON_ORDER_SUBJECT.has(code));
  const alerts = severity === "SEVERE"
    ? Prisma.sql`, dl AS (
        INSERT INTO alert_deliveries (id, webhook_id, exception_id)
        SELECT gen_random_uuid()::text, w.id, ins.id FROM ins CROSS JOIN alert_webhooks w WHERE w.enabled RETURNING id
      ), ob AS (
        INSERT INTO outbox_events (event_type, payload) SELECT ${EXCEPTION_ALERT_EVENT}, jsonb_build_object('deliveryId', dl.id) FROM dl
      )`
    : Prisma.empty;
  const closing = closes
    ? Prisma.sql`, gone AS (
        SELECT x.id, CASE WHEN o.status = 'CANCELLED' THEN 'ORDER_CANCELLED' ELSE ${def.closeReason} END AS reason
        FROM order_exceptions x LEFT JOIN orders o ON o.id = x.order_id
        WHERE x.rule_code = ${code} AND x.status IN ('OPEN', 'CLAIMED')
          ${ctx.ids ? Prisma.sql`AND x.order_id = ANY(${ctx.ids}::text[])` : Prisma.empty}
          AND NOT EXISTS (SELECT 1 FROM c WHERE ${code} || ':' || c.subject = x.dedupe_key)
      ), closed AS (
        UPDATE order_exceptions x SET status = 'AUTO_CLOSED', closed_at = ${ctx.now}, close_reason = g.reason, dedupe_key = NULL, updated_at = ${ctx.now}
        FROM gone g WHERE x.id = g.id RETURNING x.id, g.reason
      ), closed_ev AS (
        INSERT INTO exception_events (id, exception_id, kind, body, actor_name, created_at)
        SELECT gen_random_uuid()::text, id, 'AUTO_CLOSED', reason, ${SYSTEM_ACTOR_NAME}, ${ctx.now} FROM closed
      )`
    : Prisma.sql`, closed AS (SELECT NULL::text AS id WHERE false)`;
  const rows = await db.$queryRaw<{ raised: { id: string; orderId: string | null }[]; closed: number }[]>`
    WITH c AS MATERIALIZED (${candidatesSql(setting, ctx)}),
    ins AS (
      INSERT INTO order_exceptions (id, order_id, channel_id, rule_code, severity, dedupe_key, detail, opened_at, due_at, updated_at)
      SELECT gen_random_uuid()::text, c.order_id, c.channel_id, ${code}, ${severity}::"ExceptionSeverity", ${code} || ':' || c.subject, c.detail, ${ctx.now}, ${due}, ${ctx.now}
      FROM c
      ON CONFLICT (dedupe_key) DO NOTHING
      RETURNING id, order_id
    ) ${alerts} ${closing}
    SELECT (SELECT COALESCE(json_agg(json_build_object('id', id, 'orderId', order_id)), '[]'::json) FROM ins) AS raised,
           (SELECT count(*)::int FROM closed) AS closed`;
  return rows[0];
}

/** A pending approval per newly flagged order; a PAID order is held (拦截) until someone decides. */
async function recordApprovals(db: DbClient, code: keyof typeof APPROVAL_RULES, raised: { id: string; orderId: string | null }[], holdOrders: boolean) {
  const kind = APPROVAL_RULES[code];
  const ids = raised.map((r) => r.id);
  await db.$executeRaw`
    INSERT INTO order_approvals (id, order_id, kind, region, detail)
    SELECT gen_random_uuid()::text, x.order_id, ${kind}, o.receiver_region, x.detail
    FROM order_exceptions x JOIN orders o ON o.id = x.order_id WHERE x.id = ANY(${ids}::text[])
    ON CONFLICT (order_id, kind) DO NOTHING`;
  if (!holdOrders) return;
  const paid = await db.order.findMany({ where: { id: { in: raised.flatMap((r) => (r.orderId ? [r.orderId] : [])) }, status: "PAID" }, select: { id: true } });
  for (const o of paid) {
    try {
      await hold(db, o.id, { by: systemActor("异常规则"), source: "SCHEDULER", idempotencyKey: `approval-hold:${kind}:${o.id}`, reason: kind === "LOW_PRICE" ? "超低价订单，发货前需经理审批" : "订单金额超过阈值，需区域经理审批" });
    } catch (err) {
      // Moved on meanwhile (pushed, cancelled): the push gate still refuses it until approved.
      if (!isAppError(err) || err.code !== "ILLEGAL_TRANSITION") throw err;
      logger.info({ orderId: o.id, kind }, "approval hold skipped: order no longer PAID");
    }
  }
}
