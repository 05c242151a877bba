import { readFileSync } from "node:fs";
import { query } from "./fixtures/db";
import { expect, test } from "./fixtures/test";

test("an auditor searches the audit log by actor and action, sees the chain intact, and exports it", async ({ pageAs }) => {
  const auditor = await pageAs("auditor");
  await auditor.goto("/audit");
  await expect(auditor.getByTestId("chain-status")).toContainText("哈希链完整");
  await auditor.getByTestId("audit-filter-actor").fill("cs");
  await auditor.getByTestId("audit-filter-action").fill("auth.login");
  await auditor.getByTestId("audit-search").click();
  await expect(auditor).toHaveURL(/actor=cs/);
  await expect(auditor.getByTestId("audit-row").first()).toBeVisible();
  // The server re-renders after the URL changes; wait until every row shown is a match.
  await expect.poll(async () => {
    const actions = await auditor.getByTestId("audit-action").allTextContents();
    return actions.length > 0 && actions.every((a) => a.startsWith("auth.login"));
  }).toBe(true);
  await auditor.screenshot({ path: "test-results/screens/audit-search.png", fullPage: true });

  const download = auditor.waitForEvent("download");
  await auditor.getByTestId("export-button").click();
  await auditor.getByTestId("export-csv").click();
  const file = await (await download).path();
  expect(readFileSync(file, "utf8")).toContain("auth.login");
  const [last] = await query<{ action: string }>(`SELECT action FROM audit_log WHERE action = 'audit.export' ORDER BY id DESC LIMIT 1`);
  expect(last.action).toBe("audit.export");
});

test("ops exports the filtered orders (masked, audited); CS has no export and the route refuses them", async ({ pageAs }) => {
  const ops = await pageAs("ops");
  await ops.goto("/orders?channel=ch_jd&hideTest=true");
  await ops.screenshot({ path: "test-results/screens/orders-export.png" });
  const download = ops.waitForEvent("download");
  await ops.getByTestId("export-button").click();
  await ops.getByTestId("export-csv").click();
  const csv = readFileSync(await (await download).path(), "utf8");
  expect(csv).toContain("京东自营店");
  expect(csv).not.toContain("天猫旗舰店");
  expect(csv).not.toMatch(/,1[3-9]\d{9},/);
  const [audit] = await query<{ detail: { rowCount: number; filter: { channel: string[] } } }>(`SELECT detail FROM audit_log WHERE action = 'order.export' ORDER BY id DESC LIMIT 1`);
  expect(audit.detail.filter.channel).toEqual(["ch_jd"]);
  expect(audit.detail.rowCount).toBe(csv.trim().split("\n").length - 1);

  const cs = await pageAs("cs");
  await cs.goto("/orders");
  await expect(cs.getByTestId("order-link").first()).toBeVisible();
  await expect(cs.getByTestId("export-button")).toHaveCount(0);
  const res = await cs.request.get("/api/exports/orders?format=csv");
  expect(res.status()).toBe(403);
  expect(await res.json()).toEqual({ code: "FORBIDDEN", context: { permission: "order.export" } });
});
