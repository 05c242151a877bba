-- Status-health and KPI dashboards (issue 7): per-order facts (the state last applied to the rollups),
-- daily rollups by placed day and by transition day, refused status transitions, the refresher's state.
-- Hand-written in Prisma Migrate's style; see lib/db/migrate.ts.

-- CreateTable
CREATE TABLE "dash_order_facts" (
    "order_id" TEXT NOT NULL,
    "biz_day" DATE NOT NULL,
    "channel_id" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "is_test" BOOLEAN NOT NULL,
    "status" "OrderStatus" NOT NULL,
    "status_since" TIMESTAMPTZ(3) NOT NULL,
    "paid" BOOLEAN NOT NULL,
    "paid_fen" INTEGER NOT NULL,
    "refunded_fen" INTEGER NOT NULL,
    "warehouse_id" TEXT NOT NULL,
    "cycle_minutes" INTEGER,
    "reworked" BOOLEAN NOT NULL,
    "inquired" BOOLEAN NOT NULL,
    "last_log_id" BIGINT NOT NULL DEFAULT 0,
    "last_refusal_id" BIGINT NOT NULL DEFAULT 0,
    "refreshed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dash_order_facts_pkey" PRIMARY KEY ("order_id")
);

-- CreateTable
CREATE TABLE "dash_order_daily" (
    "biz_day" DATE NOT NULL,
    "channel_id" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "is_test" BOOLEAN NOT NULL,
    "status" "OrderStatus" NOT NULL,
    "warehouse_id" TEXT NOT NULL,
    "orders" INTEGER NOT NULL DEFAULT 0,
    "paid_orders" INTEGER NOT NULL DEFAULT 0,
    "paid_fen" BIGINT NOT NULL DEFAULT 0,
    "refunded_fen" BIGINT NOT NULL DEFAULT 0,
    "shipped" INTEGER NOT NULL DEFAULT 0,
    "cycle_minutes_sum" BIGINT NOT NULL DEFAULT 0,
    "cycle_late" INTEGER NOT NULL DEFAULT 0,
    "reworked" INTEGER NOT NULL DEFAULT 0,
    "inquired" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "dash_order_daily_pkey" PRIMARY KEY ("biz_day","channel_id","region","is_test","status","warehouse_id")
);

-- CreateTable
CREATE TABLE "dash_transition_daily" (
    "biz_day" DATE NOT NULL,
    "channel_id" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "is_test" BOOLEAN NOT NULL,
    "kind" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "actor_id" TEXT NOT NULL,
    "actor_name" TEXT NOT NULL,
    "transitions" INTEGER NOT NULL DEFAULT 0,
    "handled_count" INTEGER NOT NULL DEFAULT 0,
    "handled_ms_sum" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "dash_transition_daily_pkey" PRIMARY KEY ("biz_day","channel_id","region","is_test","kind","action","source","actor_id","actor_name")
);

-- CreateTable
CREATE TABLE "transition_refusals" (
    "id" BIGSERIAL NOT NULL,
    "order_id" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "from_status" "OrderStatus" NOT NULL,
    "code" TEXT NOT NULL,
    "actor_id" TEXT,
    "actor_name" TEXT NOT NULL,
    "source" "StatusSource" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "transition_refusals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dash_refresh_state" (
    "id" TEXT NOT NULL,
    "feed_from" TIMESTAMPTZ(3) NOT NULL,
    "last_run_at" TIMESTAMPTZ(3),
    "last_full_at" TIMESTAMPTZ(3),
    "last_orders" INTEGER NOT NULL DEFAULT 0,
    "last_ms" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "dash_refresh_state_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "dash_order_facts_status_status_since_idx" ON "dash_order_facts"("status", "status_since");

-- CreateIndex
CREATE INDEX "dash_order_daily_biz_day_idx" ON "dash_order_daily"("biz_day");

-- CreateIndex
CREATE INDEX "dash_transition_daily_biz_day_idx" ON "dash_transition_daily"("biz_day");

-- CreateIndex
CREATE INDEX "transition_refusals_order_id_idx" ON "transition_refusals"("order_id");

-- CreateIndex
CREATE INDEX "transition_refusals_created_at_idx" ON "transition_refusals"("created_at");

-- CreateIndex: the rollup refresher reads the status log by time (its change feed).
CREATE INDEX "order_status_log_created_at_idx" ON "order_status_log"("created_at");

-- AddForeignKey
ALTER TABLE "dash_order_facts" ADD CONSTRAINT "dash_order_facts_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transition_refusals" ADD CONSTRAINT "transition_refusals_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;
