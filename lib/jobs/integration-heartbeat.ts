import type { Db } from "../db/client";

/** A peer the hub depends on, checked every 5 minutes (seed 000: a firewall change silently cut the WMS off). */
export interface HeartbeatPeer {
  name: string;
  check: () => Promise<void>;
}

export function httpPeer(name: string, url: string, timeoutMs = 5000): HeartbeatPeer {
  return {
    name,
    check: async () => {
      const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
    },
  };
}

/** Checks every peer and records one heartbeat row each; returns what it recorded. */
export async function runIntegrationHeartbeat(db: Db, peers: HeartbeatPeer[]) {
  const results = await Promise.all(
    peers.map(async (peer) => {
      const started = Date.now();
      try {
        await peer.check();
        return { peer: peer.name, ok: true, latencyMs: Date.now() - started, detail: null };
      } catch (err) {
        return { peer: peer.name, ok: false, latencyMs: Date.now() - started, detail: String((err as Error).message ?? err).slice(0, 500) };
      }
    }),
  );
  await db.integrationHeartbeat.createMany({ data: results });
  return results;
}
