import { spawn, type ChildProcess } from "node:child_process";
import { e2eDatabaseUrl } from "./fixtures/e2e-env";
import { query } from "./fixtures/db";
import { expect, test } from "./fixtures/test";

const COLUMNS = "订单号,订单状态,下单时间,付款时间,更新时间,收件人,手机号,省,市,区,详细地址,SKU编码,商品名称,数量,单价,实付金额,支付方式,买家留言";
let worker: ChildProcess;

test.beforeAll(async () => {
  worker = spawn("node_modules/.bin/tsx", ["tests/e2e/fixtures/import-worker.ts", e2eDatabaseUrl()], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    worker.stdout!.on("data", (b: Buffer) => b.toString().includes("import-worker ready") && resolve());
    worker.on("exit", (c) => reject(new Error(`import worker exited ${c}`)));
  });
});
test.afterAll(() => {
  worker?.kill("SIGTERM");
});

/** SPEC §1: a file with a bad row imports the good rows; the bad row waits in quarantine, is fixed and replayed. */
test("ops imports a CSV with a bad row, then corrects and replays it from the quarantine", async ({ pageAs }) => {
  const tag = Date.now().toString().slice(-8);
  const good = `E2E${tag}1`;
  const bad = `E2E${tag}2`;
  const csv = [
    COLUMNS,
    `${good},PAID,2026-11-28 10:00:00,2026-11-28 10:01:00,2026-11-28 10:01:05,张伟,13800001234,浙江,杭州市,西湖区,文三路 1 号,TS-WHT-M,纯棉T恤,1,79.00,79.00,微信,加急`,
    `${bad},PAID,2026-11-28 11:00:00,2026-11-28 11:01:00,2026-11-28 11:01:05,李娜,13900005678,广东,东莞市,,南城街道 8 号,HD-BLK-L,连帽卫衣,1,199.0O,199.00,支付宝,`,
  ].join("\n");

  const page = await pageAs("ops");
  await page.goto("/ingestion/imports");
  await page.getByLabel("导入到渠道").selectOption("ch_own_mall");
  await page.getByLabel("文件").setInputFiles({ name: `orders-${tag}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByTestId("import-submit").click();
  const job = page.getByTestId("import-job").filter({ hasText: `orders-${tag}.csv` });
  await expect(job).toHaveAttribute("data-status", "DONE", { timeout: 60_000 });
  await expect(job.getByTestId("import-counts")).toContainText("新增 1");
  await expect(job.getByTestId("import-counts")).toContainText("失败 1");
  await expect(job.getByRole("link", { name: "错误报告" })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/ingestion-import.png", fullPage: true });

  const report = await page.request.get((await job.getByRole("link", { name: "错误报告" }).getAttribute("href"))!);
  expect(await report.text()).toContain(`3,${bad},INVALID_PAYLOAD`);
  const results = await page.request.get((await job.getByRole("link", { name: "导入结果" }).getAttribute("href"))!);
  const resultLines = (await results.text()).split(/\r?\n/);
  expect(resultLines[1]).toMatch(new RegExp(`^2,${good},新建,OH\\d{14},,$`));
  expect(resultLines[2]).toMatch(new RegExp(`^3,${bad},失败（已隔离）,,INVALID_PAYLOAD,`));

  await page.getByTestId("tab-quarantine").click();
  const row = page.getByTestId("quarantine-row").filter({ hasText: bad });
  await expect(row).toContainText("INVALID_PAYLOAD");
  await page.screenshot({ path: "test-results/screens/ingestion-quarantine.png", fullPage: true });
  await row.getByRole("link", { name: "查看" }).click();
  await expect(page.getByTestId("q-reason")).toContainText("items.0.unitPrice");
  const body = page.getByTestId("q-body");
  // Buyer phone and street stay masked on screen (ops sees neither in full), marked ⟦n⟧ for the replay.
  await expect(body).toHaveValue(/139\*\*\*\*5678⟦\d+⟧/);
  await expect(body).not.toHaveValue(/13900005678|南城街道 8 号/);
  await body.fill((await body.inputValue()).replace('"199.0O"', '"199.00"'));
  await page.getByTestId("q-replay").click();
  await expect(page.getByTestId("q-result")).toContainText("已重放");
  await page.screenshot({ path: "test-results/screens/ingestion-replayed.png", fullPage: true });

  const [stored] = await query<{ receiver_phone: string; receiver_detail: string; receiver_city: string; address_incomplete: boolean; source: string }>(
    `SELECT o.receiver_phone, o.receiver_detail, o.receiver_city, o.address_incomplete, l.source FROM orders o JOIN order_status_log l ON l.order_id = o.id
     WHERE o.channel_id = 'ch_own_mall' AND o.platform_order_id = $1`, [bad]);
  // The masked phone and street left in the corrected text were restored to the originals on the server.
  expect(stored).toEqual({ receiver_phone: "13900005678", receiver_detail: "南城街道 8 号", receiver_city: "东莞市", address_incomplete: false, source: "FILE_IMPORT" });

  await page.getByTestId("tab-quality").click();
  await expect(page.getByTestId("quality-table")).toContainText("官方商城");
  await page.screenshot({ path: "test-results/screens/ingestion-quality.png", fullPage: true });
});

test("the 数据接入 page is not for customer service", async ({ pageAs }) => {
  const page = await pageAs("cs");
  await page.goto("/orders");
  await expect(page.getByRole("link", { name: "数据接入" })).toHaveCount(0);
  await page.goto("/ingestion/quarantine");
  await expect(page.getByTestId("forbidden")).toBeVisible();
  await expect(page.getByTestId("quarantine-table")).toHaveCount(0);
});
