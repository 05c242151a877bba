import { dropDatabase, ensureDatabase, startEmbeddedPostgres, type EmbeddedServer } from "../lib/db/embedded";

/** Tests run against real PostgreSQL: DATABASE_URL's server when given, else an embedded one. */
// Overridable so that several people (or agents) can run the suites side by side.
export const TEST_PG = { dir: process.env.TEST_PG_DIR ?? ".data/pg-test", port: Number(process.env.TEST_PG_PORT ?? 54330) };

export interface TestServer {
  urlFor(database: string): string;
  stop(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  const external = process.env.DATABASE_URL;
  if (external) {
    return {
      urlFor: (database) => {
        const u = new URL(external);
        u.pathname = `/${database}`;
        return u.toString();
      },
      stop: async () => {},
    };
  }
  const server: EmbeddedServer = await startEmbeddedPostgres({ dir: TEST_PG.dir, port: TEST_PG.port, quiet: true });
  return { urlFor: (database) => server.url(database), stop: () => server.stop() };
}

/** A brand-new database for one test run. */
export async function freshDatabase(server: TestServer, name: string): Promise<string> {
  const url = server.urlFor(name);
  await dropDatabase(url);
  await ensureDatabase(url);
  return url;
}
