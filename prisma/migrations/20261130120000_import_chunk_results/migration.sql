-- File import (issue 3): per-row results are kept per chunk, one row per chunk of up to a few
-- thousand file rows, instead of one row per file row — the import wrote as many result rows as
-- orders. Existing results move over, one chunk per job (rows of a job that no longer exists are
-- dropped with their table).
-- Hand-written in Prisma Migrate's style; see lib/db/migrate.ts.

-- CreateTable
CREATE TABLE "import_chunk_results" (
    "job_id" TEXT NOT NULL,
    "first_row" INTEGER NOT NULL,
    "rows" JSONB NOT NULL,

    CONSTRAINT "import_chunk_results_pkey" PRIMARY KEY ("job_id","first_row")
);

-- AddForeignKey
ALTER TABLE "import_chunk_results" ADD CONSTRAINT "import_chunk_results_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "import_jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Move the stored results
INSERT INTO "import_chunk_results" ("job_id", "first_row", "rows")
SELECT "job_id", min("row_no"),
       jsonb_agg(jsonb_build_object('row', "row_no", 'outcome', "outcome", 'platformOrderId', "platform_order_id",
                                    'orderNo', "order_no", 'errorCode', "error_code", 'message', "message") ORDER BY "row_no")
  FROM "import_row_results" r WHERE EXISTS (SELECT 1 FROM "import_jobs" j WHERE j."id" = r."job_id") GROUP BY "job_id";

-- DropTable
DROP TABLE "import_row_results";
