import pg from "pg";
import { createDb } from "../db/client";
import { rebuildRollups } from "../dashboards/refresh-rollups";
import { bizDay } from "../time/biz-time";
import { seedRolesAndUsers } from "../users/seed-users";
import { generateDemoOrders } from "./generate-orders";
import { insertDemoChannels, insertDemoOrders } from "./insert-orders";
import { seedDemoRoutings, seedDemoStock } from "../routing/seed-stock";
import { seedDemoContactNotes } from "../customers/seed-contact-notes";
import { seedDemoExceptions } from "../anomalies/seed-exceptions";
import { backfillCustomers } from "../customers/customer-jobs";
import { seedReconciliationDemo } from "../reconciliation/seed-reconciliation";

export interface SeedOptions {
  orders?: number;
  seed?: number;
  /** Last business day of the 30-day window (default: today in the business zone). */
  endDay?: string;
}

/** Channels, roles, demo users and `orders` generated orders; returns how long the orders took. */
export async function seedDemo(url: string, opts: SeedOptions = {}) {
  const count = opts.orders ?? 20_000;
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  try {
    await insertDemoChannels(pool);
    const db = createDb(url, 2);
    try {
      await seedRolesAndUsers(db);
    } finally {
      await db.$disconnect();
    }
    const started = performance.now();
    await insertDemoOrders(pool, generateDemoOrders({ seed: opts.seed ?? 2026, count, endDay: opts.endDay ?? bizDay(new Date()), days: 30, startIndex: 0 }));
    const seconds = (performance.now() - started) / 1000;
    await seedDemoStock(pool); // routing needs stock (issue 3)
    await seedDemoRoutings(pool); // the warehouse each paid demo order went to (dashboards' warehouse tier)
    const customerDb = createDb(url, 2);
    try {
      await backfillCustomers(customerDb); // the 客户 page has evidence, proposals and tags at first start (issue 9)
      await seedDemoContactNotes(pool); // contact histories, and the inquiry rate's numerator
    } finally {
      await customerDb.$disconnect();
    }
    const reconDb = createDb(url, 2);
    try {
      await seedReconciliationDemo(reconDb, opts.endDay ?? bizDay(new Date())); // 对账: invoices, a WeChat bill with the 428.36 story (issue 8)
    } finally {
      await reconDb.$disconnect();
    }
    await seedDemoExceptions(url); // 异常工作台: the rules run once over the demo orders (issue 6)
    await pool.query("ANALYZE");
    // Dashboards read rollups, not orders: build them for the new data (issue 7).
    const rollupDb = createDb(url, 2);
    try {
      await rebuildRollups(rollupDb);
    } finally {
      await rollupDb.$disconnect();
    }
    return { orders: count, seconds, ordersPerSecond: Math.round(count / seconds) };
  } finally {
    await pool.end();
  }
}

/** First start: seed when the database has no orders yet; later starts reuse the data. */
export async function seedDemoIfEmpty(url: string, opts: SeedOptions = {}) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT EXISTS (SELECT 1 FROM orders) AS has_orders`);
    if (rows[0].has_orders) return null;
  } finally {
    await client.end();
  }
  return seedDemo(url, opts);
}

/** Removes generated order data (not users, roles, channels or the append-only audit log). */
export async function clearDemoOrders(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // CASCADE: every table that hangs off orders or customers (routing, alerts, exceptions, …) goes with them.
    await client.query(`TRUNCATE customer_identities, customer_notes, customer_merges, customer_merge_proposals, order_status_log, shipments, refunds, payments, order_items, orders, customers CASCADE`);
  } finally {
    await client.end();
  }
}
