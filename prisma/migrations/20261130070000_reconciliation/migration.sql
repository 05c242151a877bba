-- Reconciliation (issue 8): invoice numbers, payment statements and their lines, fuzzy-match
-- candidates, typed discrepancies, daily baselines with per-order postings, adjustments, closed days.
-- Hand-written in Prisma Migrate's style; see lib/db/migrate.ts.

-- CreateEnum
CREATE TYPE "StatementSource" AS ENUM ('WECHAT', 'ALIPAY', 'PLATFORM');
CREATE TYPE "StatementFileStatus" AS ENUM ('QUEUED', 'RUNNING', 'DONE', 'FAILED');
CREATE TYPE "StatementLineKind" AS ENUM ('PAYMENT', 'REFUND');
CREATE TYPE "StatementMatch" AS ENUM ('UNMATCHED', 'MATCHED', 'CANDIDATE');
CREATE TYPE "DiscrepancyType" AS ENUM ('COUPON_FACE_VS_ACTUAL', 'FREIGHT_INSURANCE_NOT_REVERSED', 'AFTER_SALE_CLOSED_PERIOD', 'OFFLINE_ORDER_NOT_ENTERED', 'FEE_DIFFERENCE', 'TIMING', 'MISSING_IN_BILL', 'UNKNOWN');
CREATE TYPE "DiscrepancyStatus" AS ENUM ('OPEN', 'EXPLAINED', 'ADJUSTED', 'CLOSED');

-- InvoiceNo: "IV" + yyMMdd (business day of issue) + 8 digits from this sequence.
CREATE SEQUENCE "hub_invoice_no_seq" START WITH 1 MINVALUE 1 MAXVALUE 99999999;

-- CreateTable
CREATE TABLE "invoices" (
    "id" TEXT NOT NULL,
    "invoice_no" TEXT NOT NULL,
    "order_id" TEXT NOT NULL,
    "amount_fen" INTEGER NOT NULL,
    "title" TEXT,
    "issued_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "invoices_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "statement_files" (
    "id" TEXT NOT NULL,
    "source" "StatementSource" NOT NULL,
    "channel_id" TEXT,
    "file_name" TEXT NOT NULL,
    "file_sha256" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "status" "StatementFileStatus" NOT NULL DEFAULT 'QUEUED',
    "total_lines" INTEGER NOT NULL DEFAULT 0,
    "new_lines" INTEGER NOT NULL DEFAULT 0,
    "duplicate_lines" INTEGER NOT NULL DEFAULT 0,
    "failed_lines" INTEGER NOT NULL DEFAULT 0,
    "matched_lines" INTEGER NOT NULL DEFAULT 0,
    "candidate_lines" INTEGER NOT NULL DEFAULT 0,
    "unmatched_lines" INTEGER NOT NULL DEFAULT 0,
    "day_from" TEXT,
    "day_to" TEXT,
    "summary" JSONB,
    "checksum_ok" BOOLEAN,
    "error_code" TEXT,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "statement_files_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "statement_file_errors" (
    "file_id" TEXT NOT NULL,
    "line_no" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "raw" TEXT NOT NULL,

    CONSTRAINT "statement_file_errors_pkey" PRIMARY KEY ("file_id","line_no")
);

-- CreateTable
CREATE TABLE "statement_lines" (
    "id" BIGSERIAL NOT NULL,
    "file_id" TEXT NOT NULL,
    "line_no" INTEGER NOT NULL,
    "source" "StatementSource" NOT NULL,
    "line_key" TEXT NOT NULL,
    "kind" "StatementLineKind" NOT NULL,
    "biz_day" TEXT NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "provider_txn_id" TEXT,
    "merchant_order_no" TEXT,
    "merchant_refund_no" TEXT,
    "amount_fen" INTEGER NOT NULL,
    "gross_fen" INTEGER NOT NULL,
    "fee_milli" INTEGER NOT NULL,
    "match" "StatementMatch" NOT NULL DEFAULT 'UNMATCHED',
    "match_method" TEXT,
    "payment_id" TEXT,
    "refund_id" TEXT,
    "order_id" TEXT,
    "matched_by_id" TEXT,
    "matched_at" TIMESTAMPTZ(3),

    CONSTRAINT "statement_lines_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "match_candidates" (
    "id" TEXT NOT NULL,
    "line_id" BIGINT NOT NULL,
    "payment_id" TEXT NOT NULL,
    "ambiguous" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'PROPOSED',
    "decided_by_id" TEXT,
    "decided_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "match_candidates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "discrepancies" (
    "id" TEXT NOT NULL,
    "type" "DiscrepancyType" NOT NULL,
    "status" "DiscrepancyStatus" NOT NULL DEFAULT 'OPEN',
    "amount_fen" INTEGER NOT NULL,
    "biz_day" TEXT NOT NULL,
    "source" "StatementSource",
    "line_id" BIGINT,
    "payment_id" TEXT,
    "refund_id" TEXT,
    "order_id" TEXT,
    "dedupe_key" TEXT NOT NULL,
    "detail" JSONB NOT NULL DEFAULT '{}',
    "explanation" TEXT,
    "handled_by_id" TEXT,
    "handled_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "discrepancies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recon_baselines" (
    "biz_day" TEXT NOT NULL,
    "receivable_fen" BIGINT NOT NULL,
    "received_fen" BIGINT NOT NULL,
    "refund_due_fen" BIGINT NOT NULL,
    "refunded_fen" BIGINT NOT NULL,
    "commission_fen" BIGINT NOT NULL,
    "tax_fen" BIGINT NOT NULL,
    "order_count" INTEGER NOT NULL,
    "built_at" TIMESTAMPTZ(3) NOT NULL,
    "frozen_at" TIMESTAMPTZ(3),

    CONSTRAINT "recon_baselines_pkey" PRIMARY KEY ("biz_day")
);

-- CreateTable
CREATE TABLE "recon_postings" (
    "biz_day" TEXT NOT NULL,
    "order_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "amount_fen" INTEGER NOT NULL,

    CONSTRAINT "recon_postings_pkey" PRIMARY KEY ("biz_day","order_id","kind")
);

-- CreateTable
CREATE TABLE "recon_adjustments" (
    "id" TEXT NOT NULL,
    "biz_day" TEXT NOT NULL,
    "original_day" TEXT NOT NULL,
    "order_id" TEXT,
    "amount_fen" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closed_at" TIMESTAMPTZ(3),

    CONSTRAINT "recon_adjustments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recon_periods" (
    "biz_day" TEXT NOT NULL,
    "closed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closed_by_id" TEXT,

    CONSTRAINT "recon_periods_pkey" PRIMARY KEY ("biz_day")
);

-- CreateIndex
CREATE UNIQUE INDEX "invoices_invoice_no_key" ON "invoices"("invoice_no");
CREATE INDEX "invoices_order_id_idx" ON "invoices"("order_id");
CREATE UNIQUE INDEX "statement_files_file_sha256_key" ON "statement_files"("file_sha256");
CREATE INDEX "statement_files_created_at_idx" ON "statement_files"("created_at" DESC);
CREATE UNIQUE INDEX "statement_lines_line_key_key" ON "statement_lines"("line_key");
CREATE INDEX "statement_lines_file_id_line_no_idx" ON "statement_lines"("file_id", "line_no");
CREATE INDEX "statement_lines_provider_txn_id_idx" ON "statement_lines"("provider_txn_id");
CREATE INDEX "statement_lines_match_biz_day_idx" ON "statement_lines"("match", "biz_day");
CREATE INDEX "statement_lines_payment_id_idx" ON "statement_lines"("payment_id");
CREATE INDEX "statement_lines_order_id_idx" ON "statement_lines"("order_id");
CREATE UNIQUE INDEX "match_candidates_line_id_payment_id_key" ON "match_candidates"("line_id", "payment_id");
CREATE INDEX "match_candidates_status_created_at_idx" ON "match_candidates"("status", "created_at");
CREATE UNIQUE INDEX "discrepancies_dedupe_key_key" ON "discrepancies"("dedupe_key");
CREATE INDEX "discrepancies_status_biz_day_idx" ON "discrepancies"("status", "biz_day");
CREATE INDEX "discrepancies_biz_day_amount_fen_idx" ON "discrepancies"("biz_day", "amount_fen");
CREATE INDEX "discrepancies_order_id_idx" ON "discrepancies"("order_id");
CREATE INDEX "recon_postings_order_id_idx" ON "recon_postings"("order_id");
CREATE UNIQUE INDEX "recon_adjustments_dedupe_key_key" ON "recon_adjustments"("dedupe_key");
CREATE INDEX "recon_adjustments_biz_day_idx" ON "recon_adjustments"("biz_day");
CREATE INDEX "recon_adjustments_order_id_idx" ON "recon_adjustments"("order_id");

-- AddForeignKey: clearing demo orders (TRUNCATE … CASCADE) takes the order-bound reconciliation rows with it.
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "statement_file_errors" ADD CONSTRAINT "statement_file_errors_file_id_fkey" FOREIGN KEY ("file_id") REFERENCES "statement_files"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "statement_lines" ADD CONSTRAINT "statement_lines_file_id_fkey" FOREIGN KEY ("file_id") REFERENCES "statement_files"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "statement_lines" ADD CONSTRAINT "statement_lines_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "match_candidates" ADD CONSTRAINT "match_candidates_line_id_fkey" FOREIGN KEY ("line_id") REFERENCES "statement_lines"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "discrepancies" ADD CONSTRAINT "discrepancies_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "recon_postings" ADD CONSTRAINT "recon_postings_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "recon_adjustments" ADD CONSTRAINT "recon_adjustments_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Data: existing orders that asked for an invoice (tag 发票) and were delivered get their InvoiceNo
-- (the same statement as lib/reconciliation/invoices.ts, which the demo seed runs).
INSERT INTO "invoices" ("id", "invoice_no", "order_id", "amount_fen", "issued_at")
SELECT gen_random_uuid()::text,
       'IV' || to_char(o."delivered_at" AT TIME ZONE 'Asia/Shanghai', 'YYMMDD') || lpad(nextval('hub_invoice_no_seq')::text, 8, '0'),
       o."id", o."paid_fen" - o."refunded_fen", o."delivered_at"
FROM "orders" o
WHERE '发票' = ANY(o."tags") AND o."delivered_at" IS NOT NULL AND o."paid_fen" > o."refunded_fen"
  AND NOT EXISTS (SELECT 1 FROM "invoices" i WHERE i."order_id" = o."id");

-- Data: existing databases get the reconciliation permissions (lib/access/roles.ts).
UPDATE "roles" SET "permissions" = array_cat("permissions", ARRAY['finance.reconcile', 'finance.close']) WHERE "key" IN ('ADMIN', 'OPS_MANAGER', 'FINANCE') AND NOT ('finance.reconcile' = ANY("permissions"));
