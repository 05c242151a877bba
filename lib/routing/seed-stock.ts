/**
 * Demo stock: every SKU the demo orders sell, 200 on hand in every warehouse, so pushed, imported
 * and pulled demo orders route; kept when it exists (a re-seed does not reset reservations).
 */
export async function seedDemoStock(db: { query: (sql: string) => Promise<unknown> }): Promise<void> {
  await db.query(`
    INSERT INTO stock_levels (warehouse_id, sku_code, on_hand)
    SELECT w.id, s.sku_code, 200 FROM warehouses w CROSS JOIN (SELECT DISTINCT sku_code FROM order_items) s
    ON CONFLICT DO NOTHING`);
}

/**
 * Demo routing: every paid demo order records the warehouse ingestion's routing would pick first
 * (candidateWarehouses over loadRoutingRules: active rules of active warehouses by priority, then id;
 * region, SKU-prefix and fallback rules), so the dashboards' warehouse tier has real rows instead of
 * 未分仓. Historical demo orders reserve nothing: the seeded stock is what is free today. One
 * set-based statement (a million-order seed); idempotent (orders already routed keep their routing).
 */
export async function seedDemoRoutings(db: { query: (sql: string) => Promise<unknown> }): Promise<void> {
  await db.query(`
    INSERT INTO order_routings (order_id, warehouse_id, status, reserved, routed_at)
    SELECT o.id, w.warehouse_id, 'ROUTED', '[]'::jsonb, o.paid_at
    FROM orders o
    CROSS JOIN LATERAL (
      SELECT r.warehouse_id FROM routing_rules r JOIN warehouses wh ON wh.id = r.warehouse_id AND wh.active
      WHERE r.active AND (
        r.kind = 'FALLBACK'
        OR (r.kind = 'REGION' AND r.match_value = o.receiver_region)
        OR (r.kind = 'SKU_PREFIX' AND r.match_value <> '' AND NOT EXISTS (
          SELECT 1 FROM order_items i WHERE i.order_id = o.id AND NOT starts_with(i.sku_code, r.match_value))))
      ORDER BY r.priority, r.id LIMIT 1
    ) w
    WHERE o.paid_at IS NOT NULL
    ON CONFLICT (order_id) DO NOTHING`);
}
