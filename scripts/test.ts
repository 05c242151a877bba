// `npm test`: unit and integration tests (vitest, real PostgreSQL), then browser tests (Playwright,
// real Chromium). Stops at the first failing stage and ends with one plain summary line.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

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
// Not under test-results/: Playwright empties that folder when it starts.
const VITEST_JSON = ".data/test-reports/vitest.json";
const PLAYWRIGHT_JSON = ".data/test-reports/playwright.json";
mkdirSync(".data/test-reports", { recursive: true });
for (const f of [VITEST_JSON, PLAYWRIGHT_JSON]) rmSync(f, { force: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
function readJson(file: string): Record<string, unknown> | null {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}
function summarize(code: number): never {
  const v = readJson(VITEST_JSON) as { numPassedTests?: number; numFailedTests?: number; numPendingTests?: number; numTodoTests?: number } | null;
  if (v) {
    totals.passed += v.numPassedTests ?? 0;
    totals.failed += v.numFailedTests ?? 0;
    totals.skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
  }
  const p = readJson(PLAYWRIGHT_JSON) as { stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number } } | null;
  if (p?.stats) {
    totals.passed += (p.stats.expected ?? 0) + (p.stats.flaky ?? 0);
    totals.failed += p.stats.unexpected ?? 0;
    totals.skipped += p.stats.skipped ?? 0;
  }
  if (code !== 0 && totals.failed === 0) totals.failed = 1; // a stage that crashed before reporting
  console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  process.exit(code);
}

const stages: [string, string[]][] = [
  ["vitest", ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${VITEST_JSON}`]],
  ["playwright", ["test"]],
];
for (const [cmd, args] of stages) {
  const r = spawnSync(`node_modules/.bin/${cmd}`, args, { stdio: "inherit", env });
  if (r.status !== 0) summarize(r.status ?? 1);
  // Trust the report as well as the exit code: a failed test must fail the run whatever a library's exit hook does.
  if (cmd === "vitest") {
    const v = readJson(VITEST_JSON) as { success?: boolean; numFailedTests?: number; numFailedTestSuites?: number } | null;
    if (!v || v.success === false || (v.numFailedTests ?? 0) > 0 || (v.numFailedTestSuites ?? 0) > 0) summarize(1);
  } else {
    const p = readJson(PLAYWRIGHT_JSON) as { stats?: { unexpected?: number } } | null;
    if (!p?.stats || (p.stats.unexpected ?? 0) > 0) summarize(1);
  }
}
summarize(0);
