import { expect, signIn, test } from "./fixtures/test";

/** 人走权停 through the admin UI: an admin creates a user, that user works, the admin deactivates them. */
test("admin creates a user, then deactivates them; the user's open session is logged out on its next request", async ({ pageAs, browser }) => {
  const username = `agent${Date.now() % 1_000_000}`;
  const admin = await pageAs("admin");
  await admin.goto("/admin/users");
  await admin.getByTestId("create-user").click();
  const form = admin.getByTestId("user-form");
  await form.getByLabel("用户名").fill(username);
  await form.getByLabel("初始密码").fill("short");
  await form.getByLabel("姓名").fill("新来的客服");
  await form.getByTestId("uf-role").click();
  await admin.getByRole("option", { name: "客服" }).click();
  await form.getByLabel("京东自营店").check();
  await form.getByTestId("uf-save").click();
  await expect(form.getByRole("alert")).toContainText("密码至少 8 位");
  await form.getByLabel("初始密码").fill("Agent2026pass");
  await form.getByTestId("uf-save").click();
  await expect(admin.getByTestId(`user-row-${username}`)).toContainText("京东自营店");
  await admin.screenshot({ path: "test-results/screens/admin-users.png", fullPage: true });

  const ctx = await browser.newContext();
  const user = await ctx.newPage();
  await signIn(user, username, "Agent2026pass");
  await expect(user).toHaveURL(/\/orders/);
  await expect(user.getByTestId("current-user")).toContainText("新来的客服");

  admin.once("dialog", (d) => void d.accept());
  await admin.getByTestId(`toggle-active-${username}`).click();
  await expect(admin.getByTestId(`user-row-${username}`)).toContainText("已停用");

  await user.reload();
  await expect(user).toHaveURL(/\/login\?error=USER_DEACTIVATED/);
  await expect(user.getByTestId("login-error")).toContainText("该账号已停用");
  await ctx.close();
});

test("admin edits a role's rules; non-admins are refused the admin pages on the server", async ({ pageAs }) => {
  const admin = await pageAs("admin");
  await admin.goto("/admin/roles");
  // The editors are client components: typing or clicking before hydration would be lost.
  await admin.waitForLoadState("networkidle");
  const finance = admin.getByTestId("role-FINANCE");
  await expect(finance).toBeVisible();
  await finance.getByTestId("cap-FINANCE").fill("40000");
  await finance.getByTestId("save-role-FINANCE").click();
  await expect(finance.getByRole("alert")).toHaveText("已保存");
  await admin.screenshot({ path: "test-results/screens/admin-roles.png" });
  await finance.getByTestId("cap-FINANCE").fill("50000");
  await finance.getByTestId("save-role-FINANCE").click();
  await expect(finance.getByRole("alert")).toHaveText("已保存");

  const ops = await pageAs("ops");
  await ops.goto("/admin/users");
  await expect(ops.getByTestId("forbidden")).toBeVisible();
  await expect(ops.getByTestId("user-row-admin")).toHaveCount(0);
});
