import { execFileSync } from "node:child_process";
import { createHmac } from "node:crypto";
import { query } from "./fixtures/db";
import { e2eDatabaseUrl } from "./fixtures/e2e-env";
import { expect, test } from "./fixtures/test";

/**
 * A triage session on the 异常工作台: filter, claim, note, transfer, re-push, resolve — then the same
 * story on the order's page and in the audit log.
 */
test("ops triages a stuck order: filter, claim, note, transfer, re-push, resolve; it shows on the order and in the audit log", async ({ pageAs, request }) => {
  test.setTimeout(180_000);
  // The own mall pushes an order paid 3 hours ago (signed, through the real ingestion endpoint); nothing
  // has shipped it since. The rules then run for it as the worker's order-event job would.
  const orderNoM = `M${Date.now()}`;
  const at = (h: number) => new Date(Date.now() - h * 3_600_000 + 8 * 3_600_000).toISOString().slice(0, 19) + "+08:00";
  const body = JSON.stringify({
    orderNo: orderNoM, status: "PAID", createdAt: at(3.1), paidAt: at(3), updatedAt: at(3),
    receiver: { name: "李雷", phone: "13812345678", province: "浙江", city: "杭州市", district: "西湖区", detail: "文三路 100 号" },
    items: [{ skuCode: "TS-WHT-M", title: "T恤", quantity: 1, unitPrice: "79.00" }], amounts: { paid: "79.00" },
  });
  const pushed = await request.post("/api/channels/ch_own_mall/orders", {
    headers: { "content-type": "application/json", "x-signature": createHmac("sha256", "demo-secret-own-mall").update(body).digest("hex") }, data: body,
  });
  expect(pushed.status()).toBe(200);
  const [order] = await query<{ id: string }>(`SELECT id FROM orders WHERE channel_id = 'ch_own_mall' AND platform_order_id = $1`, [orderNoM]);
  execFileSync("npx", ["tsx", "tests/e2e/fixtures/anomaly-scan.ts", e2eDatabaseUrl(), order.id], { stdio: "pipe" });
  const [ex] = await query<{ id: string; order_id: string; order_no: string }>(
    `SELECT x.id, x.order_id, o.order_no FROM order_exceptions x JOIN orders o ON o.id = x.order_id
      WHERE x.rule_code = 'PAID_NOT_SHIPPED' AND x.status = 'OPEN' AND o.id = $1`,
    [order.id],
  );
  expect(ex, "the rule flagged the stuck order").toBeTruthy();

  const page = await pageAs("ops");
  await page.goto("/exceptions");
  await page.waitForLoadState("networkidle");
  await expect(page.getByTestId("bell")).toBeVisible();
  await page.screenshot({ path: "test-results/screens/exceptions-queue.png", fullPage: true });
  await page.getByTestId("filter-rule").selectOption("PAID_NOT_SHIPPED");
  await page.getByTestId("filter-severity").selectOption("SEVERE");
  await page.getByTestId("filter-apply").click();
  await expect(page).toHaveURL(/rule=PAID_NOT_SHIPPED/);
  const rows = page.getByTestId("exception-row");
  await expect(rows.first()).toBeVisible();
  for (const rule of await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-rule")))) expect(rule).toBe("PAID_NOT_SHIPPED");

  await page.goto(`/exceptions?rule=PAID_NOT_SHIPPED&id=${ex.id}`);
  await page.waitForLoadState("networkidle");
  const detail = page.getByTestId("exception-detail");
  await expect(detail).toContainText(ex.order_no);
  await expect(detail.getByTestId("sla")).toBeVisible();

  await detail.getByTestId("claim").click();
  await expect(detail.getByTestId("exception-status")).toHaveText("处理中");
  await expect(detail.getByTestId("exception-history")).toContainText("认领");

  await detail.getByTestId("note-input").fill("仓库反馈缺货，明早到货后发出");
  await detail.getByTestId("note-save").click();
  await expect(detail.getByTestId("exception-history")).toContainText("仓库反馈缺货，明早到货后发出");

  await detail.getByTestId("transfer").click();
  const transfer = page.getByTestId("transfer-dialog");
  await transfer.getByTestId("transfer-choice").selectOption({ label: "郑仓储" });
  await transfer.getByTestId("transfer-note").fill("请仓库确认到货时间");
  await transfer.getByTestId("transfer-confirm").click();
  await expect(transfer).toBeHidden();
  await expect(detail.getByTestId("exception-assignee")).toContainText("郑仓储");
  await expect(detail.getByTestId("exception-history")).toContainText("→ 郑仓储");

  await detail.getByTestId("fix-repush").click();
  await expect(detail.getByTestId("exception-history")).toContainText("重推仓库");
  const [queued] = await query<{ n: string }>(`SELECT count(*) AS n FROM outbox_events WHERE order_id = $1 AND event_type = 'INTEGRATION_RERUN'`, [ex.order_id]);
  expect(Number(queued.n)).toBe(1);

  await detail.getByTestId("resolve").click();
  const resolve = page.getByTestId("resolve-dialog");
  await resolve.getByTestId("resolve-choice").selectOption("REPUSHED");
  await resolve.getByTestId("resolve-note").fill("已重推仓库");
  await resolve.getByTestId("resolve-confirm").click();
  await expect(detail.getByTestId("exception-status")).toHaveText("已解决");
  await page.screenshot({ path: "test-results/screens/exceptions-resolved.png", fullPage: true });

  // The order's page tells the same story.
  await page.goto(`/orders/${ex.order_id}`);
  const onOrder = page.getByTestId("order-exceptions");
  for (const text of ["认领", "仓库反馈缺货", "转交", "重推仓库", "结案"]) await expect(onOrder).toContainText(text);
  await page.screenshot({ path: "test-results/screens/exceptions-on-order.png", fullPage: true });

  // And the audit log: this exception's own rows, in order, by ops; then as the auditor reads them.
  const audited = await query<{ action: string; username: string }>(
    `SELECT a.action, u.username FROM audit_log a JOIN users u ON u.id = a.actor_id
      WHERE a.entity_type = 'order_exception' AND a.entity_id = $1 ORDER BY a.id`, [ex.id]);
  expect(audited).toEqual(["exception.claim", "exception.note", "exception.assign", "exception.resolve"].map((action) => ({ action, username: "ops" })));
  const auditor = await pageAs("auditor");
  await auditor.goto(`/audit?entityType=order_exception&entityId=${ex.id}`);
  for (const action of ["exception.claim", "exception.note", "exception.assign", "exception.resolve"]) await expect(auditor.locator("main")).toContainText(action);
  await auditor.goto("/audit?action=order.repush");
  await expect(auditor.locator("main")).toContainText(ex.order_no);
});

test("the rules page and the weekly review render for ops", async ({ pageAs }) => {
  const page = await pageAs("ops");
  await page.goto("/rules");
  await page.waitForLoadState("networkidle");
  await expect(page.getByTestId("rule-BUYER_BURST")).toBeVisible();
  await expect(page.getByTestId("rule-ADDRESS_KEYWORD").getByTestId("param-keywords")).toHaveValue("临时仓\n代收点");
  await page.screenshot({ path: "test-results/screens/rules.png", fullPage: true });
  await page.goto("/exceptions/weekly");
  await expect(page.getByTestId("weekly-rule-row").first()).toBeVisible();
  await page.screenshot({ path: "test-results/screens/exceptions-weekly.png", fullPage: true });
});
