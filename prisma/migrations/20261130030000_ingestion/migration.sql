-- Ingestion (issue 3): one write path for push, file import and pull; quarantine; data quality;
-- routing and stock. Hand-written in Prisma Migrate's style; see lib/db/migrate.ts.

-- CreateEnum
CREATE TYPE "IngestOutcome" AS ENUM ('CREATED', 'UPDATED', 'UNCHANGED', 'STALE', 'QUARANTINED');

-- CreateEnum
CREATE TYPE "QuarantineStatus" AS ENUM ('OPEN', 'REPLAYED', 'DISCARDED');

-- CreateEnum
CREATE TYPE "ImportJobStatus" AS ENUM ('QUEUED', 'RUNNING', 'DONE', 'FAILED');

-- AlterTable
ALTER TABLE "refunds" ADD COLUMN     "platform_refund_id" TEXT;

-- CreateTable
CREATE TABLE "ingest_events" (
    "id" BIGSERIAL NOT NULL,
    "channel_id" TEXT NOT NULL,
    "source" "StatusSource" NOT NULL,
    "outcome" "IngestOutcome" NOT NULL,
    "order_id" TEXT,
    "platform_order_id" TEXT,
    "latency_ms" INTEGER,
    "null_fields" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "invalid_fields" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ingest_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "quarantined_payloads" (
    "id" TEXT NOT NULL,
    "channel_id" TEXT NOT NULL,
    "source" "StatusSource" NOT NULL,
    "reason_code" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "field" TEXT,
    "raw_body" TEXT NOT NULL,
    "platform_order_id" TEXT,
    "import_job_id" TEXT,
    "row_no" INTEGER,
    "status" "QuarantineStatus" NOT NULL DEFAULT 'OPEN',
    "replayed_order_id" TEXT,
    "resolved_by_id" TEXT,
    "resolved_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "quarantined_payloads_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ingest_keywords" (
    "keyword" TEXT NOT NULL,
    "tag" TEXT NOT NULL,
    "priority_boost" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "ingest_keywords_pkey" PRIMARY KEY ("keyword")
);

-- CreateTable
CREATE TABLE "import_jobs" (
    "id" TEXT NOT NULL,
    "channel_id" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "file_sha256" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "status" "ImportJobStatus" NOT NULL DEFAULT 'QUEUED',
    "total_rows" INTEGER NOT NULL DEFAULT 0,
    "processed_rows" INTEGER NOT NULL DEFAULT 0,
    "created_rows" INTEGER NOT NULL DEFAULT 0,
    "updated_rows" INTEGER NOT NULL DEFAULT 0,
    "unchanged_rows" INTEGER NOT NULL DEFAULT 0,
    "failed_rows" INTEGER NOT NULL DEFAULT 0,
    "error_code" TEXT,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "import_jobs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import_row_results" (
    "job_id" TEXT NOT NULL,
    "row_no" INTEGER NOT NULL,
    "outcome" "IngestOutcome" NOT NULL,
    "platform_order_id" TEXT,
    "order_no" TEXT,
    "error_code" TEXT,
    "message" TEXT,

    CONSTRAINT "import_row_results_pkey" PRIMARY KEY ("job_id","row_no")
);

-- CreateTable
CREATE TABLE "pull_cursors" (
    "channel_id" TEXT NOT NULL,
    "base_url" TEXT,
    "cursor_at" TIMESTAMPTZ(3),
    "last_run_at" TIMESTAMPTZ(3),
    "last_ok_at" TIMESTAMPTZ(3),
    "last_error_code" TEXT,
    "runs" INTEGER NOT NULL DEFAULT 0,
    "failed_runs" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "pull_cursors_pkey" PRIMARY KEY ("channel_id")
);

-- CreateTable
CREATE TABLE "warehouses" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "warehouses_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "routing_rules" (
    "id" TEXT NOT NULL,
    "priority" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "match_value" TEXT,
    "warehouse_id" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "routing_rules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stock_levels" (
    "warehouse_id" TEXT NOT NULL,
    "sku_code" TEXT NOT NULL,
    "on_hand" INTEGER NOT NULL,
    "reserved" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "stock_levels_pkey" PRIMARY KEY ("warehouse_id","sku_code"),
    -- The last line of defence against overselling, whatever the code does.
    CONSTRAINT "stock_levels_reserved_check" CHECK ("reserved" >= 0 AND "reserved" <= "on_hand")
);

-- CreateTable
CREATE TABLE "order_routings" (
    "order_id" TEXT NOT NULL,
    "warehouse_id" TEXT,
    "status" TEXT NOT NULL,
    "reason" TEXT,
    "reserved" JSONB NOT NULL DEFAULT '[]',
    "routed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "order_routings_pkey" PRIMARY KEY ("order_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "refunds_order_id_platform_refund_id_key" ON "refunds"("order_id", "platform_refund_id");

-- CreateIndex
CREATE INDEX "ingest_events_channel_id_created_at_idx" ON "ingest_events"("channel_id", "created_at");

-- CreateIndex
CREATE INDEX "ingest_events_created_at_idx" ON "ingest_events"("created_at");

-- CreateIndex
CREATE INDEX "quarantined_payloads_status_created_at_idx" ON "quarantined_payloads"("status", "created_at" DESC);

-- CreateIndex
CREATE INDEX "quarantined_payloads_channel_id_created_at_idx" ON "quarantined_payloads"("channel_id", "created_at");

-- CreateIndex
CREATE INDEX "quarantined_payloads_import_job_id_row_no_idx" ON "quarantined_payloads"("import_job_id", "row_no");

-- CreateIndex
CREATE INDEX "import_jobs_created_at_idx" ON "import_jobs"("created_at" DESC);

-- CreateIndex
CREATE INDEX "routing_rules_priority_idx" ON "routing_rules"("priority");

-- CreateIndex
CREATE INDEX "order_routings_status_routed_at_idx" ON "order_routings"("status", "routed_at");

-- AddForeignKey
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "channels"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_row_results" ADD CONSTRAINT "import_row_results_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "import_jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pull_cursors" ADD CONSTRAINT "pull_cursors_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "channels"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "routing_rules" ADD CONSTRAINT "routing_rules_warehouse_id_fkey" FOREIGN KEY ("warehouse_id") REFERENCES "warehouses"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stock_levels" ADD CONSTRAINT "stock_levels_warehouse_id_fkey" FOREIGN KEY ("warehouse_id") REFERENCES "warehouses"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_routings" ADD CONSTRAINT "order_routings_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_routings" ADD CONSTRAINT "order_routings_warehouse_id_fkey" FOREIGN KEY ("warehouse_id") REFERENCES "warehouses"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hub numbers (OrderNo, PayNo, RefundNo) of ingested orders come from lib/demo/numbers.ts' generators
-- with indexes from these sequences: 45,000,000–49,999,999, above what the demo generator uses
-- (it numbers orders from 0; `npm run seed` stays far below 45 million).
CREATE SEQUENCE "hub_order_no_seq" START WITH 45000000 MINVALUE 45000000 MAXVALUE 49999999;
CREATE SEQUENCE "hub_pay_no_seq" START WITH 45000000 MINVALUE 45000000 MAXVALUE 49999999;
CREATE SEQUENCE "hub_refund_no_seq" START WITH 45000000 MINVALUE 45000000 MAXVALUE 49999999;

-- Data: the default keyword list (SPEC §1) and the default warehouses and routing rules.
INSERT INTO "ingest_keywords" ("keyword", "tag", "priority_boost") VALUES
    ('发票', '发票', 0), ('开票', '发票', 0), ('赠品', '赠品', 0), ('加急', '加急', 2);

INSERT INTO "warehouses" ("id", "name") VALUES
    ('WH_HZ', '杭州仓'), ('WH_GZ', '广州仓'), ('WH_BJ', '北京仓'), ('WH_WH', '武汉仓'), ('WH_CD', '成都仓');

INSERT INTO "routing_rules" ("id", "priority", "kind", "match_value", "warehouse_id") VALUES
    ('rr-region-east', 100, 'REGION', '华东', 'WH_HZ'),
    ('rr-region-south', 100, 'REGION', '华南', 'WH_GZ'),
    ('rr-region-north', 100, 'REGION', '华北', 'WH_BJ'),
    ('rr-region-northeast', 100, 'REGION', '东北', 'WH_BJ'),
    ('rr-region-central', 100, 'REGION', '华中', 'WH_WH'),
    ('rr-region-southwest', 100, 'REGION', '西南', 'WH_CD'),
    ('rr-region-northwest', 100, 'REGION', '西北', 'WH_CD'),
    ('rr-fallback', 1000, 'FALLBACK', NULL, 'WH_HZ');

-- Data: existing databases get the new permission (lib/access/roles.ts).
UPDATE "roles" SET "permissions" = array_cat("permissions", ARRAY['ingestion.manage']) WHERE "key" IN ('ADMIN', 'OPS_MANAGER') AND NOT ('ingestion.manage' = ANY("permissions"));
