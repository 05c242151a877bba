import { query } from "./fixtures/db";
import { expect, test } from "./fixtures/test";

const masked = (p: string) => `${p.slice(0, 3)}****${p.slice(-4)}`;

/** 临时权限 on a customer: CS asks for the customer's phone on the customer page, ops approves, CS sees it in full. */
test("customer unmask request → approval by ops → full phone on the customer page for the requester", async ({ pageAs }) => {
  test.setTimeout(180_000);
  const [c] = await query<{ id: string; display_name: string; phone: string }>(
    `SELECT c.id, c.display_name, c.phone FROM customers c
     WHERE c.phone IS NOT NULL AND c.merged_into_id IS NULL
       AND EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id AND o.channel_id IN ('ch_tmall','ch_jd','ch_pdd','ch_douyin'))
       AND NOT EXISTS (SELECT 1 FROM unmask_requests u WHERE u.entity_id = c.id)
       AND (SELECT count(*) FROM customers d WHERE d.display_name = c.display_name) = 1
     ORDER BY c.id LIMIT 1`,
  );
  const cs = await pageAs("cs");
  await cs.goto(`/customers/${c.id}`);
  await expect(cs.getByTestId("customer-phone")).toHaveText(masked(c.phone));
  await cs.getByTestId("unmask-request").click();
  await cs.getByTestId("unmask-reason").fill("客户来电要求核对手机号");
  await cs.getByTestId("unmask-submit").click();
  await expect(cs.getByTestId("unmask-pending")).toContainText("手机号");

  const ops = await pageAs("ops");
  await ops.goto("/unmask");
  const row = ops.getByTestId("unmask-queue").getByTestId(`unmask-row-${c.display_name}`);
  await expect(row).toContainText("客户");
  await ops.screenshot({ path: "test-results/screens/unmask-customer-queue.png", fullPage: true });
  await row.getByTestId("unmask-approve").click();
  await expect(ops.getByTestId("unmask-queue").getByTestId(`unmask-row-${c.display_name}`)).toHaveCount(0);

  await cs.goto(`/customers/${c.id}`);
  await expect(cs.getByTestId("customer-phone")).toHaveText(c.phone);
  await expect(cs.getByTestId("unmask-granted")).toContainText("手机号");
  await cs.screenshot({ path: "test-results/screens/unmask-customer-granted.png", fullPage: true });
  const [{ n }] = await query<{ n: string }>(`SELECT count(*) AS n FROM audit_log WHERE action = 'unmask.view' AND entity_type = 'customer' AND entity_id = $1`, [c.id]);
  expect(Number(n)).toBe(1);
});
