import PgBoss from "pg-boss";
import { createDb } from "../db/client";
import { logger } from "../log/logger";
import { JOBS, registerJobs, type JobDefinition } from "./registry";

/** Starts pg-boss on the same PostgreSQL and registers every job; returns a stopper. */
export async function startWorker(opts: { databaseUrl: string; webBaseUrl?: string; jobs?: JobDefinition[] }) {
  const db = createDb(opts.databaseUrl, 5);
  const boss = new PgBoss({ connectionString: opts.databaseUrl, schema: "pgboss", max: 5 });
  boss.on("error", (err) => logger.error({ err }, "job queue error"));
  await boss.start();
  await registerJobs(boss, { db, webBaseUrl: opts.webBaseUrl }, opts.jobs ?? JOBS);
  return {
    boss,
    stop: async () => {
      await boss.stop({ graceful: true, timeout: 10_000 });
      await db.$disconnect();
    },
  };
}
