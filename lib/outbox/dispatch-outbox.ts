import type { DbClient } from "../db/client";

/** Where published events go: pg-boss publish (to every queue subscribed to the event) or one queue. */
export interface OutboxPublisher {
  publish(eventType: string, data: object): Promise<void>;
  send(queue: string, data: object): Promise<void>;
}

/** An outbox row asking for one queue to get a job again (the 集成 page's re-run). */
export const RERUN_EVENT = "INTEGRATION_RERUN";

interface Row { id: bigint; eventType: string; orderId: string | null; payload: Record<string, unknown> }

export interface DispatchOptions {
  batchSize?: number;
  /** Test hook: runs after each publish, before the batch is marked published (a crash here must lose nothing). */
  afterPublish?: (eventId: bigint) => Promise<void>;
}

/**
 * Publishes unpublished outbox events in id order. A batch is locked (SKIP LOCKED: several workers
 * can dispatch), published, then marked in the same transaction; a crash before the commit leaves the
 * batch unpublished, so it is published again: at least once. Consumers are idempotent (every
 * lifecycle action takes an idempotency key), so a repeat changes nothing.
 */
export async function dispatchOutbox(db: DbClient, publisher: OutboxPublisher, opts: DispatchOptions = {}): Promise<{ published: number }> {
  const batchSize = opts.batchSize ?? 100;
  let published = 0;
  for (;;) {
    const n = await db.$transaction(
      async (tx) => {
        const rows = await tx.$queryRaw<Row[]>`
          SELECT id, event_type AS "eventType", order_id AS "orderId", payload FROM outbox_events
          WHERE published_at IS NULL ORDER BY id LIMIT ${batchSize} FOR UPDATE SKIP LOCKED`;
        for (const r of rows) {
          const data = { ...r.payload, eventId: String(r.id), eventType: r.eventType, orderId: r.orderId };
          if (r.eventType === RERUN_EVENT) await publisher.send(String(r.payload.queue), (r.payload.data ?? {}) as object);
          else await publisher.publish(r.eventType, data);
          await opts.afterPublish?.(r.id);
        }
        if (rows.length) await tx.outboxEvent.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { publishedAt: new Date() } });
        return rows.length;
      },
      { maxWait: 30_000, timeout: 120_000 },
    );
    published += n;
    if (n < batchSize) return { published };
  }
}

/** The pg-boss side of the publisher. */
export function bossPublisher(boss: { publish(e: string, d: object): Promise<void>; send(q: string, d: object): Promise<unknown> }): OutboxPublisher {
  return {
    publish: (eventType, data) => boss.publish(eventType, data),
    send: async (queue, data) => void (await boss.send(queue, data)),
  };
}
