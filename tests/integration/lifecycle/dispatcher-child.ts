// Run by outbox-crash.test.ts as a separate process that the test kills with SIGKILL mid-dispatch.
import PgBoss from "pg-boss";
import { createDb } from "../../../lib/db/client";
import { bossPublisher, dispatchOutbox } from "../../../lib/outbox/dispatch-outbox";

const url = process.env.DATABASE_URL!;
const db = createDb(url, 2);
const boss = new PgBoss({ connectionString: url, schema: "pgboss", max: 2, supervise: false, schedule: false });
await boss.start();
await dispatchOutbox(db, bossPublisher(boss), {
  batchSize: 5,
  afterPublish: async (id) => {
    process.stdout.write(`published ${id}\n`);
    await new Promise((r) => setTimeout(r, 40));
  },
});
process.stdout.write("done\n");
await boss.stop();
await db.$disconnect();
