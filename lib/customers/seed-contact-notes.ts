/**
 * Demo contact notes: about one order in 25 that has shipped got a contact from its buyer — a call
 * or a chat, written up by the CS agent (陈客服) a few hours after shipment. They give the 客户 page
 * histories and the dashboards' inquiry rate (notes that name an order) something real to count.
 * Deterministic (a hash of the order id) and idempotent: orders that already have a note are skipped.
 */
const TOPICS = [
  ["PHONE", "客户来电询问物流进度，已告知快递单号与预计送达时间"],
  ["CHAT", "在线咨询：包裹显示已发货但物流未更新，已安抚并承诺跟进"],
  ["PHONE", "客户来电要求补开发票，已登记抬头与税号"],
  ["CHAT", "在线咨询商品使用方法，已发送说明书链接"],
  ["PHONE", "客户催促派送，已联系快递加急"],
] as const;

export async function seedDemoContactNotes(db: { query: (sql: string, values?: unknown[]) => Promise<unknown> }): Promise<void> {
  await db.query(
    `INSERT INTO customer_notes (id, customer_id, channel, body, author_id, author_name, created_at, order_id)
     SELECT gen_random_uuid()::text, o.customer_id, (t.topics)[1 + abs(hashtext(o.id || 'topic')) % $1::int][1], (t.topics)[1 + abs(hashtext(o.id || 'topic')) % $1::int][2],
            u.id, u.display_name, o.shipped_at + make_interval(mins => 30 + abs(hashtext(o.id)) % 1440), o.id
     FROM orders o
     CROSS JOIN (SELECT $2::text[][] AS topics) t
     CROSS JOIN LATERAL (SELECT id, display_name FROM users WHERE username = 'cs') u
     WHERE o.shipped_at IS NOT NULL AND o.customer_id IS NOT NULL AND o.is_test = false AND abs(hashtext(o.id)) % 25 = 0
       AND o.shipped_at + make_interval(mins => 30 + abs(hashtext(o.id)) % 1440) < now()
       AND NOT EXISTS (SELECT 1 FROM customer_notes n WHERE n.order_id = o.id)`,
    [TOPICS.length, TOPICS.map((t) => [...t])],
  );
}
