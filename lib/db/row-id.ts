/**
 * Ids for rows the app inserts itself (set-based bulk writes), matching the schema's `@default(uuid(7))`:
 * UUIDv7 starts with the time, so new rows land at the right edge of every index keyed by an id
 * (primary keys, and order_id on the child tables) instead of on a random page of a large B-tree —
 * at a million orders that is the difference between appending and re-reading the whole index.
 *
 * Built on crypto.randomUUID (pooled entropy; per-id getRandomValues cost more than the insert):
 * its 48 leading random bits become the millisecond timestamp and the version nibble becomes 7.
 * The variant bits are already RFC 9562's; the remaining 74 bits stay random (RFC 9562 §6.2 allows
 * ids within one millisecond to be unordered).
 */
import { randomUUID } from "node:crypto";

export function newRowId(now = Date.now()): string {
  const ms = now.toString(16).padStart(12, "0");
  const v4 = randomUUID();
  return `${ms.slice(0, 8)}-${ms.slice(8)}-7${v4.slice(15)}`;
}
