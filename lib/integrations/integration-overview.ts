import { assertCan, type Actor } from "../access/actor";
import type { Db } from "../db/client";
import { listDeadLetters } from "./dead-letters";

/** Everything the 集成 page shows: peer heartbeats, dead letters, open alerts, recent callbacks, outbox backlog. */
export async function getIntegrationOverview(db: Db, actor: Actor) {
  assertCan(actor, "integration.manage");
  const peers = await latestHeartbeats(db);
  const [deadLetters, alerts, inbound, outboxBacklog] = await Promise.all([
    listDeadLetters(db, actor, { take: 50 }),
    db.orderAlert.findMany({
      where: { resolvedAt: null, kind: { in: ["INTEGRATION_GAVE_UP", "PEER_DOWN", "RECONCILE_PAYMENT", "UNLINKED_PAYMENT", "ORPHAN_CALLBACK"] } },
      orderBy: { createdAt: "desc" }, take: 50,
      select: { id: true, kind: true, orderId: true, detail: true, createdAt: true },
    }),
    db.inboundRequest.findMany({
      orderBy: { receivedAt: "desc" }, take: 30,
      select: { id: true, source: true, outcome: true, errorCode: true, dedupeKey: true, orderId: true, receivedAt: true },
    }),
    db.outboxEvent.count({ where: { publishedAt: null } }),
  ]);
  return {
    peers,
    deadLetters: deadLetters.map((d) => ({ id: d.id, queue: d.queue, lastError: d.lastError, failedAt: d.failedAt, orderId: (d.payload as { orderId?: string })?.orderId ?? null })),
    alerts: alerts.map((a) => ({ ...a, detail: summarize(a.detail) })),
    inbound,
    outboxBacklog,
  };
}

/** Each peer's latest check in the last 7 days, and since when it has been down (the first failure after its last success). */
export async function latestHeartbeats(db: Db) {
  return db.$queryRaw<{ peer: string; ok: boolean; latencyMs: number | null; detail: string | null; checkedAt: Date; downSince: Date | null }[]>`
    SELECT DISTINCT ON (h.peer) h.peer, h.ok, h.latency_ms AS "latencyMs", h.detail, h.checked_at AS "checkedAt",
           CASE WHEN NOT h.ok THEN (SELECT min(d.checked_at) FROM integration_heartbeats d
                                     WHERE d.peer = h.peer AND NOT d.ok AND d.checked_at > coalesce(
                                       (SELECT max(u.checked_at) FROM integration_heartbeats u WHERE u.peer = h.peer AND u.ok), '-infinity')) END AS "downSince"
    FROM integration_heartbeats h WHERE h.checked_at > now() - interval '7 days' ORDER BY h.peer, h.checked_at DESC`;
}

/** A short, non-sensitive line from an alert's detail (ids, amounts, codes; never names or addresses). */
function summarize(detail: unknown): string {
  if (!detail || typeof detail !== "object") return "";
  const keep = ["why", "queue", "peer", "payNo", "outTradeNo", "amountFen", "status", "lastError", "deliveryOrderCode", "nu", "trackingNo"];
  return Object.entries(detail as Record<string, unknown>)
    .filter(([k]) => keep.includes(k))
    .map(([k, v]) => `${k}=${String(v).slice(0, 80)}`)
    .join(" · ");
}
