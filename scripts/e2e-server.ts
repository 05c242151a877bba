// The server behind the Playwright tests: a fresh, migrated, seeded database on the test
// PostgreSQL, a production build (rebuilt only when stale), and `next start`.
import { spawn } from "node:child_process";
import { existsSync, statSync, readdirSync } from "node:fs";
import path from "node:path";
import { migrate } from "../lib/db/migrate";
import { seedDemo } from "../lib/demo/seed-demo";
import { freshDatabase, startTestServer } from "../tests/test-database";
import { E2E_DATABASE, E2E_SEED } from "../tests/e2e/fixtures/e2e-env";

const port = process.argv[2] ?? "3100";
const server = await startTestServer();
const url = await freshDatabase(server, E2E_DATABASE);
await migrate(url);
await seedDemo(url, E2E_SEED);

const env = { ...process.env, DATABASE_URL: url, AUTH_SECRET: "e2e-secret-0123456789-0123456789-abcdef", NODE_ENV: "production" as const };
const newest = (p: string): number => {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  return st.isDirectory() ? Math.max(st.mtimeMs, ...readdirSync(p).map((e) => newest(path.join(p, e)))) : st.mtimeMs;
};
const buildId = path.join(process.env.NEXT_DIST_DIR ?? ".next", "BUILD_ID");
const stale = !existsSync(buildId) || ["app", "components", "lib", "messages", "proxy.ts", "next.config.ts"].some((s) => newest(s) > statSync(buildId).mtimeMs);
if (stale) {
  await new Promise<void>((resolve, reject) =>
    spawn("node_modules/.bin/next", ["build"], { stdio: "inherit", env }).on("exit", (c) => (c === 0 ? resolve() : reject(new Error(`next build exited ${c}`)))),
  );
}
const web = spawn("node_modules/.bin/next", ["start", "-p", port, "-H", "127.0.0.1"], { stdio: "inherit", env });
const stop = async () => {
  web.kill("SIGTERM");
  await server.stop();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
web.on("exit", async (code) => {
  await server.stop();
  process.exit(code ?? 1);
});
