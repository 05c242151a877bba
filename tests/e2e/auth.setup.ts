import { mkdirSync } from "node:fs";
import { test as setup, expect } from "@playwright/test";
import { DEMO_PASSWORD } from "../../lib/users/seed-users";
import { authDir, authFile, ROLES, signIn } from "./fixtures/test";

setup("sign in once per demo role", async ({ browser }) => {
  mkdirSync(authDir, { recursive: true });
  for (const role of ROLES) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await signIn(page, role, DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/orders/);
    await ctx.storageState({ path: authFile(role) });
    await ctx.close();
  }
});
