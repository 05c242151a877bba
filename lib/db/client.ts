import { AsyncLocalStorage } from "node:async_hooks";
import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
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

type StartingSlot = { conn?: pg.PoolClient; started?: boolean };
interface DbLinks {
  /** Set while a transaction of `transactionWithConnection` starts: the pool hands it the connection. */
  startingTransaction: AsyncLocalStorage<StartingSlot>;
  connectionOfTransaction: WeakMap<object, pg.PoolClient>;
  poolOfClient: WeakMap<object, pg.Pool>;
}
// On globalThis: Next.js bundles this module into several chunks, each with its own module state, and
// the client one chunk's createDb made (getDb's, shared through globalThis) must be known to them all.
const links = ((globalThis as { orderHubDbLinks?: DbLinks }).orderHubDbLinks ??= {
  startingTransaction: new AsyncLocalStorage<StartingSlot>(),
  connectionOfTransaction: new WeakMap(),
  poolOfClient: new WeakMap(),
});
const { startingTransaction, connectionOfTransaction, poolOfClient } = links;

/** adapter-pg takes one pool connection per interactive transaction; this pool tells who asked. */
class TransactionAwarePool extends pg.Pool {
  connect(): Promise<pg.PoolClient>;
  connect(callback: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void): void;
  connect(callback?: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void): Promise<pg.PoolClient> | void {
    if (callback) return super.connect(callback);
    return super.connect().then((conn) => {
      const slot = startingTransaction.getStore();
      if (slot && !slot.started && !slot.conn) slot.conn = conn;
      return conn;
    });
  }
}

/** Creates a Prisma client; sensitive columns are opt-in (select them explicitly). */
export function createDb(connectionString: string, max = 10) {
  const pool = new TransactionAwarePool({ connectionString, max });
  const client = new PrismaClient({
    adapter: new PrismaPg(pool, { statementNameGenerator: statementName, disposeExternalPool: true }),
    omit: { channel: { secret: true }, user: { passwordHash: true } },
  });
  poolOfClient.set(client, pool);
  return client;
}

/**
 * The client's own pg pool, for the few statements that move megabytes of bytea (an uploaded
 * import file): Prisma's path turns bytes into base64 text and back on the way in and out, which
 * on a 20 MB file cost more than storing it.
 */
export function bytesPool(db: DbClient): pg.Pool {
  const pool = poolOfClient.get(db);
  if (!pool) throw new Error("bytesPool: not a client made by createDb");
  return pool;
}

/**
 * `db.$transaction(fn)`, and `fn`'s transaction client also reaches its own pg connection through
 * `transactionConnection(tx)`. For multi-megabyte bulk statements only: Prisma's raw-query path
 * turns a Buffer parameter into base64 inside a JSON string and back again, which on a file import
 * costs about 20 µs of worker CPU per order. tests/integration/ingestion/bulk-insert.test.ts
 * holds the adapter to it: statements sent either way are in the one transaction.
 */
export async function transactionWithConnection<T>(db: DbClient, fn: (tx: Prisma.TransactionClient) => Promise<T>, options?: { maxWait?: number; timeout?: number }): Promise<T> {
  const slot: StartingSlot = {};
  return startingTransaction.run(slot, () =>
    db.$transaction(async (tx) => {
      // Nothing else has run in this scope yet: the connection taken is the one BEGIN went to.
      if (slot.conn) connectionOfTransaction.set(tx, slot.conn);
      slot.started = true; // later connections in fn (plain db calls) are not this transaction's
      return fn(tx);
    }, options),
  );
}

/** The pg connection of a transaction begun by `transactionWithConnection`, else undefined. */
export function transactionConnection(db: Db): pg.PoolClient | undefined {
  return connectionOfTransaction.get(db);
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
export async function withTx<T>(db: Db, fn: (tx: Prisma.TransactionClient) => Promise<T>, options?: { maxWait?: number; timeout?: number }): Promise<T> {
  // A Prisma 7 transaction client also has $transaction (nested); only the real client has $disconnect.
  if ("$disconnect" in db) return transactionWithConnection(db as DbClient, fn, options);
  return fn(db);
}

export { Prisma };
export * from "./generated/prisma/enums";
