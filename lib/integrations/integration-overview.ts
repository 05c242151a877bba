import { assertCan, type Actor } from "../access/actor";
import type { Db } from "../db/client";
import { listDeadLetters } from "./dead-letters";

/** Everything the 集成 page shows: peer heartbeats, dead letters, open alerts, recent callbacks, outbox backlog. */
export async function getIntegrationOverview(db: Db, actor: Actor) {
  assertCan(actor, "integration.manage");
  const peers = await db.$queryRaw<{ peer: string; ok: boolean; latencyMs: number | null; detail: string | null; checkedAt: Date }[]>`
    SELECT DISTINCT ON (peer) peer, ok, latency_ms AS "latencyMs", detail, checked_at AS "checkedAt"
    FROM integration_heartbeats WHERE checked_at > now() - interval '7 days' ORDER BY peer, checked_at DESC`;
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

/** A short, non-sensitive line from an alert's detail (ids, amounts, codes; never names or addresses). */
function summarize(detail: unknown): string {
  if (!detail || typeof detail !== "object") return "";
  const keep = ["why", "queue", "peer", "payNo", "outTradeNo", "amountFen", "status", "lastError", "deliveryOrderCode", "nu", "trackingNo"];
  return Object.entries(detail as Record<string, unknown>)
    .filter(([k]) => keep.includes(k))
    .map(([k, v]) => `${k}=${String(v).slice(0, 80)}`)
    .join(" · ");
}
