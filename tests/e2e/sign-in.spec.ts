import { hashPassword } from "../../lib/users/password";
import { DEMO_PASSWORD } from "../../lib/users/seed-users";
import { query } from "./fixtures/db";
import { expect, signIn, test } from "./fixtures/test";

test("a wrong password is refused with a clear message", async ({ page }) => {
  await signIn(page, "ops", "not-the-password");
  await expect(page.getByTestId("login-error")).toHaveText("用户名或密码错误。");
  await expect(page).toHaveURL(/\/login/);
});

test("a deactivated user cannot sign in", async ({ page }) => {
  await signIn(page, "former", DEMO_PASSWORD);
  await expect(page.getByTestId("login-error")).toContainText("该账号已停用");
});

test("deactivation ends a live session on its next request", async ({ page }) => {
  const username = `temp_${Date.now()}`;
  await query(
    `INSERT INTO users (id, username, display_name, password_hash, role_id) VALUES (gen_random_uuid()::text, $1, '临时客服', $2, 'role_ops_manager')`,
    [username, await hashPassword("Temp@pass123")],
  );
  await signIn(page, username, "Temp@pass123");
  await expect(page).toHaveURL(/\/orders/);
  await expect(page.getByTestId("current-user")).toContainText("临时客服");
  await query(`UPDATE users SET active = false, deactivated_at = now() WHERE username = $1`, [username]);
  await page.reload();
  await expect(page).toHaveURL(/\/login\?error=USER_DEACTIVATED/);
  await expect(page.getByTestId("login-error")).toContainText("该账号已停用");
});

test("five failures lock the account for 15 minutes", async ({ page }) => {
  const username = `lock_${Date.now()}`;
  await query(
    `INSERT INTO users (id, username, display_name, password_hash, role_id) VALUES (gen_random_uuid()::text, $1, '锁定测试', $2, 'role_ops_manager')`,
    [username, await hashPassword("Right@pass123")],
  );
  for (let i = 0; i < 5; i++) {
    await signIn(page, username, "wrong");
    await expect(page.getByTestId("login-error")).toHaveText("用户名或密码错误。");
  }
  await signIn(page, username, "Right@pass123");
  await expect(page.getByTestId("login-error")).toContainText("已锁定 15 分钟");
});
