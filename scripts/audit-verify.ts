// `npm run audit:verify`: walks the hash-chained audit log and names the first broken link.
import { createDb } from "../lib/db/client";
import { provisionDatabase } from "../lib/db/provision";
import { verifyAuditChain } from "../lib/audit/verify-audit-chain";

const server = await provisionDatabase({ databaseUrl: process.env.DATABASE_URL });
const db = createDb(server.url, 2);
const report = await verifyAuditChain(db);
await db.$disconnect();
await server.stop();
if (report.ok) {
  console.log(`审计链完整 (audit chain intact): ${report.rows} rows`);
} else {
  console.error(`审计链在第 ${report.brokenAtId} 行断开 (audit chain broken at id ${report.brokenAtId}): ${report.reason}; ${report.rows} rows before it are intact`);
  process.exit(1);
}
