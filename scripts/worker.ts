// The background worker: pg-boss on the product's PostgreSQL, running every job in lib/jobs/registry.ts.
import { startWorker } from "../lib/jobs/start-worker";
import { logger } from "../lib/log/logger";

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error("DATABASE_URL 未设置：请用 `npm start` 启动（会自动启动内置数据库），或设置 DATABASE_URL。");
  process.exit(1);
}
const worker = await startWorker({ databaseUrl, webBaseUrl: process.env.WEB_BASE_URL });
logger.info("worker started");
let stopping = false;
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.on(sig, async () => {
    if (stopping) return;
    stopping = true;
    await worker.stop();
    process.exit(0);
  });
}
