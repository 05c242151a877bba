-- AlterTable
ALTER TABLE "roles" ADD COLUMN     "export_row_cap" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "unmask_requests" (
    "id" TEXT NOT NULL,
    "requester_id" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "entity_label" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "decided_by_id" TEXT,
    "decided_at" TIMESTAMPTZ(3),
    "decision_note" TEXT,
    "expires_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "unmask_requests_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "unmask_requests_requester_id_created_at_idx" ON "unmask_requests"("requester_id", "created_at");

-- CreateIndex
CREATE INDEX "unmask_requests_status_created_at_idx" ON "unmask_requests"("status", "created_at");

-- CreateIndex
CREATE INDEX "unmask_requests_requester_id_entity_type_entity_id_idx" ON "unmask_requests"("requester_id", "entity_type", "entity_id");

-- AddForeignKey
ALTER TABLE "unmask_requests" ADD CONSTRAINT "unmask_requests_requester_id_fkey" FOREIGN KEY ("requester_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unmask_requests" ADD CONSTRAINT "unmask_requests_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Data: existing databases get the new permission and the default export caps (lib/access/roles.ts).
UPDATE "roles" SET "permissions" = array_cat("permissions", ARRAY['unmask.approve']) WHERE "key" IN ('ADMIN', 'OPS_MANAGER') AND NOT ('unmask.approve' = ANY("permissions"));
UPDATE "roles" SET "export_row_cap" = 50000 WHERE "key" IN ('ADMIN', 'OPS_MANAGER', 'FINANCE');
UPDATE "roles" SET "export_row_cap" = 10000 WHERE "key" = 'REGIONAL_MANAGER';
