-- Order lifecycle, second part (issue 4): every package of a multi-package WMS confirmation is its own
-- shipment with the items in it; refund notifications from the payment providers are applied, deduped
-- on the provider's refund id, and a refund the provider closed is recorded as failed.
-- Hand-written in Prisma Migrate's style; see lib/db/migrate.ts.

-- AlterEnum
ALTER TYPE "RefundStatus" ADD VALUE 'FAILED';

-- AlterTable
ALTER TABLE "shipments" ADD COLUMN "items" JSONB;

-- AlterTable
ALTER TABLE "refunds" ADD COLUMN "provider_refund_id" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "refunds_provider_refund_id_key" ON "refunds"("provider_refund_id");
