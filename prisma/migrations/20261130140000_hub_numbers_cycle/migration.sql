-- Hub numbers of ingested documents: the sequences ended at 49,999,999, so after five million
-- ingested orders (or payments, or refunds) in the hub's whole life every ingest failed. They now
-- cycle, and the number's date part is the day the hub issues it (lib/ingestion/hub-numbers.ts),
-- so a value is reused only on a later day and numbers stay unique up to five million a day.
ALTER SEQUENCE "hub_order_no_seq" CYCLE;
ALTER SEQUENCE "hub_pay_no_seq" CYCLE;
ALTER SEQUENCE "hub_refund_no_seq" CYCLE;
