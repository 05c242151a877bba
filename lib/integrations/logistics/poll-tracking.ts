import type { Db } from "../../db/client";
import { applyTracking } from "./apply-tracking";
import { toKuaidi100Com } from "./carrier-codes";
import { Kuaidi100Result } from "./kuaidi100";

/**
 * Polling fallback (every 6 h): shipments in transit with no event for 6 h are queried from
 * KUAIDI100_QUERY_URL (快递100 实时查询 or a proxy; POST form com, num → lastResult JSON) and stored
 * like a push. Without a configured URL the job reports what it would poll and does nothing.
 */
export async function pollTracking(db: Db, opts: { queryUrl?: string; staleMs?: number; take?: number } = {}) {
  const queryUrl = opts.queryUrl ?? process.env.KUAIDI100_QUERY_URL;
  const before = new Date(Date.now() - (opts.staleMs ?? 6 * 3_600_000));
  const due = await db.shipment.findMany({
    where: { order: { status: "SHIPPED" }, shippedAt: { lt: before }, OR: [{ lastEventAt: null }, { lastEventAt: { lt: before } }] },
    select: { carrierCode: true, trackingNo: true },
    orderBy: { shippedAt: "asc" },
    take: opts.take ?? 500,
  });
  if (!queryUrl) return { due: due.length, polled: 0, skipped: "KUAIDI100_QUERY_URL not set" };
  const outcomes: Record<string, number> = {};
  for (const s of due) {
    const res = await fetch(queryUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ com: toKuaidi100Com(s.carrierCode), num: s.trackingNo }).toString(),
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) throw new Error(`tracking query answered HTTP ${res.status}`);
    const parsed = Kuaidi100Result.safeParse(await res.json().catch(() => null));
    if (!parsed.success) continue; // e.g. "no record yet": try again next round
    const r = await applyTracking(db, parsed.data, "SCHEDULER");
    outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
  }
  return { due: due.length, polled: due.length, outcomes };
}
