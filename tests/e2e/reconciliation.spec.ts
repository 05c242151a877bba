import { createDb } from "../../lib/db/client";
import { checkPeriod } from "../../lib/reconciliation/close-period";
import { demoWechatBill } from "../../lib/reconciliation/demo-statement";
import { addBizDays, bizDay } from "../../lib/time/biz-time";
import { loadActor } from "../../lib/users/load-actor";
import { e2eDatabaseUrl } from "./fixtures/e2e-env";
import { query } from "./fixtures/db";
import { expect, test } from "./fixtures/test";

/** A demo day whose orders already agree three ways and that has no statement yet: the bill is the only open work. */
async function cleanDay(): Promise<{ day: string; bill: string }> {
  const db = createDb(e2eDatabaseUrl(), 2);
  try {
    const finance = (await loadActor(db, (await db.user.findUniqueOrThrow({ where: { username: "finance" } })).id))!;
    const today = bizDay(new Date());
    for (let k = 10; k <= 25; k++) {
      const day = addBizDays(today, -k);
      if (await db.statementLine.count({ where: { bizDay: day } })) continue;
      if ((await checkPeriod(db, finance, day)).issues.length === 0) return { day, bill: await demoWechatBill(db, day) };
    }
    throw new Error("no demo day agrees three ways");
  } finally {
    await db.$disconnect();
  }
}

test("finance imports a WeChat bill, sees the discrepancies, locates 428.36, explains it and closes the day", async ({ pageAs }) => {
  test.setTimeout(240_000);
  const { day, bill } = await cleanDay();
  const page = await pageAs("finance");
  await page.goto("/reconciliation/statements");
  await page.waitForLoadState("networkidle");
  await page.getByTestId("statement-file").setInputFiles({ name: `wechat_${day}.csv`, mimeType: "text/csv", buffer: Buffer.from(bill, "utf8") });
  await page.getByTestId("statement-submit").click();
  await expect(page.getByTestId("statement-message")).toContainText("已导入并完成匹配");
  const row = page.getByTestId("statement-row").filter({ hasText: `wechat_${day}.csv` });
  await expect(row.getByTestId("statement-status")).toHaveText("已完成");
  await expect(row.getByTestId("statement-counts")).toContainText("未匹配 3");
  await page.screenshot({ path: "test-results/screens/reconciliation-statements.png", fullPage: true });

  // The same file again adds nothing.
  await page.getByTestId("statement-file").setInputFiles({ name: `wechat_${day}.csv`, mimeType: "text/csv", buffer: Buffer.from(bill, "utf8") });
  await page.getByTestId("statement-submit").click();
  await expect(page.getByTestId("statement-message")).toContainText("没有新增任何记录");

  await page.goto(`/reconciliation?from=${day}&to=${day}&status=OPEN`);
  await page.waitForLoadState("networkidle");
  const rows = page.getByTestId("discrepancy-row");
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toContainText("线下订单未录入");

  await page.getByTestId("locator-amount").fill("428.36");
  await page.getByTestId("locator-run").click();
  const combo = page.getByTestId("locator-combination").first();
  await expect(combo).toContainText("组合 1（3 项）");
  await expect(combo).toContainText("¥158.00");
  await expect(combo).toContainText("¥90.36");
  await page.screenshot({ path: "test-results/screens/reconciliation-locator.png", fullPage: true });
  await combo.getByTestId("explain-open").click();
  await page.getByTestId("explain-text").fill("三笔早于系统上线的线下代付订单未录入应收模块");
  await page.getByTestId("explain-submit").click();
  await expect(rows).toHaveCount(0);
  const explained = await query<{ n: string }>(`SELECT count(*) AS n FROM discrepancies WHERE biz_day = $1 AND status = 'EXPLAINED'`, [day]);
  expect(Number(explained[0].n)).toBe(3);

  await page.goto(`/reconciliation/periods?day=${day}`);
  await page.waitForLoadState("networkidle");
  await page.getByTestId("period-check").click();
  await expect(page.getByTestId("period-message")).toContainText("三单一致");
  await page.getByTestId("period-close").click();
  await expect(page.getByTestId("period-message")).toContainText("已关账");
  await expect(page.getByTestId("period-closed")).toBeVisible();
  await expect(page.getByTestId("baseline-figures")).toContainText("应收");
  await page.screenshot({ path: "test-results/screens/reconciliation-closed.png", fullPage: true });
  const closed = await query<{ n: string }>(`SELECT count(*) AS n FROM recon_periods WHERE biz_day = $1`, [day]);
  expect(Number(closed[0].n)).toBe(1);
});

test("the tracker is finance's: a CS agent is refused", async ({ pageAs }) => {
  const page = await pageAs("cs");
  await page.goto("/reconciliation");
  await expect(page.getByTestId("forbidden")).toBeVisible();
  await expect(page.getByRole("link", { name: "对账" })).toHaveCount(0);
});
