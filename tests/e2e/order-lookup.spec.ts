import { query } from "./fixtures/db";
import { expect, test } from "./fixtures/test";

/** 客服查单: a customer reads out their phone number; the agent finds the order and its story. */
test("a CS agent finds an order by phone, opens it and sees its timeline, phone masked", async ({ pageAs }) => {
  const [o] = await query<{ id: string; order_no: string; receiver_phone: string; status: string }>(
    `SELECT o.id, o.order_no, o.receiver_phone, o.status FROM orders o
     WHERE o.channel_id = 'ch_tmall' AND o.receiver_phone IS NOT NULL AND EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = o.id)
     ORDER BY o.placed_at DESC LIMIT 1`,
  );
  const page = await pageAs("cs");
  await page.goto("/orders");
  await page.getByTestId("order-search").fill(o.receiver_phone);
  await page.getByTestId("order-search-submit").click();
  await expect(page).toHaveURL(new RegExp(`q=${o.receiver_phone}`));
  const link = page.getByTestId("order-link").filter({ hasText: o.order_no });
  await expect(link).toBeVisible();
  const masked = `${o.receiver_phone.slice(0, 3)}****${o.receiver_phone.slice(-4)}`;
  await expect(page.getByTestId("row-phone").first()).toHaveText(masked);
  await page.screenshot({ path: "test-results/screens/orders-search.png", fullPage: true });

  await link.click();
  await expect(page.getByTestId("order-no")).toHaveText(o.order_no);
  await expect(page.getByTestId("receiver-phone")).toHaveText(masked);
  const entries = page.getByTestId("timeline-entry");
  expect(await entries.count()).toBeGreaterThan(1);
  await expect(page.getByTestId("amounts")).toContainText("实付金额");
  // The full number never reaches the browser, in the HTML or the RSC payload.
  const html = await page.content();
  expect(html).not.toContain(o.receiver_phone);
  const rsc = await page.request.get(`/orders/${o.id}`, { headers: { RSC: "1" } });
  expect(await rsc.text()).not.toContain(o.receiver_phone);
  await page.screenshot({ path: "test-results/screens/order-detail.png", fullPage: true });
});

test("an unknown number and a malformed search each get a clear Chinese message", async ({ pageAs }) => {
  const page = await pageAs("cs");
  await page.goto("/orders?q=OH00000000000000");
  await expect(page.getByTestId("orders-empty")).toContainText("没有找到与");
  await page.goto("/orders?q=%3Cscript%3E");
  await expect(page.getByTestId("orders-error")).toContainText("无法识别的查询内容");
  await page.goto("/orders?page=99999");
  await expect(page.getByTestId("orders-error")).toContainText("页码超出范围");
  await page.goto("/orders?min=abc");
  await expect(page.getByTestId("orders-error")).toContainText("输入内容有误");
});

test("filters and sorting live in the URL, so a view can be shared", async ({ pageAs }) => {
  const page = await pageAs("ops");
  await page.goto("/orders?status=SHIPPED&sort=paidFen&dir=desc&size=20");
  const rows = page.getByTestId("order-row");
  await expect(rows.first()).toBeVisible();
  await expect(rows.first()).toContainText("已发货");
  const [{ n }] = await query<{ n: string }>(`SELECT count(*) AS n FROM orders WHERE status = 'SHIPPED'`);
  await expect(page.getByTestId("orders-total")).toHaveText(`共 ${n} 单`);
  await page.screenshot({ path: "test-results/screens/orders-filtered.png", fullPage: true });
});

test("a CS agent cannot open an order outside their shops, even by its URL", async ({ pageAs }) => {
  const [o] = await query<{ id: string }>(`SELECT id FROM orders WHERE channel_id = 'ch_own_mall' LIMIT 1`);
  const page = await pageAs("cs");
  await page.goto(`/orders/${o.id}`);
  await expect(page.getByTestId("order-not-found")).toBeVisible();
});

test("the language switch persists for the user", async ({ pageAs }) => {
  const page = await pageAs("auditor");
  await page.goto("/orders");
  await expect(page.getByRole("heading", { name: "订单查询" })).toBeVisible();
  await page.getByTestId("locale-switch").click();
  await expect(page.getByRole("heading", { name: "Order lookup" })).toBeVisible();
  const [{ locale }] = await query<{ locale: string }>(`SELECT locale FROM users WHERE username = 'auditor'`);
  expect(locale).toBe("en");
  await page.getByTestId("locale-switch").click();
  await expect(page.getByRole("heading", { name: "订单查询" })).toBeVisible();
});

test("finance sees amounts but no receiver details", async ({ pageAs }) => {
  const [o] = await query<{ id: string }>(`SELECT id FROM orders WHERE receiver_phone IS NOT NULL LIMIT 1`);
  const page = await pageAs("finance");
  await page.goto(`/orders/${o.id}`);
  await expect(page.getByTestId("receiver")).toContainText("你的角色无权查看收货信息");
  await expect(page.getByTestId("amounts")).toBeVisible();
});
