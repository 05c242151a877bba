/** The file-import jobs, declared in lib/jobs/registry.ts. */
import type { JobDefinition } from "../../jobs/registry";
import { processImportJob } from "./process-import";
import { IMPORT_QUEUE, queuedImportIds } from "./start-import";

export function importJobs(): JobDefinition[] {
  return [
    {
      name: IMPORT_QUEUE,
      handler: (ctx, data) => processImportJob(ctx.db, String((data as { jobId?: unknown })?.jobId ?? "")),
      queueOptions: { retryLimit: 3, retryDelay: 30, retryBackoff: true },
    },
    {
      // Imports whose request could not reach the queue (worker not up yet) start within a minute.
      name: "ingestion-import-sweep",
      cron: "* * * * *",
      handler: async (ctx) => {
        for (const id of await queuedImportIds(ctx.db)) await processImportJob(ctx.db, id);
      },
    },
  ];
}
