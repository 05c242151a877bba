import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "./generated/prisma/client";

/**
 * Raw statements whose text starts with this comment are prepared once per connection and reused: for
 * hot paths with a fixed text (the lifecycle's transition statements), planning costs as much as running.
 * Opt-in, so the per-connection statement cache stays as small as the set of marked texts.
 */
export const PREPARED = "/* prepared */";
const statementNames = new Map<string, string>();
function statementName(q: { sql: string }): string {
  if (!q.sql.startsWith(PREPARED)) return ""; // "" = the unnamed statement, as without a generator
  let name = statementNames.get(q.sql);
  if (!name) statementNames.set(q.sql, (name = `oh_${createHash("sha1").update(q.sql).digest("hex").slice(0, 20)}`));
  return name;
}

/** Creates a Prisma client; sensitive columns are opt-in (select them explicitly). */
export function createDb(connectionString: string, max = 10) {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString, max }, { statementNameGenerator: statementName }),
    omit: { channel: { secret: true }, user: { passwordHash: true } },
  });
}

export type DbClient = ReturnType<typeof createDb>;
/** What domain services take: the client or a transaction of it. */
export type Db = DbClient | Prisma.TransactionClient;

const g = globalThis as unknown as { orderHubDb?: DbClient };

/** The process-wide client for DATABASE_URL (created on first use, kept across hot reloads). */
export function getDb(): DbClient {
  if (!g.orderHubDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the product with `npm start` or set DATABASE_URL.");
    g.orderHubDb = createDb(url);
  }
  return g.orderHubDb;
}

/** Runs `fn` in the caller's transaction when there is one, else in a new one. */
export async function withTx<T>(db: Db, fn: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  // A Prisma 7 transaction client also has $transaction (nested); only the real client has $disconnect.
  if ("$disconnect" in db) return (db as DbClient).$transaction(fn);
  return fn(db);
}

export { Prisma };
export * from "./generated/prisma/enums";
