/**
 * InvoiceNo (IV + yyMMdd + 8 digits from a sequence): orders that asked for an invoice (tag 发票) get
 * one once delivered. The migration ran the same statement for existing rows; the demo seed runs it.
 */
import type { Db } from "../db/client";
import { BUSINESS_TIME_ZONE } from "../time/biz-time";

export async function issueDueInvoices(db: Db): Promise<number> {
  return db.$executeRawUnsafe(`
    INSERT INTO "invoices" ("id", "invoice_no", "order_id", "amount_fen", "issued_at")
    SELECT gen_random_uuid()::text,
           'IV' || to_char(o."delivered_at" AT TIME ZONE $1, 'YYMMDD') || lpad(nextval('hub_invoice_no_seq')::text, 8, '0'),
           o."id", o."paid_fen" - o."refunded_fen", o."delivered_at"
    FROM "orders" o
    WHERE '发票' = ANY(o."tags") AND o."delivered_at" IS NOT NULL AND o."paid_fen" > o."refunded_fen"
      AND NOT EXISTS (SELECT 1 FROM "invoices" i WHERE i."order_id" = o."id")`, BUSINESS_TIME_ZONE);
}
