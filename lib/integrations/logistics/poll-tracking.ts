import type { Db } from "../../db/client";
import { applyTracking } from "./apply-tracking";
import { toKuaidi100Com } from "./carrier-codes";
import { Kuaidi100Result, kuaidi100QueryConfig, signKuaidi100Query, type Kuaidi100QueryConfig } from "./kuaidi100";

/**
 * Polling fallback (every 6 h): shipments in transit with no event for 6 h are queried from the
 * 快递100 实时查询 API (see kuaidi100QueryConfig; the demo's simulator by default) and stored like a push.
 */
export async function pollTracking(db: Db, opts: { query?: Kuaidi100QueryConfig; staleMs?: number; take?: number } = {}) {
  const cfg = opts.query ?? kuaidi100QueryConfig();
  const before = new Date(Date.now() - (opts.staleMs ?? 6 * 3_600_000));
  const due = await db.shipment.findMany({
    where: { order: { status: "SHIPPED" }, shippedAt: { lt: before }, OR: [{ lastEventAt: null }, { lastEventAt: { lt: before } }] },
    select: { carrierCode: true, trackingNo: true },
    orderBy: { shippedAt: "asc" },
    take: opts.take ?? 500,
  });
  const outcomes: Record<string, number> = {};
  for (const s of due) {
    const param = JSON.stringify({ com: toKuaidi100Com(s.carrierCode), num: s.trackingNo });
    const res = await fetch(cfg.url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ customer: cfg.customer, param, sign: signKuaidi100Query(param, cfg.key, cfg.customer) }).toString(),
      signal: AbortSignal.timeout(cfg.timeoutMs),
    });
    if (!res.ok) throw new Error(`tracking query answered HTTP ${res.status}`);
    const parsed = Kuaidi100Result.safeParse(await res.json().catch(() => null));
    if (!parsed.success) {
      outcomes.NO_RESULT = (outcomes.NO_RESULT ?? 0) + 1; // e.g. "no record yet": asked again next round
      continue;
    }
    const r = await applyTracking(db, parsed.data, "SCHEDULER");
    outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
  }
  return { due: due.length, polled: due.length, outcomes };
}
