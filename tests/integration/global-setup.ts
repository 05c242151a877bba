import type { TestProject } from "vitest/node";
import { dropDatabase } from "../../lib/db/embedded";
import { migrate } from "../../lib/db/migrate";
import { seedDemo } from "../../lib/demo/seed-demo";
import { freshDatabase, startTestServer } from "../test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    serverAdminUrl: string;
  }
}

/** One migrated, seeded database per integration run; each test file works inside it. */
export default async function setup(project: TestProject) {
  const server = await startTestServer();
  const url = await freshDatabase(server, `orderhub_it_${process.pid}`);
  await migrate(url);
  await seedDemo(url, { orders: 600, seed: 7 });
  project.provide("databaseUrl", url);
  project.provide("serverAdminUrl", server.urlFor("postgres"));
  return async () => {
    await dropDatabase(url);
    await server.stop();
  };
}
