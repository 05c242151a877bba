/** Shared data and helpers of the demo generator tests: one 20k-order run per test file. */
import { generateDemoOrders, type GenerateDemoOrdersOptions } from "@/lib/demo/generate-orders";
import type { DemoBatch, OrderRow } from "@/lib/demo/types";

export const AS_OF = Date.parse("2026-11-30T15:20:00+08:00");
export const OPTIONS: GenerateDemoOrdersOptions = { seed: 2026, count: 20_000, endDay: "2026-11-30", days: 30, asOf: AS_OF };
export const WINDOW_START = Date.parse("2026-11-01T00:00:00+08:00");

export function collect(options: GenerateDemoOrdersOptions): DemoBatch {
  const all: DemoBatch = { customers: [], orders: [], items: [], payments: [], refunds: [], shipments: [], statusLog: [] };
  for (const b of generateDemoOrders(options)) {
    for (const k of Object.keys(all) as (keyof DemoBatch)[]) (all[k] as unknown[]).push(...b[k]);
  }
  return all;
}

export const groupBy = <T>(rows: T[], key: (r: T) => string | null) => {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    if (k === null) continue;
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
};

/** Runs `check` on every row and lists the first failures (one expect per test keeps 20k rows fast). */
export function failures<T>(rows: T[], check: (row: T) => string | false | null | undefined): string[] {
  const out: string[] = [];
  for (const r of rows) {
    const msg = check(r);
    if (msg) out.push(msg);
    if (out.length >= 5) break;
  }
  return out;
}

export const shareOf = (orders: OrderRow[], pred: (o: OrderRow) => boolean) => orders.filter(pred).length / orders.length;
