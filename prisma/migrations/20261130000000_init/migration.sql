-- Order Hub core schema (issue 2). Hand-written in Prisma Migrate's style; see lib/db/migrate.ts.

CREATE TYPE "Platform" AS ENUM ('TMALL', 'JD', 'PDD', 'DOUYIN', 'OWN_MALL', 'POS');
CREATE TYPE "OrderStatus" AS ENUM ('PENDING_PAYMENT', 'PAID', 'PUSHED_TO_WMS', 'SHIPPED', 'DELIVERED', 'COMPLETED', 'CANCELLED', 'AFTER_SALE', 'REFUNDED', 'NEEDS_REVIEW', 'ON_HOLD');
CREATE TYPE "StatusSource" AS ENUM ('PLATFORM_PUSH', 'PLATFORM_PULL', 'FILE_IMPORT', 'WMS_CALLBACK', 'PAYMENT_NOTIFY', 'LOGISTICS_PUSH', 'CONSOLE', 'SCHEDULER', 'SEED');
CREATE TYPE "PaymentProvider" AS ENUM ('WECHAT', 'ALIPAY', 'PLATFORM', 'CASH');
CREATE TYPE "RefundStatus" AS ENUM ('REQUESTED', 'COMPLETED', 'REJECTED');

CREATE TABLE "channels" (
    "id" TEXT NOT NULL,
    "platform" "Platform" NOT NULL,
    "name" TEXT NOT NULL,
    "shop_code" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "pull_interval_minutes" INTEGER NOT NULL DEFAULT 15,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "channels_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "channels_platform_shop_code_key" ON "channels"("platform", "shop_code");

CREATE TABLE "customers" (
    "id" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "phone" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "customers_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "customers_phone_idx" ON "customers"("phone");

CREATE TABLE "orders" (
    "id" TEXT NOT NULL,
    "order_no" TEXT NOT NULL,
    "channel_id" TEXT NOT NULL,
    "platform_order_id" TEXT NOT NULL,
    "platform_status" TEXT NOT NULL,
    "status" "OrderStatus" NOT NULL,
    "customer_id" TEXT,
    "buyer_nick" TEXT,
    "receiver_name" TEXT NOT NULL,
    "receiver_phone" TEXT,
    "receiver_province" TEXT,
    "receiver_city" TEXT,
    "receiver_district" TEXT,
    "receiver_detail" TEXT NOT NULL,
    "receiver_region" TEXT,
    "address_incomplete" BOOLEAN NOT NULL DEFAULT false,
    "goods_fen" INTEGER NOT NULL,
    "freight_fen" INTEGER NOT NULL DEFAULT 0,
    "merchant_discount_fen" INTEGER NOT NULL DEFAULT 0,
    "platform_subsidy_fen" INTEGER NOT NULL DEFAULT 0,
    "coupon_fen" INTEGER NOT NULL DEFAULT 0,
    "paid_fen" INTEGER NOT NULL,
    "refunded_fen" INTEGER NOT NULL DEFAULT 0,
    "buyer_note" TEXT,
    "seller_note" TEXT,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "is_test" BOOLEAN NOT NULL DEFAULT false,
    "priority" INTEGER NOT NULL DEFAULT 0,
    "placed_at" TIMESTAMPTZ(3) NOT NULL,
    "paid_at" TIMESTAMPTZ(3),
    "shipped_at" TIMESTAMPTZ(3),
    "delivered_at" TIMESTAMPTZ(3),
    "completed_at" TIMESTAMPTZ(3),
    "platform_modified_at" TIMESTAMPTZ(3) NOT NULL,
    "raw_payload" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "orders_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "orders_order_no_key" ON "orders"("order_no");
CREATE UNIQUE INDEX "orders_channel_id_platform_order_id_key" ON "orders"("channel_id", "platform_order_id");
CREATE INDEX "orders_placed_at_idx" ON "orders"("placed_at" DESC);
CREATE INDEX "orders_status_placed_at_idx" ON "orders"("status", "placed_at" DESC);
CREATE INDEX "orders_channel_id_placed_at_idx" ON "orders"("channel_id", "placed_at" DESC);
CREATE INDEX "orders_paid_fen_idx" ON "orders"("paid_fen");
CREATE INDEX "orders_platform_order_id_idx" ON "orders"("platform_order_id");
CREATE INDEX "orders_receiver_phone_idx" ON "orders"("receiver_phone");
CREATE INDEX "orders_customer_id_idx" ON "orders"("customer_id");
CREATE INDEX "orders_receiver_region_placed_at_idx" ON "orders"("receiver_region", "placed_at" DESC);

CREATE TABLE "order_items" (
    "id" TEXT NOT NULL,
    "order_id" TEXT NOT NULL,
    "sku_code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unit_price_fen" INTEGER NOT NULL,
    "discount_fen" INTEGER NOT NULL DEFAULT 0,
    "paid_fen" INTEGER NOT NULL,
    CONSTRAINT "order_items_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "order_items_order_id_idx" ON "order_items"("order_id");
CREATE INDEX "order_items_sku_code_idx" ON "order_items"("sku_code");

CREATE TABLE "payments" (
    "id" TEXT NOT NULL,
    "pay_no" TEXT NOT NULL,
    "order_id" TEXT,
    "provider" "PaymentProvider" NOT NULL,
    "provider_txn_id" TEXT,
    "amount_fen" INTEGER NOT NULL,
    "paid_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "payments_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "payments_pay_no_key" ON "payments"("pay_no");
CREATE UNIQUE INDEX "payments_provider_provider_txn_id_key" ON "payments"("provider", "provider_txn_id");
CREATE INDEX "payments_order_id_idx" ON "payments"("order_id");
CREATE INDEX "payments_provider_txn_id_idx" ON "payments"("provider_txn_id");

CREATE TABLE "refunds" (
    "id" TEXT NOT NULL,
    "refund_no" TEXT NOT NULL,
    "order_id" TEXT NOT NULL,
    "amount_fen" INTEGER NOT NULL,
    "reason" TEXT,
    "status" "RefundStatus" NOT NULL,
    "requested_at" TIMESTAMPTZ(3) NOT NULL,
    "completed_at" TIMESTAMPTZ(3),
    CONSTRAINT "refunds_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "refunds_refund_no_key" ON "refunds"("refund_no");
CREATE INDEX "refunds_order_id_idx" ON "refunds"("order_id");

CREATE TABLE "shipments" (
    "id" TEXT NOT NULL,
    "order_id" TEXT NOT NULL,
    "carrier_code" TEXT NOT NULL,
    "tracking_no" TEXT NOT NULL,
    "shipped_at" TIMESTAMPTZ(3) NOT NULL,
    "last_event_at" TIMESTAMPTZ(3),
    "last_event" TEXT,
    CONSTRAINT "shipments_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "shipments_carrier_code_tracking_no_key" ON "shipments"("carrier_code", "tracking_no");
CREATE INDEX "shipments_order_id_idx" ON "shipments"("order_id");
CREATE INDEX "shipments_tracking_no_idx" ON "shipments"("tracking_no");

CREATE TABLE "order_status_log" (
    "id" BIGSERIAL NOT NULL,
    "order_id" TEXT NOT NULL,
    "from_status" "OrderStatus",
    "to_status" "OrderStatus" NOT NULL,
    "action" TEXT NOT NULL,
    "actor_id" TEXT,
    "actor_name" TEXT NOT NULL,
    "source" "StatusSource" NOT NULL,
    "reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "order_status_log_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "order_status_log_order_id_created_at_idx" ON "order_status_log"("order_id", "created_at");

CREATE TABLE "roles" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name_zh" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "permissions" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "row_scope" TEXT NOT NULL DEFAULT 'ALL',
    "unmasked_fields" TEXT[] DEFAULT ARRAY[]::TEXT[],
    CONSTRAINT "roles_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "roles_key_key" ON "roles"("key");

CREATE TABLE "users" (
    "id" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role_id" TEXT NOT NULL,
    "region" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "locale" TEXT NOT NULL DEFAULT 'zh-CN',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deactivated_at" TIMESTAMPTZ(3),
    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "users_username_key" ON "users"("username");

CREATE TABLE "user_channel_scopes" (
    "user_id" TEXT NOT NULL,
    "channel_id" TEXT NOT NULL,
    CONSTRAINT "user_channel_scopes_pkey" PRIMARY KEY ("user_id", "channel_id")
);

CREATE TABLE "login_attempts" (
    "id" BIGSERIAL NOT NULL,
    "username" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "login_attempts_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "login_attempts_username_created_at_idx" ON "login_attempts"("username", "created_at");

CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "actor_id" TEXT,
    "actor_name" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity_type" TEXT,
    "entity_id" TEXT,
    "detail" JSONB,
    "prev_hash" TEXT,
    "hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "audit_log_created_at_idx" ON "audit_log"("created_at");
CREATE INDEX "audit_log_actor_id_created_at_idx" ON "audit_log"("actor_id", "created_at");
CREATE INDEX "audit_log_entity_type_entity_id_idx" ON "audit_log"("entity_type", "entity_id");
CREATE INDEX "audit_log_action_created_at_idx" ON "audit_log"("action", "created_at");

-- The audit trail is append-only for every role, the app's own included.
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();

CREATE TABLE "integration_heartbeats" (
    "id" BIGSERIAL NOT NULL,
    "peer" TEXT NOT NULL,
    "ok" BOOLEAN NOT NULL,
    "latency_ms" INTEGER,
    "detail" TEXT,
    "checked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "integration_heartbeats_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "integration_heartbeats_peer_checked_at_idx" ON "integration_heartbeats"("peer", "checked_at");

ALTER TABLE "orders" ADD CONSTRAINT "orders_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "channels"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "orders" ADD CONSTRAINT "orders_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "order_items" ADD CONSTRAINT "order_items_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "payments" ADD CONSTRAINT "payments_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "shipments" ADD CONSTRAINT "shipments_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "order_status_log" ADD CONSTRAINT "order_status_log_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "users" ADD CONSTRAINT "users_role_id_fkey" FOREIGN KEY ("role_id") REFERENCES "roles"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "user_channel_scopes" ADD CONSTRAINT "user_channel_scopes_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "user_channel_scopes" ADD CONSTRAINT "user_channel_scopes_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "channels"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
