// `npm start`: database (embedded unless DATABASE_URL), migrations, demo data on first run, a build
// when the sources changed, then the web server and the worker. Ctrl-C stops all of them.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DatabaseUnavailableError, provisionDatabase } from "../lib/db/provision";
import { seedDemoIfEmpty } from "../lib/demo/seed-demo";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const bin = (name: string) => path.resolve("node_modules/.bin", name);

function authSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = ".data/auth-secret";
  if (!existsSync(file)) {
    mkdirSync(".data", { recursive: true });
    writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const st = statSync(entry);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(entry).map((e) => newestMtime(path.join(entry, e))));
}

function buildIsStale(): boolean {
  const buildId = ".next/BUILD_ID";
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const sources = ["app", "components", "lib", "messages", "public", "proxy.ts", "next.config.ts", "package-lock.json", "prisma/schema.prisma"];
  return sources.some((s) => newestMtime(s) > built);
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: "inherit", env });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(cmd)} exited with ${code}`))));
  });
}

let db: Awaited<ReturnType<typeof provisionDatabase>>;
try {
  db = await provisionDatabase({ databaseUrl: process.env.DATABASE_URL });
} catch (err) {
  console.error(err instanceof DatabaseUnavailableError ? err.message : err);
  process.exit(1);
}
console.log(`数据库就绪 (database ready): ${db.embedded ? "embedded PostgreSQL, data in .data/pg" : "DATABASE_URL"}`);
const seeded = await seedDemoIfEmpty(db.url);
if (seeded) console.log(`已生成演示数据 (demo data): ${seeded.orders} orders in ${seeded.seconds.toFixed(1)} s`);

const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: db.url,
  AUTH_SECRET: authSecret(),
  WEB_BASE_URL: `http://127.0.0.1:${port}`,
  NODE_ENV: dev ? "development" : "production",
};
if (!dev && buildIsStale()) {
  console.log("构建中 (building)…");
  await run(bin("next"), ["build"], env);
}

const children: ChildProcess[] = [
  spawn(bin("next"), [dev ? "dev" : "start", "-p", String(port)], { stdio: "inherit", env }),
  spawn(bin("tsx"), ["scripts/worker.ts"], { stdio: "inherit", env }),
];
console.log(`订单中枢已启动 (Order Hub is up): http://localhost:${port}  — Ctrl-C 停止`);

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  await Promise.all(
    children.map(
      (c) =>
        new Promise<void>((resolve) => {
          if (c.exitCode !== null || c.signalCode !== null) return resolve();
          const timer = setTimeout(() => c.kill("SIGKILL"), 10_000);
          c.once("exit", () => {
            clearTimeout(timer);
            resolve();
          });
          c.kill("SIGTERM");
        }),
    ),
  );
  await db.stop();
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
for (const c of children) c.on("exit", (code) => !stopping && void shutdown(code ?? 1));
