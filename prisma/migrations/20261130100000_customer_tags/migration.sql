-- Customer master data, second part (issue 9): stored behaviour tags with the figures behind them,
-- and the order a contact note was about (so a scoped agent sees only notes about orders in scope).
-- Hand-written in Prisma Migrate's style; see lib/db/migrate.ts.

-- CreateTable
CREATE TABLE "customer_tags" (
    "customer_id" TEXT NOT NULL,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "paid_orders" INTEGER NOT NULL DEFAULT 0,
    "recent_orders" INTEGER NOT NULL DEFAULT 0,
    "returned_orders" INTEGER NOT NULL DEFAULT 0,
    "paid_fen" BIGINT NOT NULL DEFAULT 0,
    "avg_order_fen" INTEGER NOT NULL DEFAULT 0,
    "last_order_at" TIMESTAMPTZ(3),
    "rules" JSONB NOT NULL DEFAULT '{}',
    "computed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "customer_tags_pkey" PRIMARY KEY ("customer_id")
);

-- AddForeignKey
ALTER TABLE "customer_tags" ADD CONSTRAINT "customer_tags_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AlterTable
ALTER TABLE "customer_notes" ADD COLUMN     "order_id" TEXT;


-- The proposal pass groups identity values with their customers: an index-only scan with customer_id in
-- the index (lookups by kind + value use its prefix, so the old index goes).
DROP INDEX "customer_identities_kind_value_hash_idx";

-- CreateIndex
CREATE INDEX "customer_identities_kind_value_hash_customer_id_idx" ON "customer_identities"("kind", "value_hash", "customer_id");
