// Applies pending migrations to DATABASE_URL (or the embedded database) and exits.
import { provisionDatabase } from "../lib/db/provision";

try {
  const db = await provisionDatabase({ databaseUrl: process.env.DATABASE_URL });
  console.log("数据库已是最新 (database is up to date).");
  await db.stop();
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
