-- Order lifecycle (issue 4): idempotency keys, transactional outbox, inbound callbacks, shipment
-- events, dead letters and alerts. No foreign keys to orders/shipments on purpose: these are logs
-- that must survive (and never block) a TRUNCATE of the demo orders.

-- CreateTable
CREATE TABLE "idempotency_keys" (
    "action" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "order_id" TEXT NOT NULL,
    "result" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("action","key")
);

-- CreateTable
CREATE TABLE "outbox_events" (
    "id" BIGSERIAL NOT NULL,
    "event_type" TEXT NOT NULL,
    "order_id" TEXT,
    "payload" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_at" TIMESTAMPTZ(3),

    CONSTRAINT "outbox_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "inbound_requests" (
    "id" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "dedupe_key" TEXT,
    "headers" JSONB NOT NULL,
    "body" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "error_code" TEXT,
    "order_id" TEXT,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "inbound_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "shipment_events" (
    "id" BIGSERIAL NOT NULL,
    "shipment_id" TEXT NOT NULL,
    "event_at" TIMESTAMPTZ(3) NOT NULL,
    "context" TEXT NOT NULL,
    "status_code" TEXT,
    "area_name" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "shipment_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "integration_dead_letters" (
    "id" TEXT NOT NULL,
    "queue" TEXT NOT NULL,
    "job_id" TEXT,
    "payload" JSONB NOT NULL,
    "last_error" TEXT,
    "failed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "rerun_at" TIMESTAMPTZ(3),
    "rerun_by" TEXT,

    CONSTRAINT "integration_dead_letters_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "order_alerts" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "alert_key" TEXT NOT NULL,
    "order_id" TEXT,
    "detail" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMPTZ(3),

    CONSTRAINT "order_alerts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "idempotency_keys_order_id_idx" ON "idempotency_keys"("order_id");

-- CreateIndex
CREATE INDEX "outbox_events_published_at_id_idx" ON "outbox_events"("published_at", "id");

-- CreateIndex
CREATE INDEX "outbox_events_order_id_idx" ON "outbox_events"("order_id");

-- CreateIndex
CREATE INDEX "inbound_requests_source_received_at_idx" ON "inbound_requests"("source", "received_at" DESC);

-- CreateIndex
CREATE INDEX "inbound_requests_dedupe_key_idx" ON "inbound_requests"("dedupe_key");

-- CreateIndex
CREATE INDEX "inbound_requests_outcome_received_at_idx" ON "inbound_requests"("outcome", "received_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "shipment_events_shipment_id_event_at_context_key" ON "shipment_events"("shipment_id", "event_at", "context");

-- CreateIndex
CREATE INDEX "integration_dead_letters_rerun_at_failed_at_idx" ON "integration_dead_letters"("rerun_at", "failed_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "order_alerts_alert_key_key" ON "order_alerts"("alert_key");

-- CreateIndex
CREATE INDEX "order_alerts_kind_created_at_idx" ON "order_alerts"("kind", "created_at" DESC);

-- CreateIndex
CREATE INDEX "order_alerts_order_id_idx" ON "order_alerts"("order_id");

-- Data: existing databases get the order-action permissions (lib/access/roles.ts).
UPDATE "roles" SET "permissions" = array_cat("permissions", ARRAY['order.ship', 'order.hold', 'order.refund']) WHERE "key" IN ('CS_AGENT') AND NOT ('order.ship' = ANY("permissions"));
UPDATE "roles" SET "permissions" = array_cat("permissions", ARRAY['order.ship']) WHERE "key" IN ('WAREHOUSE') AND NOT ('order.ship' = ANY("permissions"));
UPDATE "roles" SET "permissions" = array_cat("permissions", ARRAY['order.refundComplete']) WHERE "key" IN ('FINANCE') AND NOT ('order.refundComplete' = ANY("permissions"));
UPDATE "roles" SET "permissions" = array_cat("permissions", ARRAY['order.ship', 'order.hold', 'order.refund', 'order.refundComplete', 'order.manage', 'integration.manage']) WHERE "key" IN ('ADMIN', 'OPS_MANAGER') AND NOT ('order.manage' = ANY("permissions"));
