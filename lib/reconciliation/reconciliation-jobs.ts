/** Reconciliation's background jobs, declared in lib/jobs/registry.ts. */
import type { DbClient } from "../db/client";
import type { JobDefinition } from "../jobs/registry";
import { bizDay } from "../time/biz-time";
import { buildBaseline } from "./build-baseline";
import { issueDueInvoices } from "./invoices";
import { processStatementFile } from "./process-statement";
import { STATEMENT_QUEUE } from "./start-statement-import";

async function queuedStatementIds(db: DbClient): Promise<string[]> {
  const rows = await db.statementFile.findMany({ where: { status: "QUEUED" }, select: { id: true }, orderBy: { createdAt: "asc" }, take: 5 });
  return rows.map((r) => r.id);
}

export function reconciliationJobs(): JobDefinition[] {
  return [
    {
      name: STATEMENT_QUEUE,
      handler: (ctx, data) => processStatementFile(ctx.db, String((data as { fileId?: unknown })?.fileId ?? "")),
      queueOptions: { retryLimit: 3, retryDelay: 30, retryBackoff: true },
    },
    {
      name: "reconciliation-import-sweep",
      cron: "* * * * *",
      handler: async (ctx) => {
        for (const id of await queuedStatementIds(ctx.db)) await processStatementFile(ctx.db, id);
      },
    },
    {
      // seed 001: the T+0 baseline at 23:59 business time, with the invoices that became due.
      name: "reconciliation-baseline",
      cron: "59 23 * * *",
      handler: async (ctx) => {
        const day = bizDay(new Date());
        await issueDueInvoices(ctx.db);
        await buildBaseline(ctx.db, day);
        return { day };
      },
    },
  ];
}
