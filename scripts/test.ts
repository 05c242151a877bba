// `npm test`: unit and integration tests (vitest, real PostgreSQL), then browser tests (Playwright,
// real Chromium). Stops at the first failing stage.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

// Browser tests drive Debian's Chromium (Playwright cannot download its own browser here).
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  if (process.getuid?.() !== 0) {
    console.error(`找不到 Chromium (${chromium})：请先执行 sudo apt-get install -y chromium fonts-noto-cjk，或设置 CHROMIUM_PATH。`);
    process.exit(1);
  }
  console.log("Installing Chromium from Debian packages…");
  spawnSync("sh", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk"], { stdio: "inherit" });
}

const env = { ...process.env, TZ: "UTC", NEXT_TELEMETRY_DISABLED: "1" };
const stages: [string, string[]][] = [
  ["vitest", ["run"]],
  ["playwright", ["test"]],
];
for (const [cmd, args] of stages) {
  const r = spawnSync(`node_modules/.bin/${cmd}`, args, { stdio: "inherit", env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
