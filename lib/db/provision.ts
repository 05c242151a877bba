import pg from "pg";
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedServer } from "./embedded";
import { migrate } from "./migrate";

export interface ProvisionedDatabase {
  url: string;
  embedded: EmbeddedServer | null;
  stop(): Promise<void>;
}

/** Product default: embedded PostgreSQL under .data/pg on this port, unless DATABASE_URL is set. */
export const EMBEDDED_DEFAULTS = { dir: ".data/pg", port: 54320, database: "orderhub" };

export class DatabaseUnavailableError extends Error {
  name = "DatabaseUnavailableError";
}

async function assertReachable(url: string) {
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    // reported below
  }
  if (!parsed || !["postgres:", "postgresql:"].includes(parsed.protocol)) {
    throw new DatabaseUnavailableError(
      "DATABASE_URL 不是有效的 PostgreSQL 连接串：应形如 postgresql://用户:口令@主机:5432/库名；或去掉 DATABASE_URL 改用内置数据库。",
    );
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (err) {
    const safeUrl = new URL(url);
    safeUrl.password = safeUrl.password ? "***" : "";
    throw new DatabaseUnavailableError(
      `无法连接 DATABASE_URL 指向的数据库 ${safeUrl.host}${safeUrl.pathname}（${(err as Error).message}）：请确认 PostgreSQL 已启动、地址和口令正确，或去掉 DATABASE_URL 改用内置数据库。`,
    );
  } finally {
    await client.end().catch(() => {});
  }
}

/** Connects to DATABASE_URL, or starts the embedded server; then applies migrations. */
export async function provisionDatabase(opts: { databaseUrl?: string; dir?: string; port?: number; database?: string } = {}): Promise<ProvisionedDatabase> {
  let url = opts.databaseUrl;
  let embedded: EmbeddedServer | null = null;
  if (url) {
    await assertReachable(url);
  } else {
    try {
      embedded = await startEmbeddedPostgres({ dir: opts.dir ?? EMBEDDED_DEFAULTS.dir, port: opts.port ?? EMBEDDED_DEFAULTS.port });
    } catch (err) {
      throw new DatabaseUnavailableError(
        `内置 PostgreSQL 启动失败（${(err as Error).message}）：请确认端口 ${opts.port ?? EMBEDDED_DEFAULTS.port} 未被占用、已执行 npm install，或设置 DATABASE_URL 使用外部数据库。`,
      );
    }
    url = embedded.url(opts.database ?? EMBEDDED_DEFAULTS.database);
    await ensureDatabase(url);
  }
  await migrate(url);
  return { url, embedded, stop: async () => void (await embedded?.stop()) };
}
