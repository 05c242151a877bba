-- Anomaly workbench (issue 6): exceptions raised by rules, their history, rule settings, WMS approvals,
-- robot webhooks and their deliveries, the bell's read cursor.
-- Hand-written in Prisma Migrate's style; see lib/db/migrate.ts.

-- CreateEnum
CREATE TYPE "ExceptionSeverity" AS ENUM ('LIGHT', 'SEVERE');

-- CreateEnum
CREATE TYPE "ExceptionStatus" AS ENUM ('OPEN', 'CLAIMED', 'RESOLVED', 'AUTO_CLOSED');

-- CreateEnum
CREATE TYPE "ApprovalStatus" AS ENUM ('PENDING', 'APPROVED', 'REFUSED');

-- CreateTable
CREATE TABLE "order_exceptions" (
    "id" TEXT NOT NULL,
    "order_id" TEXT,
    "channel_id" TEXT,
    "rule_code" TEXT NOT NULL,
    "severity" "ExceptionSeverity" NOT NULL,
    "status" "ExceptionStatus" NOT NULL DEFAULT 'OPEN',
    "dedupe_key" TEXT,
    "detail" JSONB NOT NULL DEFAULT '{}',
    "assignee_id" TEXT,
    "claimed_at" TIMESTAMPTZ(3),
    "opened_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "closed_at" TIMESTAMPTZ(3),
    "closed_by_id" TEXT,
    "resolution_code" TEXT,
    "close_reason" TEXT,
    "needed_person" BOOLEAN NOT NULL DEFAULT false,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "order_exceptions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "exception_events" (
    "id" TEXT NOT NULL,
    "exception_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "body" TEXT,
    "actor_id" TEXT,
    "actor_name" TEXT NOT NULL,
    "target_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "exception_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "exception_rules" (
    "code" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "severity" "ExceptionSeverity" NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by_id" TEXT,

    CONSTRAINT "exception_rules_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "order_approvals" (
    "id" TEXT NOT NULL,
    "order_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" "ApprovalStatus" NOT NULL DEFAULT 'PENDING',
    "region" TEXT,
    "detail" JSONB NOT NULL DEFAULT '{}',
    "requested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_by_id" TEXT,
    "decided_at" TIMESTAMPTZ(3),
    "note" TEXT,

    CONSTRAINT "order_approvals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_webhooks" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "secret" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_webhooks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_deliveries" (
    "id" TEXT NOT NULL,
    "webhook_id" TEXT NOT NULL,
    "exception_id" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "response_code" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "alert_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification_cursors" (
    "user_id" TEXT NOT NULL,
    "seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_cursors_pkey" PRIMARY KEY ("user_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "order_exceptions_dedupe_key_key" ON "order_exceptions"("dedupe_key");

-- CreateIndex
CREATE INDEX "order_exceptions_status_due_at_idx" ON "order_exceptions"("status", "due_at");

-- CreateIndex
CREATE INDEX "order_exceptions_order_id_idx" ON "order_exceptions"("order_id");

-- CreateIndex
CREATE INDEX "order_exceptions_assignee_id_status_idx" ON "order_exceptions"("assignee_id", "status");

-- CreateIndex
CREATE INDEX "order_exceptions_rule_code_opened_at_idx" ON "order_exceptions"("rule_code", "opened_at" DESC);

-- CreateIndex
CREATE INDEX "order_exceptions_opened_at_idx" ON "order_exceptions"("opened_at" DESC);

-- CreateIndex
CREATE INDEX "order_exceptions_closed_at_idx" ON "order_exceptions"("closed_at");

-- CreateIndex
CREATE INDEX "exception_events_exception_id_created_at_idx" ON "exception_events"("exception_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "order_approvals_order_id_kind_key" ON "order_approvals"("order_id", "kind");

-- CreateIndex
CREATE INDEX "order_approvals_status_requested_at_idx" ON "order_approvals"("status", "requested_at");

-- CreateIndex
CREATE UNIQUE INDEX "alert_deliveries_webhook_id_exception_id_key" ON "alert_deliveries"("webhook_id", "exception_id");

-- CreateIndex
CREATE INDEX "alert_deliveries_status_created_at_idx" ON "alert_deliveries"("status", "created_at");

-- AddForeignKey
ALTER TABLE "order_exceptions" ADD CONSTRAINT "order_exceptions_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_exceptions" ADD CONSTRAINT "order_exceptions_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "exception_events" ADD CONSTRAINT "exception_events_exception_id_fkey" FOREIGN KEY ("exception_id") REFERENCES "order_exceptions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_approvals" ADD CONSTRAINT "order_approvals_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_webhook_id_fkey" FOREIGN KEY ("webhook_id") REFERENCES "alert_webhooks"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_exception_id_fkey" FOREIGN KEY ("exception_id") REFERENCES "order_exceptions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Data: existing databases get the anomaly permissions (lib/access/roles.ts).
UPDATE "roles" SET "permissions" = array_cat("permissions", ARRAY['exception.handle', 'exception.approve', 'rules.manage']) WHERE "key" IN ('ADMIN', 'OPS_MANAGER') AND NOT ('exception.handle' = ANY("permissions"));
UPDATE "roles" SET "permissions" = array_cat("permissions", ARRAY['exception.approve']) WHERE "key" IN ('REGIONAL_MANAGER') AND NOT ('exception.approve' = ANY("permissions"));
UPDATE "roles" SET "permissions" = array_cat("permissions", ARRAY['exception.handle']) WHERE "key" IN ('CS_AGENT', 'WAREHOUSE') AND NOT ('exception.handle' = ANY("permissions"));
