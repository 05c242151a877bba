import type { Db } from "../db/client";
import type { HeartbeatPeer } from "../jobs/integration-heartbeat";
import { httpPeer } from "../jobs/integration-heartbeat";
import { raiseAlert } from "./alerts";

/**
 * Integration peers checked by the heartbeat job: the WMS (WMS_HEALTH_URL, or the demo's fake WMS) and the
 * 快递100 query API (KUAIDI100_HEALTH_URL, or the demo's simulator; the real one is not pinged, its quota counts).
 */
export function integrationPeers(webBaseUrl?: string): HeartbeatPeer[] {
  const wms = process.env.WMS_HEALTH_URL ?? (webBaseUrl ? `${webBaseUrl}/api/fake-wms/orders` : undefined);
  const k100 = process.env.KUAIDI100_HEALTH_URL ?? (webBaseUrl && !process.env.KUAIDI100_QUERY_URL ? `${webBaseUrl}/api/logistics/fake-kuaidi100` : undefined);
  return [...(wms ? [httpPeer("wms", wms)] : []), ...(k100 ? [httpPeer("kuaidi100", k100)] : [])];
}

/** A peer that stops answering raises an alert (at most one per peer and hour). */
export async function alertDownPeers<T extends { peer: string; ok: boolean; detail: string | null }>(db: Db, results: T[]): Promise<T[]> {
  const hour = new Date().toISOString().slice(0, 13);
  for (const r of results.filter((x) => !x.ok)) await raiseAlert(db, "PEER_DOWN", `${r.peer}:${hour}`, { detail: { peer: r.peer, error: r.detail } });
  return results;
}
