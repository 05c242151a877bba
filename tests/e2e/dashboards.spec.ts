import { execFileSync } from "node:child_process";
import { query } from "./fixtures/db";
import { e2eDatabaseUrl } from "./fixtures/e2e-env";
import { expect, test } from "./fixtures/test";

/** Earlier specs changed orders with no worker running: bring the rollups up to date as its every-minute job would. */
const refreshRollups = () => execFileSync("npx", ["tsx", "tests/e2e/fixtures/run-job.ts", e2eDatabaseUrl(), "dashboard-rollup-refresh"], { stdio: "pipe" });

/** The order list's "共 N 单" after a drill-down. */
async function orderTotal(page: import("@playwright/test").Page) {
  await page.waitForURL(/\/orders\?/);
  const text = await page.getByTestId("orders-total").innerText();
  return Number(/([\d,]+)/.exec(text)?.[1].replace(/,/g, ""));
}

test("a manager opens each dashboard, drills into numbers and gets the matching order lists", async ({ pageAs }) => {
  test.setTimeout(180_000);
  const page = await pageAs("ops");
  refreshRollups();

  // 经营看板 · strategic: KPI cards, charts; a channel's order count opens exactly those orders.
  await page.goto("/dashboards");
  await page.waitForLoadState("networkidle");
  await expect(page.getByTestId("kpi-cycle")).toContainText("订单处理周期");
  await expect(page.getByTestId("chart-orders-per-day").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await page.screenshot({ path: "test-results/screens/dashboards-strategic.png", fullPage: true });
  const channel = page.getByTestId("channel-row").first().getByTestId("channel-orders");
  const channelOrders = Number(await channel.innerText());
  expect(channelOrders).toBeGreaterThan(0);
  await channel.click();
  expect(await orderTotal(page)).toBe(channelOrders);
  expect(page.url()).toContain("hideTest=true");

  // Tactical: the warehouse with the most waiting orders (the demo seed routes every paid order; orders
  // earlier specs ingested or shipped may leave some warehouses, or the unrouted row, with none).
  await page.goto("/dashboards?tier=tactical");
  await page.waitForLoadState("networkidle");
  await expect(page.getByTestId("chart-outbound")).toBeVisible();
  await page.screenshot({ path: "test-results/screens/dashboards-tactical.png", fullPage: true });
  const waitingLinks = page.getByTestId("warehouse-row").getByTestId("warehouse-waiting");
  await expect(waitingLinks.first()).toBeVisible();
  const waitingCounts = (await waitingLinks.allInnerTexts()).map(Number);
  const waitingOrders = Math.max(...waitingCounts);
  expect(waitingOrders).toBeGreaterThan(0);
  await waitingLinks.nth(waitingCounts.indexOf(waitingOrders)).click();
  expect(await orderTotal(page)).toBe(waitingOrders);
  await expect(page.getByTestId("drill-summary")).toContainText("来自看板的筛选");
  await page.screenshot({ path: "test-results/screens/dashboards-drill-orders.png", fullPage: true });

  // Execution: the live tier shows the manager's queues.
  await page.goto("/dashboards?tier=execution");
  await page.waitForLoadState("networkidle");
  const toShip = page.getByTestId("queue-toShip");
  await expect(toShip).toBeVisible();
  await page.screenshot({ path: "test-results/screens/dashboards-execution.png", fullPage: true });
  const toShipOrders = Number(await toShip.locator("div").nth(1).innerText());
  expect(toShipOrders).toBeGreaterThan(0);
  await toShip.click();
  expect(await orderTotal(page)).toBe(toShipOrders);

  // A KPI number drills into the orders behind it (late shipments).
  await page.goto("/dashboards");
  await page.waitForLoadState("networkidle");
  const lateText = await page.getByTestId("kpi-cycle").getByText(/其中超时/).innerText();
  const late = Number(/其中超时\s*([\d,]+)/.exec(lateText)?.[1].replace(/,/g, ""));
  expect(late).toBeGreaterThan(0);
  await page.getByTestId("kpi-cycle-value").click();
  await expect(page).toHaveURL(/flag=late/);
  expect(await orderTotal(page)).toBe(late);
});

test("a regional manager's status health shows only their region, and a status count drills into its orders", async ({ pageAs }) => {
  test.setTimeout(120_000);
  const page = await pageAs("east");
  refreshRollups();
  await page.goto("/health");
  await page.waitForLoadState("networkidle");
  await expect(page.getByTestId("chart-status").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(page.getByTestId("chart-abnormal").locator(".recharts-surface").first()).toBeVisible();
  await page.screenshot({ path: "test-results/screens/health-east.png", fullPage: true });
  // The first status with orders in the range: its count equals the region's orders in that status.
  const link = page.locator('[data-testid^="status-count-"]').first();
  const status = (await link.getAttribute("data-testid"))!.replace("status-count-", "");
  const shown = Number((await link.locator("span").innerText()).replace(/\D/g, ""));
  const [east] = await query<{ n: string }>(
    `SELECT count(*) AS n FROM orders WHERE status = $1::"OrderStatus" AND receiver_region = '华东' AND NOT is_test
       AND placed_at >= (date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') - interval '29 days') AT TIME ZONE 'Asia/Shanghai'`,
    [status],
  );
  expect(shown).toBe(Number(east.n));
  await link.click();
  expect(await orderTotal(page)).toBe(shown);
  // The regional manager's dashboards carry the region note.
  await page.goto("/dashboards");
  await expect(page.getByTestId("rollup-freshness")).toContainText("华东");
});
