import type { Db } from "../db/client";
import type { HeartbeatPeer } from "../jobs/integration-heartbeat";
import { httpPeer } from "../jobs/integration-heartbeat";
import { raiseAlert } from "./alerts";

/** Integration peers checked by the heartbeat job: the WMS (WMS_HEALTH_URL, or the demo's fake WMS). */
export function integrationPeers(webBaseUrl?: string): HeartbeatPeer[] {
  const url = process.env.WMS_HEALTH_URL ?? (webBaseUrl ? `${webBaseUrl}/api/fake-wms/orders` : undefined);
  return url ? [httpPeer("wms", url)] : [];
}

/** A peer that stops answering raises an alert (at most one per peer and hour). */
export async function alertDownPeers<T extends { peer: string; ok: boolean; detail: string | null }>(db: Db, results: T[]): Promise<T[]> {
  const hour = new Date().toISOString().slice(0, 13);
  for (const r of results.filter((x) => !x.ok)) await raiseAlert(db, "PEER_DOWN", `${r.peer}:${hour}`, { detail: { peer: r.peer, error: r.detail } });
  return results;
}
