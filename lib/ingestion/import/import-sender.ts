import "server-only";
import PgBoss from "pg-boss";
import { logger } from "../../log/logger";
import type { ImportSender } from "./start-import";

// One small pg-boss client per web process, used only to send (no maintenance, no schedules).
const g = globalThis as unknown as { orderHubImportSender?: Promise<PgBoss> };

export async function importSender(): Promise<ImportSender | null> {
  const url = process.env.DATABASE_URL;
  if (!url) return null;
  g.orderHubImportSender ??= (async () => {
    const boss = new PgBoss({ connectionString: url, schema: "pgboss", max: 2, supervise: false, schedule: false, migrate: false });
    boss.on("error", (err) => logger.error({ err }, "import sender queue error"));
    await boss.start();
    return boss;
  })();
  try {
    return await g.orderHubImportSender;
  } catch (err) {
    g.orderHubImportSender = undefined;
    logger.warn({ err }, "import sender unavailable; the sweep job will start the import");
    return null;
  }
}
