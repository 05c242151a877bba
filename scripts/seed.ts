// `npm run seed -- --orders 1000000 [--seed 2026]`: replaces the demo orders with N generated ones
// (users, roles, channels and the audit log are kept). Uses DATABASE_URL or the embedded database.
import { parseArgs } from "node:util";
import { provisionDatabase } from "../lib/db/provision";
import { clearDemoOrders, seedDemo } from "../lib/demo/seed-demo";

const { values } = parseArgs({ options: { orders: { type: "string", default: "20000" }, seed: { type: "string", default: "2026" } } });
const orders = Number(values.orders);
if (!Number.isInteger(orders) || orders < 1 || orders > 20_000_000) {
  console.error("--orders 需为 1 到 20000000 之间的整数 (--orders must be a whole number from 1 to 20,000,000).");
  process.exit(2);
}
try {
  const db = await provisionDatabase({ databaseUrl: process.env.DATABASE_URL });
  await clearDemoOrders(db.url);
  const r = await seedDemo(db.url, { orders, seed: Number(values.seed) });
  console.log(JSON.stringify({ orders: r.orders, seconds: Number(r.seconds.toFixed(1)), ordersPerSecond: r.ordersPerSecond }));
  await db.stop();
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
