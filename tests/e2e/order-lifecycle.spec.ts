import { query } from "./fixtures/db";
import { expect, test } from "./fixtures/test";

/** SPEC §2: a double-clicked 发货 button creates one shipment, not two. */
test("a CS agent ships an order from the console; a double click makes one shipment and one log row", async ({ pageAs }) => {
  const [o] = await query<{ id: string; order_no: string }>(
    `SELECT o.id, o.order_no FROM orders o
     WHERE o.channel_id IN ('ch_tmall', 'ch_jd', 'ch_pdd', 'ch_douyin') AND o.status IN ('PAID', 'PUSHED_TO_WMS') AND NOT EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = o.id)
     ORDER BY o.placed_at DESC LIMIT 1`,
  );
  const trackingNo = `SF${Date.now()}`;
  const page = await pageAs("cs");
  await page.goto(`/orders/${o.id}`);
  await expect(page.getByTestId("order-no")).toHaveText(o.order_no);
  // CS may ship, hold and request refunds, but not cancel (ops decides that).
  await expect(page.getByTestId("action-confirmShipment")).toBeVisible();
  await expect(page.getByTestId("action-cancel")).toHaveCount(0);

  await page.getByTestId("action-confirmShipment").click();
  await expect(page.getByTestId("action-dialog")).toContainText(o.order_no);
  // Shipping without a tracking number is refused with a clear message, nothing changes.
  await page.getByTestId("action-confirm").click();
  await expect(page.getByTestId("action-error")).toContainText("发货必须填写快递公司和运单号");
  await page.getByTestId("tracking-no").fill(trackingNo);
  await page.screenshot({ path: "test-results/screens/order-ship-dialog.png" });
  await page.getByTestId("action-confirm").dblclick();
  await expect(page.getByTestId("action-notice")).toBeVisible();
  await expect(page.getByTestId("action-confirmShipment")).toHaveCount(0);
  await expect(page.getByText(trackingNo)).toBeVisible();
  await expect(page.getByTestId("timeline")).toContainText("确认发货");
  await page.screenshot({ path: "test-results/screens/order-shipped.png", fullPage: true });

  const [counts] = await query<{ shipments: string; logs: string; events: string }>(
    `SELECT (SELECT count(*) FROM shipments WHERE order_id = $1) AS shipments,
            (SELECT count(*) FROM order_status_log WHERE order_id = $1 AND action = 'confirmShipment') AS logs,
            (SELECT count(*) FROM outbox_events WHERE order_id = $1 AND event_type = 'ORDER_SHIPPED') AS events`,
    [o.id],
  );
  expect(counts).toEqual({ shipments: "1", logs: "1", events: "1" });
});

test("an auditor is offered no order actions; ops sees the 集成 page, CS does not", async ({ pageAs }) => {
  const [o] = await query<{ id: string }>(`SELECT id FROM orders WHERE status IN ('PAID', 'PUSHED_TO_WMS', 'SHIPPED') ORDER BY placed_at DESC LIMIT 1`);
  const auditor = await pageAs("auditor");
  await auditor.goto(`/orders/${o.id}`);
  await expect(auditor.getByTestId("no-order-actions")).toBeVisible();

  const ops = await pageAs("ops");
  await ops.goto("/integrations");
  await expect(ops.getByRole("heading", { name: "集成" })).toBeVisible();
  await expect(ops.getByTestId("outbox-backlog")).toBeVisible();
  await ops.screenshot({ path: "test-results/screens/integrations.png", fullPage: true });

  const cs = await pageAs("cs");
  await cs.goto("/orders");
  await expect(cs.getByRole("link", { name: "集成" })).toHaveCount(0);
  await cs.goto("/integrations"); // not found for roles without integration.manage
  await expect(cs.getByText("404")).toBeVisible();
  await expect(cs.getByTestId("outbox-backlog")).toHaveCount(0);
});

test("finance marks a refund the provider closed as failed: reason required, order back where it was", async ({ pageAs }) => {
  const [o] = await query<{ id: string; order_no: string; before: string }>(
    `SELECT o.id, o.order_no, l.from_status::text AS before FROM orders o
     JOIN LATERAL (SELECT from_status FROM order_status_log WHERE order_id = o.id AND to_status = 'AFTER_SALE' ORDER BY id DESC LIMIT 1) l ON true
     WHERE o.status = 'AFTER_SALE' AND l.from_status IS NOT NULL AND EXISTS (SELECT 1 FROM refunds r WHERE r.order_id = o.id AND r.status = 'REQUESTED')
     -- Back to 已签收, where finance has nothing more to do: the notice must still show.
     ORDER BY (l.from_status = 'DELIVERED') DESC, o.placed_at DESC LIMIT 1`,
  );
  const page = await pageAs("finance");
  await page.goto(`/orders/${o.id}`);
  await page.waitForLoadState("networkidle");
  await page.getByTestId("action-failRefund").click();
  await expect(page.getByTestId("action-dialog")).toContainText("退款失败");
  await page.getByTestId("action-confirm").click();
  await expect(page.getByTestId("action-error")).toContainText("请填写操作原因");
  await page.getByTestId("action-reason").fill("微信退款关闭，改为线下转账");
  await page.screenshot({ path: "test-results/screens/order-refund-failed-dialog.png" });
  await page.getByTestId("action-confirm").click();
  await expect(page.getByTestId("action-notice")).toBeVisible();
  await expect(page.getByTestId("no-order-actions")).toBeVisible();
  await expect(page.getByTestId("timeline")).toContainText("退款失败");
  await page.screenshot({ path: "test-results/screens/order-refund-failed.png", fullPage: true });

  const [after] = await query<{ status: string; refund: string }>(
    `SELECT o.status::text AS status, (SELECT r.status::text FROM refunds r WHERE r.order_id = o.id ORDER BY requested_at DESC LIMIT 1) AS refund FROM orders o WHERE o.id = $1`,
    [o.id],
  );
  expect(after).toEqual({ status: o.before, refund: "FAILED" });
});
