-- Customer master data (issue 9): identity evidence, merge proposals, merges with history, CS notes.
-- Hand-written in Prisma Migrate's style; see lib/db/migrate.ts.

-- AlterTable
ALTER TABLE "customers" ADD COLUMN     "merged_into_id" TEXT;

-- CreateTable
CREATE TABLE "customer_identities" (
    "id" TEXT NOT NULL,
    "customer_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "value_hash" TEXT NOT NULL,
    "display" TEXT NOT NULL,
    "source_order_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "customer_identities_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "customer_merge_proposals" (
    "id" TEXT NOT NULL,
    "customer_a_id" TEXT NOT NULL,
    "customer_b_id" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "evidence" JSONB NOT NULL DEFAULT '[]',
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "customer_merge_proposals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "customer_merges" (
    "id" TEXT NOT NULL,
    "survivor_id" TEXT NOT NULL,
    "merged_id" TEXT NOT NULL,
    "proposal_id" TEXT,
    "moved_order_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "moved_identity_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "moved_note_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "merged_by_id" TEXT,
    "merged_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "unmerged_by_id" TEXT,
    "unmerged_at" TIMESTAMPTZ(3),

    CONSTRAINT "customer_merges_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "customer_notes" (
    "id" TEXT NOT NULL,
    "customer_id" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "author_id" TEXT,
    "author_name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "customer_notes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "customer_identities_kind_value_hash_idx" ON "customer_identities"("kind", "value_hash");

-- CreateIndex
CREATE INDEX "customer_identities_customer_id_idx" ON "customer_identities"("customer_id");

-- CreateIndex
CREATE UNIQUE INDEX "customer_identities_source_order_id_kind_value_hash_key" ON "customer_identities"("source_order_id", "kind", "value_hash");

-- CreateIndex
CREATE INDEX "customer_merge_proposals_status_score_idx" ON "customer_merge_proposals"("status", "score" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "customer_merge_proposals_customer_a_id_customer_b_id_key" ON "customer_merge_proposals"("customer_a_id", "customer_b_id");

-- CreateIndex
CREATE INDEX "customer_merges_survivor_id_idx" ON "customer_merges"("survivor_id");

-- CreateIndex
CREATE INDEX "customer_merges_merged_id_idx" ON "customer_merges"("merged_id");

-- CreateIndex
CREATE INDEX "customer_notes_customer_id_created_at_idx" ON "customer_notes"("customer_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "customer_notes_created_at_idx" ON "customer_notes"("created_at");

-- AddForeignKey
ALTER TABLE "customer_identities" ADD CONSTRAINT "customer_identities_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customer_notes" ADD CONSTRAINT "customer_notes_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Data: existing databases get the customer permissions (lib/access/roles.ts).
UPDATE "roles" SET "permissions" = array_cat("permissions", ARRAY['customer.view', 'customer.merge']) WHERE "key" IN ('ADMIN', 'OPS_MANAGER') AND NOT ('customer.view' = ANY("permissions"));
UPDATE "roles" SET "permissions" = array_cat("permissions", ARRAY['customer.view']) WHERE "key" IN ('CS_AGENT') AND NOT ('customer.view' = ANY("permissions"));
