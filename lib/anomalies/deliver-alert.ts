import type { DbClient } from "../db/client";
import { PermanentError } from "../integrations/with-retries";
import { robotAccepted, robotBody, signedUrl, type WebhookKind } from "./robot-message";

/**
 * Consumer of EXCEPTION_ALERT: posts one severe exception to one robot webhook. A failure throws so
 * the integration job retries it (quick tries, then pg-boss backoff, then a dead letter on 集成).
 */
export async function deliverAlert(db: DbClient, data: unknown, opts: { publicUrl?: string; timeoutMs?: number } = {}) {
  const deliveryId = (data as { deliveryId?: unknown })?.deliveryId;
  if (typeof deliveryId !== "string") throw new PermanentError("event without deliveryId");
  const d = await db.alertDelivery.findUnique({
    where: { id: deliveryId },
    include: {
      webhook: { select: { kind: true, url: true, secret: true, enabled: true } },
      exception: { select: { id: true, ruleCode: true, severity: true, openedAt: true, dueAt: true, detail: true, order: { select: { orderNo: true, paidFen: true } } } },
    },
  });
  if (!d) throw new PermanentError(`delivery ${deliveryId} not found`);
  if (d.status === "SENT") return { skipped: "already sent" };
  if (!d.webhook.enabled) return { skipped: "webhook disabled" };
  const ex = d.exception;
  const body = robotBody(d.webhook.kind as WebhookKind, {
    ruleCode: ex.ruleCode, severity: ex.severity, orderNo: ex.order?.orderNo ?? null, paidFen: ex.order?.paidFen ?? null,
    openedAt: ex.openedAt, dueAt: ex.dueAt, detail: ex.detail, link: opts.publicUrl ? `${opts.publicUrl}/exceptions?id=${ex.id}` : null,
  });
  let status = 0;
  let reply: unknown = null;
  try {
    const res = await fetch(signedUrl(d.webhook.kind as WebhookKind, d.webhook.url, d.webhook.secret), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(opts.timeoutMs ?? 5_000),
    });
    status = res.status;
    reply = await res.json().catch(() => null);
  } catch (err) {
    await db.alertDelivery.update({ where: { id: d.id }, data: { attempts: { increment: 1 }, lastError: String((err as Error).message ?? err).slice(0, 500) } });
    throw err;
  }
  if (!robotAccepted(status, reply)) {
    const error = `HTTP ${status} ${JSON.stringify(reply)?.slice(0, 300)}`;
    await db.alertDelivery.update({ where: { id: d.id }, data: { attempts: { increment: 1 }, lastError: error, responseCode: status } });
    throw new Error(`robot refused: ${error}`);
  }
  await db.alertDelivery.update({ where: { id: d.id }, data: { attempts: { increment: 1 }, status: "SENT", sentAt: new Date(), responseCode: status, lastError: null } });
  return { sent: d.id };
}
