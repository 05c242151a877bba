import { query } from "./fixtures/db";
import { expect, test } from "./fixtures/test";

const SEARCH = "完整手机号 / 身份证号 / 支付宝账号 / 设备号 / 姓名";

test("ops finds a customer by phone and merges a proposed duplicate, then undoes it", async ({ pageAs }) => {
  test.setTimeout(180_000);
  const page = await pageAs("ops");
  await page.goto("/customers");
  await page.getByRole("button", { name: "运行全量匹配" }).click();
  await expect(page.getByRole("status")).toContainText("对疑似重复", { timeout: 90_000 });

  // A demo cross-channel duplicate: two customer records with the same phone, proposed by the pass.
  const [pair] = await query<{ id: string; a_id: string; b_id: string; phone: string }>(
    `SELECT p.id, a.id AS a_id, b.id AS b_id, a.phone FROM customer_merge_proposals p
       JOIN customers a ON a.id = p.customer_a_id JOIN customers b ON b.id = p.customer_b_id
      WHERE p.status = 'OPEN' AND a.phone IS NOT NULL AND a.phone = b.phone ORDER BY p.score DESC, p.id LIMIT 1`,
  );
  expect(pair, "the demo data has cross-channel duplicates").toBeTruthy();

  await page.getByLabel(SEARCH).fill(pair.phone);
  await page.getByRole("button", { name: "查找" }).click();
  const hits = page.getByTestId("customer-hit");
  await expect(hits.filter({ has: page.locator(`a[href="/customers/${pair.a_id}"]`) })).toHaveCount(1);
  await expect(hits.filter({ has: page.locator(`a[href="/customers/${pair.b_id}"]`) })).toHaveCount(1);
  await expect(page.getByTestId("customer-hits")).not.toContainText(pair.phone); // masked even for ops
  await page.screenshot({ path: "test-results/screens/customers-search.png", fullPage: true });

  await hits.filter({ has: page.locator(`a[href="/customers/${pair.a_id}"]`) }).getByRole("link", { name: "查看" }).click();
  await expect(page).toHaveURL(new RegExp(`/customers/${pair.a_id}$`));
  const row = page.getByTestId("customer-proposals").getByTestId("proposal-row").filter({ has: page.locator(`a[href="/customers/${pair.b_id}"]`) });
  await expect(row).toContainText("手机号");
  await row.getByRole("button", { name: "合并" }).click();
  await expect(page.getByTestId("customer-merges").getByTestId("merge-row")).toHaveCount(1);
  await expect(row).toHaveCount(0);
  await page.screenshot({ path: "test-results/screens/customers-merged.png", fullPage: true });
  const [b] = await query<{ merged_into_id: string | null }>(`SELECT merged_into_id FROM customers WHERE id = $1`, [pair.b_id]);
  expect(b.merged_into_id).toBe(pair.a_id);
  const [orders] = await query<{ n: string }>(`SELECT count(*) AS n FROM orders WHERE customer_id = $1`, [pair.b_id]);
  expect(Number(orders.n)).toBe(0);

  await page.getByTestId("customer-merges").getByRole("button", { name: "撤销合并" }).click();
  await expect(page.getByTestId("customer-merges")).toContainText("撤销于");
  const [after] = await query<{ merged_into_id: string | null }>(`SELECT merged_into_id FROM customers WHERE id = $1`, [pair.b_id]);
  expect(after.merged_into_id).toBeNull();
});

test("customer service looks a customer up by phone, sees it masked and records a contact", async ({ pageAs }) => {
  const [c] = await query<{ id: string; phone: string }>(
    `SELECT c.id, c.phone FROM customers c WHERE c.phone IS NOT NULL AND c.merged_into_id IS NULL
        AND EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id AND o.channel_id = 'ch_tmall')
        AND EXISTS (SELECT 1 FROM customer_identities i WHERE i.customer_id = c.id)
      ORDER BY c.id LIMIT 1`,
  );
  expect(c, "identities were collected by the previous test's pass").toBeTruthy();
  const page = await pageAs("cs");
  await page.goto("/customers");
  await expect(page.getByRole("button", { name: "运行全量匹配" })).toHaveCount(0); // CS may not merge
  await page.getByLabel(SEARCH).fill(c.phone);
  await page.getByRole("button", { name: "查找" }).click();
  await page.getByTestId("customer-hit").filter({ has: page.locator(`a[href="/customers/${c.id}"]`) }).getByRole("link", { name: "查看" }).click();
  await expect(page.getByTestId("customer-phone")).toHaveText(`${c.phone.slice(0, 3)}****${c.phone.slice(-4)}`);
  await page.reload(); // the search page's HTML (still in this document) echoes what the agent typed
  await expect(page.getByTestId("customer-phone")).toBeVisible();
  expect(await page.content()).not.toContain(c.phone);
  // Neither the HTML nor the RSC payload of the customer page carries any seeded phone in full.
  const phones = new Set((await query<{ p: string }>(`SELECT DISTINCT receiver_phone AS p FROM orders WHERE receiver_phone IS NOT NULL`)).map((r) => r.p));
  for (const headers of [{}, { RSC: "1" }] as Record<string, string>[]) {
    const body = await (await page.request.get(`/customers/${c.id}`, { headers })).text();
    expect(body).toContain(`${c.phone.slice(0, 3)}****${c.phone.slice(-4)}`);
    expect([...body.matchAll(/(?<!\d)1[3-9]\d{9}(?!\d)/g)].map((m) => m[0]).filter((p) => phones.has(p))).toEqual([]);
  }
  // Stored tags (seeded by the backfill) with their time; the figures behind them span every channel: not for CS.
  await expect(page.getByTestId("customer-tags-as-of")).toContainText("标签计算于");
  await expect(page.getByTestId("customer-tag-figures")).toHaveCount(0);
  await page.getByLabel("内容").fill("客户来电询问发货时间，已告知预计明日发出");
  await page.getByRole("button", { name: "保存" }).click();
  const note = page.getByTestId("customer-note").first();
  await expect(note).toContainText("客户来电询问发货时间");
  await expect(note).toContainText("关于订单"); // tied to one of the agent's orders
  await page.screenshot({ path: "test-results/screens/customers-cs-view.png", fullPage: true });

  // The same customer as ops: the figures behind the tags.
  const ops = await pageAs("ops");
  await ops.goto(`/customers/${c.id}`);
  await expect(ops.getByTestId("customer-tag-figures")).toContainText("已付款订单");
});

test("a customer without collected evidence shows an empty state, not a table of headers", async ({ pageAs }) => {
  const [c] = await query<{ id: string }>(`INSERT INTO customers (id, display_name) VALUES (gen_random_uuid()::text, '无证据的客户') RETURNING id`);
  const page = await pageAs("ops");
  await page.goto(`/customers/${c.id}`);
  await expect(page.getByTestId("customer-identities-empty")).toContainText("还没有收集到身份证据");
  await expect(page.getByTestId("customer-tags-as-of")).toContainText("标签尚未计算");
  await page.screenshot({ path: "test-results/screens/customers-empty.png", fullPage: true });
});
