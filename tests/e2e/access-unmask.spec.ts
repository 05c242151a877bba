import { query } from "./fixtures/db";
import { expect, test } from "./fixtures/test";

const masked = (p: string) => `${p.slice(0, 3)}****${p.slice(-4)}`;

/** 临时权限: CS asks for a phone number with a reason, ops approves for 1 minute, CS sees it, then it expires. */
test("unmask request → approval by ops → full phone for the requester → masked again after expiry", async ({ pageAs }) => {
  test.setTimeout(240_000);
  const [o] = await query<{ id: string; order_no: string; receiver_phone: string }>(
    `SELECT id, order_no, receiver_phone FROM orders
     WHERE channel_id IN ('ch_tmall','ch_jd','ch_pdd','ch_douyin') AND receiver_phone IS NOT NULL AND NOT is_test
       AND NOT EXISTS (SELECT 1 FROM unmask_requests u WHERE u.entity_id = orders.id)
     ORDER BY order_no LIMIT 1 OFFSET 7`,
  );
  const cs = await pageAs("cs");
  await cs.goto(`/orders/${o.id}`);
  await expect(cs.getByTestId("receiver-phone")).toHaveText(masked(o.receiver_phone));
  await cs.getByTestId("unmask-request").click();
  await cs.getByTestId("unmask-field").click();
  await cs.getByRole("option", { name: "手机号" }).click();
  await cs.getByTestId("unmask-reason").fill("客户来电要求核对收货电话");
  await cs.getByTestId("unmask-submit").click();
  await expect(cs.getByTestId("unmask-pending")).toContainText("手机号");
  await cs.goto("/unmask");
  await expect(cs.getByTestId(`unmask-row-${o.order_no}`).getByTestId("unmask-status")).toHaveText("待审批");

  const ops = await pageAs("ops");
  await ops.goto("/unmask");
  const row = ops.getByTestId("unmask-queue").getByTestId(`unmask-row-${o.order_no}`);
  await expect(row).toContainText("客户来电要求核对收货电话");
  await row.getByTestId("unmask-duration").click();
  await ops.getByRole("option", { name: "1 分钟" }).click();
  await ops.screenshot({ path: "test-results/screens/unmask-queue.png", fullPage: true });
  await row.getByTestId("unmask-approve").click();
  await expect(ops.getByTestId("unmask-queue").getByTestId(`unmask-row-${o.order_no}`)).toHaveCount(0);

  const approvedAt = Date.now();
  await cs.goto(`/orders/${o.id}`);
  await expect(cs.getByTestId("receiver-phone")).toHaveText(o.receiver_phone);
  await expect(cs.getByTestId("unmask-granted")).toContainText("手机号");
  await cs.screenshot({ path: "test-results/screens/unmask-granted.png", fullPage: true });
  const [{ n }] = await query<{ n: string }>(`SELECT count(*) AS n FROM audit_log WHERE action = 'unmask.view' AND entity_id = $1`, [o.id]);
  expect(Number(n)).toBe(1);
  await cs.goto("/unmask");
  await expect(cs.getByTestId(`unmask-row-${o.order_no}`).getByTestId("unmask-status")).toHaveText("生效中");
  await cs.screenshot({ path: "test-results/screens/unmask-mine.png", fullPage: true });

  // The grant runs out; the next request shows the masked value again.
  await cs.waitForTimeout(Math.max(0, approvedAt + 62_000 - Date.now()));
  await cs.goto(`/orders/${o.id}`);
  await expect(cs.getByTestId("receiver-phone")).toHaveText(masked(o.receiver_phone));
  expect(await cs.content()).not.toContain(o.receiver_phone);
  await cs.goto("/unmask");
  await expect(cs.getByTestId(`unmask-row-${o.order_no}`).getByTestId("unmask-status")).toHaveText("已过期");
});
