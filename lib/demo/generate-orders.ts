/**
 * Deterministic demo data: `generateDemoOrders` yields batches of rows for customers, orders,
 * order_items, payments, refunds, shipments and order_status_log, so a million orders never sit
 * in memory at once. Same options → byte-identical rows.
 *
 * Order k (global index) is a pure function of (seed, k, window): its own PRNG stream, a
 * placement time rising with k, and a buyer chain: a repeat order points back to an earlier order
 * within about a week and reuses that order's customer (a few per cent instead buy on another
 * channel, which creates a second customer row with the same phone: the cross-channel duplicates
 * SPEC §6 has to find). Runs over disjoint index ranges produce disjoint ids and numbers.
 */
import { bizDayRange } from "../time/biz-time";
import { POS_STORES } from "./catalog-places";
import { DEMO_CHANNELS, type DemoPlatform } from "./channels";
import { buildCalendar } from "./calendar";
import { buildOrder, DEMO_SHARES } from "./build-order";
import { demoUuid, ID_KIND } from "./numbers";
import { makePerson } from "./people";
import { hash3, Rng } from "./random";
import type { DemoBatch } from "./types";

export { DEMO_SHARES };
export type * from "./types";

export interface GenerateDemoOrdersOptions {
  seed: number;
  /** Orders to generate. */
  count: number;
  /** Last business day of the window, yyyy-MM-dd in Asia/Shanghai. */
  endDay: string;
  /** Window length in business days (default 30). */
  days?: number;
  /** Global index of the first order; runs sharing a database need disjoint index ranges. */
  startIndex?: number;
  /** Orders per yielded batch (default 5,000). */
  batchSize?: number;
  /**
   * "Now" for the data: nothing happens after it, and statuses are as of it. Defaults to the end of
   * `endDay`, or to the current time if that is earlier (endDay = today never yields future orders).
   * Pass it explicitly for output that does not depend on the clock.
   */
  asOf?: Date | number;
}

/** Channel mix: Tmall and PDD lead, own mall and stores are small. */
const CHANNEL_WEIGHTS: ReadonlyArray<readonly [DemoPlatform, number]> = [
  ["TMALL", 30], ["JD", 18], ["PDD", 20], ["DOUYIN", 17], ["OWN_MALL", 9], ["POS", 6],
];
const PLATFORMS = DEMO_CHANNELS.map((c) => c.platform);
const ONLINE = PLATFORMS.filter((p) => p !== "POS");

export const BUYER_SHARES = {
  /** Orders that come from an earlier order's buyer. */
  repeat: 0.45,
  /** Of repeat orders: the buyer switches channel (a duplicate customer with the same phone). */
  crossChannel: 0.07,
  /** Orders that start a burst of 6 orders by one buyer within minutes (the >5 orders/hour rule). */
  burstRoot: 0.0004,
  /** New POS buyers without membership: no customer row. */
  walkIn: 0.4,
} as const;

const U32 = 4294967296;
const SALT = { repeat: 11, back: 12, cross: 13, channel: 14, walkIn: 15, other: 16, store: 17, burst: 18, time: 19, cid: 20 } as const;

function pickChannel(u: number): number {
  let total = 0;
  for (const [, w] of CHANNEL_WEIGHTS) total += w;
  let r = u * total;
  for (const [platform, w] of CHANNEL_WEIGHTS) {
    r -= w;
    if (r < 0) return PLATFORMS.indexOf(platform);
  }
  return 0;
}

export function* generateDemoOrders(options: GenerateDemoOrdersOptions): Generator<DemoBatch, void, undefined> {
  const { seed, count, endDay } = options;
  const days = options.days ?? 30;
  const start = options.startIndex ?? 0;
  const batchSize = Math.max(1, options.batchSize ?? 5000);
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer: ${count}`);
  if (start + count > 50_000_000) throw new RangeError("order indexes are limited to 50 million");
  const endOfDay = bizDayRange(endDay).lt.getTime();
  const now = options.asOf === undefined ? Math.min(endOfDay, Date.now()) : Number(options.asOf);
  if (Number.isNaN(now)) throw new RangeError(`bad asOf for ${endDay}`);
  const calendar = buildCalendar(seed, endDay, days, now);

  // Buyer-chain state of the last `window` orders (a ring), enough to resolve any back-pointer.
  const window = Math.max(1, Math.floor((count * 7) / days));
  const ring = window + 8;
  const ringCustomer = new Float64Array(ring); // customer's introducing order index, −1 = walk-in
  const ringPerson = new Float64Array(ring);
  const ringChannel = new Uint8Array(ring);
  const ringCustomerId: string[] = new Array<string>(ring);

  const u = (i: number, salt: number) => hash3(seed, i, salt) / U32;
  const isBurstRoot = (i: number) => u(i, SALT.burst) < BUYER_SHARES.burstRoot;

  let batch = emptyBatch();
  for (let i = start; i < start + count; i++) {
    // Which earlier order's buyer (if any) places this one.
    let back = -1;
    let burst = false;
    for (let m = 1; m <= 5 && i - m >= start; m++) {
      if (isBurstRoot(i - m)) {
        back = i - m;
        burst = true;
        break;
      }
    }
    if (back < 0 && i > start && u(i, SALT.repeat) < BUYER_SHARES.repeat) {
      back = i - 1 - Math.floor(u(i, SALT.back) * Math.min(window, i - start));
    }
    const slot = (k: number) => k % ring;
    let customerIdx = i;
    let personIdx = i;
    let channel = pickChannel(u(i, SALT.channel));
    let customerId: string | null = null;
    if (back >= 0 && ringCustomer[slot(back)] >= 0) {
      personIdx = ringPerson[slot(back)];
      const prevChannel = ringChannel[slot(back)];
      if (!burst && u(i, SALT.cross) < BUYER_SHARES.crossChannel) {
        const others = ONLINE.filter((p) => p !== PLATFORMS[prevChannel]);
        channel = PLATFORMS.indexOf(others[Math.floor(u(i, SALT.other) * others.length)]);
      } else {
        channel = prevChannel;
        customerIdx = ringCustomer[slot(back)];
        customerId = ringCustomerId[slot(back)];
      }
    } else if (PLATFORMS[channel] === "POS" && u(i, SALT.walkIn) < BUYER_SHARES.walkIn) {
      customerIdx = -1;
    }
    const platform = PLATFORMS[channel];
    const placedAt = calendar.at((i - start + u(i, SALT.time)) / count);
    const newCustomer = customerIdx === i;
    if (newCustomer) customerId = demoUuid(new Rng(seed, i, SALT.cid), ID_KIND.customer, i, 0, placedAt);

    // Store-only shoppers live near their store; their online orders go to that city too.
    const personStore = Math.floor(u(personIdx, SALT.store) * POS_STORES.length);
    // A person's first order was a new-buyer order, whose channel is a pure function of its index.
    const rootIsPos = PLATFORMS[pickChannel(u(personIdx, SALT.channel))] === "POS";
    const person = customerIdx < 0 ? null : makePerson(seed, personIdx, rootIsPos ? POS_STORES[personStore] : undefined);

    ringCustomer[slot(i)] = customerIdx;
    ringPerson[slot(i)] = personIdx;
    ringChannel[slot(i)] = channel;
    ringCustomerId[slot(i)] = customerId ?? "";

    buildOrder(seed, {
      index: i, platform, placedAt, now, customerId, person, newCustomer, burst,
      storeIndex: customerIdx < 0 ? Math.floor(u(i, SALT.store) * POS_STORES.length) : personStore,
    }, batch);
    if (batch.orders.length >= batchSize) {
      yield batch;
      batch = emptyBatch();
    }
  }
  if (batch.orders.length) yield batch;
}

export function emptyBatch(): DemoBatch {
  return { customers: [], orders: [], items: [], payments: [], refunds: [], shipments: [], statusLog: [] };
}
