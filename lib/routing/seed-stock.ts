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
