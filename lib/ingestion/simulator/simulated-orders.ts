/**
 * The simulator's shop data: the demo generator's orders (their native payloads, as each platform
 * would send them) over the last few days, as of "now" — so an order re-read later may have moved
 * on (paid → shipped → completed) with a newer modified time, as on a real platform. Indexes start
 * at 40,000,000, apart from the seeded demo orders.
 */
import { generateDemoOrders } from "../../demo/generate-orders";
import { bizDay } from "../../time/biz-time";

export interface SimOrder {
  channelId: string;
  platformOrderId: string;
  modifiedAt: number;
  json: string;
}

export const SIM_START_INDEX = 40_000_000;

export function simulatedOrders(opts: { count: number; seed: number; now: number; days?: number }): Map<string, SimOrder[]> {
  const byChannel = new Map<string, SimOrder[]>();
  for (const batch of generateDemoOrders({ seed: opts.seed, count: opts.count, endDay: bizDay(new Date(opts.now)), days: opts.days ?? 3, startIndex: SIM_START_INDEX, asOf: opts.now })) {
    for (const o of batch.orders) {
      const list = byChannel.get(o.channelId) ?? [];
      list.push({ channelId: o.channelId, platformOrderId: o.platformOrderId, modifiedAt: o.platformModifiedAt, json: o.rawPayload });
      byChannel.set(o.channelId, list);
    }
  }
  for (const list of byChannel.values()) list.sort((a, b) => a.modifiedAt - b.modifiedAt || (a.platformOrderId < b.platformOrderId ? -1 : 1));
  return byChannel;
}
